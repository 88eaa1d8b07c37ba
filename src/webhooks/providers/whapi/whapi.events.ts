import type { ParseCollector } from '../shared/parse-collector';
import { own } from '../shared/json-read';
import type { WhapiEnvelope } from './whapi.envelope';
import { normaliseWhapiGroupUpdate } from './whapi.group-updates';
import { normaliseWhapiGroupJoined, normaliseWhapiParticipants } from './whapi.groups';
import { normaliseWhapiMessage } from './whapi.messages';

type ItemHandler = (envelope: WhapiEnvelope, item: unknown, out: ParseCollector) => void;

/** The events we model, with the payload array each one comes in (docs/webhooks.md#whapi-envelope). */
const HANDLERS: ReadonlyMap<string, { payloadKey: string; handle: ItemHandler }> = new Map([
  ['groups.post', { payloadKey: 'groups', handle: normaliseWhapiGroupJoined }],
  ['groups.put', { payloadKey: 'groups_participants', handle: normaliseWhapiParticipants }],
  ['groups.patch', { payloadKey: 'groups_updates', handle: normaliseWhapiGroupUpdate }],
  ['messages.post', { payloadKey: 'messages', handle: normaliseWhapiMessage }],
]);

/** Normalises every item of a checked delivery; other events (statuses, chats, presences, …) are ignored. */
export function normaliseWhapiDelivery(envelope: WhapiEnvelope, out: ParseCollector): void {
  const handler = HANDLERS.get(envelope.kind);
  if (handler === undefined) return out.ignore(envelope.kind, 'Whapi event not modelled by the gateway');
  const items = own(envelope.document, handler.payloadKey);
  if (!Array.isArray(items)) return out.ignore(envelope.kind, `no ${handler.payloadKey}[] array for ${envelope.kind}`);
  for (const item of items) handler.handle(envelope, item, out);
}
