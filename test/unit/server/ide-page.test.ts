import { ideContentSecurityPolicy, renderIdeMissingPage, renderIdePage } from '../../../src/server/graphiql/ide-page';

const BUNDLE = { dir: '/srv/dist/ide', script: 'ide-ABC123.js', style: 'ide-DEF456.css' };

describe('the IDE page', () => {
  it('loads the bundle by relative URLs, with no inline script and nothing from another host', () => {
    const html = renderIdePage(BUNDLE, { apiKeyRequired: false });
    expect(html).toContain('<link rel="stylesheet" href="ide/ide-DEF456.css">');
    expect(html).toContain('<script defer src="ide/ide-ABC123.js"></script>');
    expect(html).toContain('data-api-key-required="false"');
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|https?:\/\/|\/srv\//);
  });

  it('tells the bundle when an API key is required (the headers editor opens with an authorization template)', () => {
    expect(renderIdePage(BUNDLE, { apiKeyRequired: true })).toContain('data-api-key-required="true"');
  });

  it('says how to build the bundle when it is missing, without naming server paths', () => {
    expect(renderIdeMissingPage()).toContain('run <code>npm run build</code> (or <code>node scripts/build-ide.mjs</code>)');
  });

  it('allows the WebSocket of the host the page was asked from, and ignores a Host header that is not a plain host', () => {
    expect(ideContentSecurityPolicy('localhost:4000')).toContain("connect-src 'self' ws://localhost:4000 wss://localhost:4000;");
    expect(ideContentSecurityPolicy('[::1]:4000')).toContain("connect-src 'self' ws://[::1]:4000 wss://[::1]:4000;");
    expect(ideContentSecurityPolicy("evil; script-src 'unsafe-inline'")).toContain("connect-src 'self'; worker-src");
    expect(ideContentSecurityPolicy(undefined)).toContain("connect-src 'self'; worker-src");
    expect(ideContentSecurityPolicy('localhost')).toMatch(/^default-src 'none'; script-src 'self'; /);
  });
});
