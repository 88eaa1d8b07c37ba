import { prefersHtml } from '../../../src/server/graphiql/prefers-html';

describe('prefersHtml', () => {
  it.each([
    ['Chromium navigation', 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7'],
    ['Firefox navigation', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
    ['only HTML', 'text/html'],
    ['HTML ranked above JSON', 'application/json;q=0.5, text/html'],
  ])('a page for %s', (_name, accept) => expect(prefersHtml(accept)).toBe(true));

  it.each([
    ['no Accept', undefined],
    ['curl', '*/*'],
    ['a GraphQL-over-HTTP client', 'application/graphql-response+json, application/json;q=0.9'],
    ['a JSON client', 'application/json'],
    ['a tie', 'text/html, application/json'],
    ['HTML ranked below everything', 'text/html;q=0.1, */*'],
    ['HTML refused', 'text/html;q=0'],
    ['a broken q', 'text/html;q=high'],
  ])('GraphQL for %s', (_name, accept) => expect(prefersHtml(accept)).toBe(false));
});
