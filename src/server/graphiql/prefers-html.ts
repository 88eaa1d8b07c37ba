/** Media types a GraphQL client asks for (GraphQL over HTTP); `*` wildcards count for them, never for HTML. */
const GRAPHQL_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'];

/**
 * Whether an `Accept` header asks for a page rather than a GraphQL answer: `text/html` is named and ranked above every
 * JSON type the request would also take. A browser's navigation (`text/html,...,*\/*;q=0.8`) does; curl's `*\/*`, a
 * GraphQL client's JSON types and a tie (`text/html, application/json`) do not, so no GraphQL client gets a page.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  let html = 0;
  let graphql = 0;
  for (const range of accept.split(',')) {
    const [rawType = '', ...parameters] = range.split(';');
    const type = rawType.trim().toLowerCase();
    const quality = qualityOf(parameters);
    if (type === 'text/html') html = Math.max(html, quality);
    if (type === '*/*' || type === 'application/*' || GRAPHQL_MEDIA_TYPES.includes(type)) graphql = Math.max(graphql, quality);
  }
  return html > graphql;
}

function qualityOf(parameters: readonly string[]): number {
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'q') continue;
    const quality = Number(value.trim());
    return Number.isFinite(quality) && quality >= 0 && quality <= 1 ? quality : 0;
  }
  return 1;
}
