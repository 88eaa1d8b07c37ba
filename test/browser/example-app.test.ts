import type { Page } from 'playwright-core';
import type { TestGateway } from '../helpers/test-gateway';
import { startTestGateway } from '../helpers/test-gateway';
import { storedEvents } from '../helpers/stored-events';
import type { TcpProxy } from '../helpers/tcp-proxy';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { screenshots } from './helpers/artifacts';
import type { TestBrowser } from './helpers/chromium';
import { launchChromium } from './helpers/chromium';
import type { ExampleApp } from './helpers/example-app';
import { buildExampleApp, gatewaySettings } from './helpers/example-app';
import { watchPageErrors } from './helpers/page-watch';
import { sandboxControl } from './helpers/sandbox-control';

jest.setTimeout(120_000);

/** Every wait on the page is bounded by this; a step that takes longer fails with its screenshot on disk. */
const STEP_MS = 20_000;
/** The promise: a participant-added event is on screen within a second of the sandbox firing it. */
const LIVE_LATENCY_MS = 1_000;
const PHONE_NUMBER_ID = '106540352242922';

const shownEventIds = (page: Page): Promise<string[]> => page.locator('[data-testid="event"]').evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { eventId: string } }).dataset.eventId));

describe('the example app (examples/web) in Chromium, served from its own origin', () => {
  let t: TestGateway;
  let proxy: TcpProxy;
  let app: ExampleApp;
  let browser: TestBrowser;
  const shots = screenshots('example-app');

  beforeAll(async () => {
    [app, browser, t] = await Promise.all([buildExampleApp(), launchChromium(), startTestGateway()]);
    // The app reaches the gateway through a proxy the test can cut, as a network would drop.
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(t.url).port) });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
    await proxy?.dispose();
    await t?.dispose();
  });

  it('lists groups page by page, approves a join request, shows the live event within a second, and after a dropped WebSocket shows each missed event once', async () => {
    const sandbox = sandboxControl(t.sandbox.url);
    const server = await app.serve(() => gatewaySettings(`http://127.0.0.1:${proxy.port}`));
    expect(new URL(server.url).port).not.toBe(new URL(t.url).port); // another origin: every call is cross-origin (CORS)
    await sandbox.seedGroups(PHONE_NUMBER_ID, 8, 'Reading Circle'); // 6 demo groups + 8: two pages of 10
    const vip = t.sandbox.control.state().groups.find((group) => group.subject === 'VIP Early Access')!;
    // Something in the group's log before it opens: the app resumes from the newest stored event, race-free.
    await sandbox.requestToJoin(vip.id, '15550003333', 'carol');
    await sandbox.webhooksIdle();

    const page = await browser.context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(server.url);

    // 1. The groups of the default number, ten at a time.
    const groups = page.locator('[data-testid="group"]');
    await page.locator('[data-testid="more-groups"]').waitFor({ timeout: STEP_MS });
    expect(await groups.count()).toBe(10);
    await page.locator('[data-testid="more-groups"]').click();
    await groups.nth(13).waitFor({ timeout: STEP_MS });
    expect(await groups.count()).toBe(14);
    expect(await page.locator('[data-testid="more-groups"]').count()).toBe(0);
    await shots.take(page, 'groups');

    // 2. A group: participants, invite link, pending requests, and its stored events.
    await page.locator(`[data-testid="group"][data-group-id="${vip.id}"]`).click();
    const detail = page.locator(`[data-testid="group-detail"][data-group-id="${vip.id}"]`);
    await detail.waitFor({ timeout: STEP_MS });
    const requests = detail.locator('[data-testid="join-request"]');
    await requests.nth(2).waitFor({ timeout: STEP_MS });
    expect(await detail.locator('[data-testid="invite-link"]').getAttribute('href')).toBe(vip.inviteLink);
    expect(await detail.locator('[data-testid="participant"]').evaluateAll((items) => items.map((item) => (item as unknown as { dataset: { waId: string } }).dataset.waId))).toEqual(
      vip.participants.map((participant) => participant.waId),
    );
    await page.locator('[data-testid="event"][data-event-type="JOIN_REQUEST_CREATED"][data-live="false"]').waitFor({ timeout: STEP_MS });
    await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout: STEP_MS });
    await shots.take(page, 'group-open');

    // 3. Approve a request: the sandbox adds the participant and fires Meta's webhook; the event is shown live.
    const approvedAt = Date.now();
    await requests.filter({ hasText: '+14155550123' }).locator('[data-action="approve"]').click();
    const joined = page.locator('[data-testid="event"][data-event-type="PARTICIPANTS_ADDED"][data-live="true"]');
    await joined.waitFor({ timeout: STEP_MS });
    const latencyMs = Number(await joined.getAttribute('data-shown-at')) - approvedAt;
    expect(latencyMs).toBeLessThan(LIVE_LATENCY_MS);
    expect(await joined.textContent()).toContain('+14155550123');
    // The mutation's payload updated the view: the requester is a participant, the request is gone.
    await detail.locator('[data-testid="participant"][data-wa-id="14155550123"]').waitFor({ timeout: STEP_MS });
    expect(await requests.filter({ hasText: '+14155550123' }).count()).toBe(0);
    await shots.take(page, 'approved');

    // 4. The network drops: the WebSocket dies and every reconnection is refused while two events happen.
    const shownBefore = await shownEventIds(page);
    await proxy.cut();
    await proxy.dropped(1); // the app noticed and tried again
    await sandbox.sendText(vip.id, '447700900123', 'Sent while you were away');
    await sandbox.requestToJoin(vip.id, '15550004444', 'dora');
    await sandbox.webhooksIdle();
    const stored = await storedEvents(t.graphqlUrl, vip.id);
    const missed = stored.slice(stored.findIndex((event) => event.id === shownBefore[0]) + 1).map((event) => event.id);
    expect(missed).toHaveLength(2);
    expect((await shownEventIds(page)).filter((id) => missed.includes(id))).toEqual([]);
    await shots.take(page, 'disconnected');

    // 5. The network is back: the app resubscribes after the last event it showed and the gateway replays the rest.
    proxy.restore();
    for (const id of missed) await page.locator(`[data-testid="event"][data-event-id="${id}"]`).waitFor({ timeout: STEP_MS });
    await page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout: STEP_MS });
    const shownAfter = await shownEventIds(page);
    expect([...shownAfter].reverse()).toEqual(stored.map((event) => event.id)); // every stored event once, in log order
    expect(await page.locator('[data-testid="event"]', { hasText: 'Sent while you were away' }).count()).toBe(1);
    await shots.take(page, 'resumed');

    expect(errors.exceptions).toEqual([]);
    await page.close();
  });
});
