import type { Page } from 'playwright-core';
import { ensureIdeBundle } from '../helpers/ide-bundle';
import type { TestGateway } from '../helpers/test-gateway';
import { startTestGateway } from '../helpers/test-gateway';
import { storedEvents } from '../helpers/stored-events';
import { screenshots } from './helpers/artifacts';
import type { TestBrowser } from './helpers/chromium';
import { launchChromium } from './helpers/chromium';
import { restrictNetwork, watchPageErrors } from './helpers/page-watch';
import { sandboxControl } from './helpers/sandbox-control';

jest.setTimeout(120_000);

/** Every wait on the page is bounded by this; a step that takes longer fails with its screenshot on disk. */
const STEP_MS = 20_000;

/** What GraphiQL's editors (CodeMirror 5) offer on their element; their DOM holds only the lines on screen. */
interface CodeMirrorEditor {
  getValue(): string;
  setValue(text: string): void;
  on(event: 'change', listener: () => void): void;
  off(event: 'change', listener: () => void): void;
}

function editorText(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((element) => (element as unknown as { CodeMirror: CodeMirrorEditor }).CodeMirror.getValue());
}

/** Resolves on the editor change that makes it contain `text` (or at once); rejects after STEP_MS with what it holds. */
async function waitForEditorText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate(
    (element, { expected, timeoutMs }) =>
      new Promise<void>((resolve, reject) => {
        const editor = (element as unknown as { CodeMirror: CodeMirrorEditor }).CodeMirror;
        const check = (): void => {
          if (!editor.getValue().includes(expected)) return;
          editor.off('change', check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          editor.off('change', check);
          reject(new Error(`the editor did not show ${JSON.stringify(expected)} within ${timeoutMs} ms; it holds ${editor.getValue().slice(0, 500)}`));
        }, timeoutMs);
        editor.on('change', check);
        check();
      }),
    { expected: text, timeoutMs: STEP_MS },
  );
}

const RESULT = '.result-window .CodeMirror';
const VARIABLES = 'section[aria-label="Variables"] .graphiql-editor:not(.hidden) .CodeMirror';

describe('the bundled GraphiQL IDE in Chromium', () => {
  let t: TestGateway;
  let browser: TestBrowser;
  const shots = screenshots('ide');

  beforeAll(async () => {
    ensureIdeBundle();
    browser = await launchChromium();
    t = await startTestGateway();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.dispose();
  });

  it('loads with the network restricted to the gateway, runs a query and a subscription, and shows a live event fired through the sandbox', async () => {
    const page = await browser.context.newPage();
    const gatewayOrigin = new URL(t.url).origin;
    const network = await restrictNetwork(page, [gatewayOrigin]);
    const errors = watchPageErrors(page);
    const sandbox = sandboxControl(t.sandbox.url);

    // `/` redirects to the endpoint, which serves the IDE to a browser.
    await page.goto(`${t.url}/`);
    expect(page.url()).toBe(t.graphqlUrl);
    await page.locator('.graphiql-container').waitFor({ timeout: STEP_MS });
    await page.locator('.graphiql-tab-button', { hasText: 'LiveGroupEvents' }).waitFor({ timeout: STEP_MS });
    await shots.take(page, 'ide-loaded');

    // The first tab (the README's groups query) runs as it is.
    await page.locator('.graphiql-execute-button').click();
    await waitForEditorText(page, RESULT, '"subject": "Watch Enthusiasts"');
    expect(JSON.parse(await editorText(page, RESULT))).toMatchObject({ data: { groups: { edges: expect.arrayContaining([expect.objectContaining({ node: expect.objectContaining({ subject: 'VIP Early Access' }) })]) } } });
    await shots.take(page, 'query-result');

    // The subscription tab, resuming after the group's latest stored event: whatever happens to the group from here
    // on reaches the IDE, whether it is stored before or after the subscription starts.
    const group = t.sandbox.control.state().groups.find((candidate) => candidate.subject === 'Watch Enthusiasts')!;
    await sandbox.sendText(group.id, '16505551234', 'marker: before the subscription');
    await sandbox.webhooksIdle();
    const stored = await storedEvents(t.graphqlUrl, group.id);
    const after = stored[stored.length - 1]!.cursor;
    await page.locator('.graphiql-tab-button', { hasText: 'LiveGroupEvents' }).click();
    await page.locator('.graphiql-editor-tools button[data-name="variables"]').click();
    await page.locator(VARIABLES).evaluate((element, value) => (element as unknown as { CodeMirror: CodeMirrorEditor }).CodeMirror.setValue(value), JSON.stringify({ groupId: group.id, after }, null, 2));
    await page.locator('.graphiql-execute-button').click();
    await shots.take(page, 'subscription-running');

    await sandbox.sendText(group.id, '447700900123', 'Hello from the sandbox');
    await waitForEditorText(page, RESULT, 'Hello from the sandbox');
    const shown = JSON.parse(await editorText(page, RESULT)) as { data: { groupEvents: Record<string, unknown> } };
    expect(shown.data.groupEvents).toMatchObject({ type: 'MESSAGE_RECEIVED', groupId: group.id, text: 'Hello from the sandbox', from: { waId: '447700900123' } });
    expect(shown.data.groupEvents.id).toBe((await storedEvents(t.graphqlUrl, group.id, after))[0]?.id); // the one event since the cursor
    await shots.take(page, 'live-event');

    // The explorer plugin and GraphiQL's dialogs insert styles at run time: the page's CSP must let them (a refusal
    // would be a console error below).
    await page.locator('.graphiql-sidebar button[aria-label="Show GraphiQL Explorer"]').click();
    await page.locator('.graphiql-plugin').getByText('Explorer').first().waitFor({ timeout: STEP_MS });
    await page.locator('.graphiql-sidebar button[aria-label="Open settings dialog"]').click();
    await page.getByRole('dialog').waitFor({ timeout: STEP_MS });
    await shots.take(page, 'explorer-and-settings');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached', timeout: STEP_MS });

    // Nothing but the gateway was asked for anything (no CDN, no fonts, no telemetry), and nothing broke (CSP included).
    expect(network.outside).toEqual([]);
    expect(errors.exceptions).toEqual([]);
    expect(errors.consoleErrors).toEqual([]);
    await page.close();
  });
});
