import type { Page } from 'playwright-core';
import type { GatewaySettings } from '../../examples/web/server';
import type { TestGateway } from '../helpers/test-gateway';
import { startTestGateway } from '../helpers/test-gateway';
import { screenshots } from './helpers/artifacts';
import type { TestBrowser } from './helpers/chromium';
import { launchChromium } from './helpers/chromium';
import type { ExampleApp } from './helpers/example-app';
import { buildExampleApp, gatewaySettings } from './helpers/example-app';

jest.setTimeout(120_000);

const STEP_MS = 20_000;

/** What a page's own script gets when it reads the gateway: the answer, or the browser's refusal. */
type ReadOutcome = { read: true; status: number; body: string; requestId: string | null } | { read: false; error: string };

/** From inside the page: a GraphQL POST as Apollo Client sends it (JSON, so preflighted). */
function readFromPage(page: Page, graphqlUrl: string): Promise<ReadOutcome> {
  return page.evaluate(async (url): Promise<ReadOutcome> => {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      return { read: true, status: response.status, body: await response.text(), requestId: response.headers.get('x-request-id') };
    } catch (error) {
      return { read: false, error: String(error) };
    }
  }, graphqlUrl);
}

/** From inside the page: a simple (not preflighted) GET, which the browser sends but whose answer it keeps from the page without CORS. */
function simpleGetFromPage(page: Page, graphqlUrl: string): Promise<ReadOutcome> {
  return page.evaluate(async (url): Promise<ReadOutcome> => {
    try {
      const response = await fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`);
      return { read: true, status: response.status, body: await response.text(), requestId: response.headers.get('x-request-id') };
    } catch (error) {
      return { read: false, error: String(error) };
    }
  }, graphqlUrl);
}

/** From inside the page: opens a graphql-ws WebSocket and reports how it closed (or that it was acknowledged). */
function webSocketFromPage(page: Page, wsUrl: string): Promise<{ acknowledged: boolean; code: number | null; reason: string }> {
  return page.evaluate(
    (url) =>
      new Promise<{ acknowledged: boolean; code: number | null; reason: string }>((resolve) => {
        const socket = new WebSocket(url, 'graphql-transport-ws');
        socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
        socket.onmessage = (message) => {
          if (JSON.parse(String(message.data)).type !== 'connection_ack') return;
          socket.onclose = null;
          socket.close(1000);
          resolve({ acknowledged: true, code: null, reason: '' });
        };
        socket.onclose = (event) => resolve({ acknowledged: false, code: event.code, reason: event.reason });
      }),
    wsUrl,
  );
}

describe('a page on an origin CORS_ORIGINS does not list, in Chromium', () => {
  let t: TestGateway;
  let app: ExampleApp;
  let browser: TestBrowser;
  let settings: GatewaySettings | null = null;
  const shots = screenshots('cors');
  const gateway = (): GatewaySettings => {
    if (settings === null) throw new Error('the gateway is not started yet');
    return settings;
  };

  beforeAll(async () => {
    [app, browser] = await Promise.all([buildExampleApp(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    await t?.dispose();
  });

  it('cannot read an answer or keep a WebSocket, while the listed origin can', async () => {
    // The same app on two origins; only the first is listed.
    const allowed = await app.serve(gateway);
    const foreign = await app.serve(gateway);
    t = await startTestGateway({ env: { CORS_ORIGINS: allowed.url } });
    settings = gatewaySettings(t.url);

    const allowedPage = await browser.context.newPage();
    await allowedPage.goto(allowed.url);
    await allowedPage.locator('[data-testid="group"]').first().waitFor({ timeout: STEP_MS });
    const read = await readFromPage(allowedPage, settings.httpUrl);
    expect(read).toMatchObject({ read: true, status: 200, body: `${JSON.stringify({ data: { __typename: 'Query' } })}\n` });
    expect(read.read && read.requestId).toMatch(/^[0-9a-f-]{36}$/); // exposed to the page
    expect(await webSocketFromPage(allowedPage, settings.wsUrl)).toEqual({ acknowledged: true, code: null, reason: '' });
    await shots.take(allowedPage, 'listed-origin');

    const foreignPage = await browser.context.newPage();
    await foreignPage.goto(foreign.url);
    const failure = foreignPage.locator('[data-testid="groups-error"]');
    await failure.waitFor({ timeout: STEP_MS });
    expect(await failure.textContent()).toMatch(/^Could not load the groups: /);
    expect(await foreignPage.locator('[data-testid="group"]').count()).toBe(0);
    expect(await readFromPage(foreignPage, settings.httpUrl)).toEqual({ read: false, error: 'TypeError: Failed to fetch' });
    expect(await simpleGetFromPage(foreignPage, settings.httpUrl)).toEqual({ read: false, error: 'TypeError: Failed to fetch' });
    expect(await webSocketFromPage(foreignPage, settings.wsUrl)).toEqual({ acknowledged: false, code: 4403, reason: 'Forbidden: origin not allowed' });
    await shots.take(foreignPage, 'other-origin');
  });
});
