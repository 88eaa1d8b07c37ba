import { GraphApiError } from './sandbox-graph-api-error';

/** `/v23.0/<a>/<b>` → version and decoded segments; the version is optional, as on graph.facebook.com. */
export function splitGraphPath(pathname: string): { version: string | null; segments: string[] } {
  const parts = pathname.split('/').filter((p) => p !== '');
  let segments: string[];
  try {
    segments = parts.map((p) => decodeURIComponent(p));
  } catch {
    throw new GraphApiError({ code: 100, details: `Malformed path: ${pathname}` });
  }
  if (segments.length > 0 && /^v\d+\.\d+$/.test(segments[0]!)) return { version: segments[0]!, segments: segments.slice(1) };
  return { version: null, segments };
}
