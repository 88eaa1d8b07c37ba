import type { ParseCollector } from '../shared/parse-collector';
import { objectAt } from '../shared/json-read';
import type { YCloudEnvelope } from './ycloud.envelope';
import type { YCloudGroup, YCloudOutcome } from './ycloud.group';
import { readYCloudGroup } from './ycloud.group';
import { normaliseYCloudGroupStatus } from './ycloud.group-status';
import { normaliseYCloudLifecycle } from './ycloud.lifecycle';
import { normaliseYCloudParticipants } from './ycloud.participants';
import { normaliseYCloudSettings } from './ycloud.settings';

const HANDLERS: ReadonlyMap<string, (group: YCloudGroup) => YCloudOutcome> = new Map([
  ['whatsapp.group.lifecycle_update', normaliseYCloudLifecycle],
  ['whatsapp.group.participants_update', normaliseYCloudParticipants],
  ['whatsapp.group.settings_update', normaliseYCloudSettings],
  ['whatsapp.group.status_update', normaliseYCloudGroupStatus],
]);

/**
 * Normalises a checked YCloud delivery: one event per envelope for every type we model, identified by
 * YCloud's event id (with the index appended if a payload ever yields several). Other YCloud event types
 * (47 in all: messages, templates, …) are ignored.
 */
export function normaliseYCloudDelivery(envelope: YCloudEnvelope, out: ParseCollector): void {
  const handle = HANDLERS.get(envelope.type);
  if (handle === undefined) return out.ignore(envelope.type, 'YCloud event type not modelled by the gateway');
  const payload = objectAt(envelope.document, 'whatsappGroup');
  if (payload === null) return out.ignore(envelope.type, 'no whatsappGroup object');
  const group = readYCloudGroup(envelope, payload);
  if (group === null) return out.ignore(envelope.type, 'whatsappGroup without groupId');
  const outcome = handle(group);
  if (!Array.isArray(outcome)) return out.ignore(`${envelope.type}.${group.type}`, outcome.ignored);
  outcome.forEach((draft, index) => out.emit(draft, outcome.length === 1 ? envelope.id : `${envelope.id}#${index}`));
}
