import { existsSync, readFileSync } from 'node:fs';
import type { TestGateway } from '../../../helpers/test-gateway';

/** Waits for a condition no event announces (a file another process writes, a server-side count); bounded. */
export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The events a tail wrote, one JSON object per line; a line still being written (no newline yet) is not one. */
export function eventsIn(file: string): { id: string; cursor: string; type: string; text?: string }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(0, -1)
    .map((line) => JSON.parse(line) as { id: string; cursor: string; type: string; text?: string });
}

/** A participant of the group writes to it, through the sandbox's control API over HTTP; resolves once the gateway stored it. */
export async function userWrites(t: TestGateway, groupId: string, text: string): Promise<void> {
  const waId = t.sandbox.control.group(groupId)?.participants[0]?.waId;
  if (waId === undefined) throw new Error(`group ${groupId} has no participant to write`);
  const control = `${t.sandbox.url}/sandbox`;
  const sent = await fetch(`${control}/groups/${encodeURIComponent(groupId)}/messages`, { method: 'POST', body: JSON.stringify({ waId, text }) });
  if (sent.status !== 200) throw new Error(`sandbox control answered ${sent.status}: ${await sent.text()}`);
  const idle = await fetch(`${control}/webhooks/idle`);
  if (idle.status !== 200) throw new Error(`sandbox webhooks/idle answered ${idle.status}`);
}

/** The group's events as the gateway's log holds them, oldest first (read in process: no API key needed). */
export async function storedEvents(t: TestGateway, groupId: string): Promise<{ id: string; cursor: string }[]> {
  const page = await t.gateway.events!.log.read({ groupId, limit: 1000 });
  return page.events.map((event) => ({ id: event.id, cursor: event.cursor }));
}

export async function storedEventIds(t: TestGateway, groupId: string): Promise<string[]> {
  return (await storedEvents(t, groupId)).map((event) => event.id);
}

/** Live subscriptions the gateway serves right now (graphql-ws). */
export function liveSubscriptions(t: TestGateway): number {
  return t.gateway.ws?.stats().subscriptions ?? 0;
}
