import type { IdeBundle } from './ide-bundle';
import { IDE_BUILD_HINT } from './ide-bundle';

/** What the IDE page tells the bundle (as data attributes: no inline script, so the CSP needs none). */
export interface IdePageOptions {
  /** GATEWAY_AUTH is on: the headers editor opens with an `authorization` template to fill in. */
  apiKeyRequired: boolean;
}

/** A Host header that can go into a CSP source as it is (no `;`, spaces or quotes). */
const PLAIN_HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * The page loading the bundle. Its URLs are relative (`ide/...` next to `/graphql`), and the bundle talks to the page's
 * own URL over HTTP and WebSocket, so it keeps working behind a proxy that mounts the gateway under a path.
 */
export function renderIdePage(bundle: IdeBundle, options: IdePageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphQL IDE · WhatsApp Groups Gateway</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="ide/${bundle.style}">
<script defer src="ide/${bundle.script}"></script>
</head>
<body>
<div id="graphiql" data-api-key-required="${options.apiKeyRequired ? 'true' : 'false'}"><noscript>The GraphQL IDE needs JavaScript.</noscript></div>
</body>
</html>
`;
}

/** Shown instead of the IDE while its bundle is missing (the reason goes to the log, not to the page). */
export function renderIdeMissingPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>GraphQL IDE not built</title><link rel="icon" href="data:,"></head>
<body>
<h1>The GraphQL IDE is not built</h1>
<p>GraphQL is served at this URL, but the bundled GraphiQL IDE was not found: ${IDE_BUILD_HINT.replace(/`([^`]+)`/g, '<code>$1</code>')}, then restart the gateway.</p>
</body>
</html>
`;
}

/**
 * The IDE's own policy: scripts, styles, fonts and workers from this origin only, network to this origin only (HTTP
 * and its WebSocket), nothing framed, nothing posted elsewhere. Styles allow inline because GraphiQL's editors and
 * dialogs set style attributes and insert style elements at run time; no inline script runs.
 */
export function ideContentSecurityPolicy(host: string | undefined): string {
  const sockets = host !== undefined && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
