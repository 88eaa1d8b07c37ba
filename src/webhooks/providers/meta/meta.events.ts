import type { ParseCollector } from '../shared/parse-collector';
import type { JsonObject } from '../shared/json-read';
import { idAt, objectAt, own, stringAt } from '../shared/json-read';
import { indexMetaContacts } from './meta.contacts';
import type { MetaChangeContext, MetaGroupItem } from './meta.group-item';
import { readMetaGroupItem } from './meta.group-item';
import { normaliseMetaGroupStatus } from './meta.group-status';
import { normaliseMetaLifecycle } from './meta.lifecycle';
import { normaliseMetaStatus } from './meta.message-statuses';
import { normaliseMetaMessage } from './meta.messages';
import { normaliseMetaParticipants } from './meta.participants';
import { normaliseMetaSettings } from './meta.settings';

type GroupItemHandler = (group: MetaGroupItem, out: ParseCollector) => void;

const GROUP_FIELDS: ReadonlyMap<string, GroupItemHandler> = new Map([
  ['group_lifecycle_update', normaliseMetaLifecycle],
  ['group_participants_update', normaliseMetaParticipants],
  ['group_settings_update', normaliseMetaSettings],
  ['group_status_update', normaliseMetaGroupStatus],
]);

/** Meta's OpenAPI spec spells the participants field in the singular; the prose docs are canonical. */
const FIELD_ALIASES: ReadonlyMap<string, string> = new Map([['group_participant_update', 'group_participants_update']]);

/**
 * Normalises every entry × change × item of a delivery whose envelope was already checked. Nothing in here
 * throws for content: a malformed entry, an unknown field or an item without a group goes to `ignored`.
 */
export function normaliseMetaEntries(entries: readonly unknown[], out: ParseCollector): void {
  for (const entry of entries) {
    const changes = own(entry, 'changes');
    if (!Array.isArray(changes)) {
      out.ignore('entry', 'entry[] item without a changes[] array');
      continue;
    }
    const wabaId = idAt(entry, 'id');
    for (const change of changes) normaliseChange(wabaId, change, out);
  }
}

function normaliseChange(wabaId: string | null, change: unknown, out: ParseCollector): void {
  const sentField = stringAt(change, 'field') ?? '';
  const field = FIELD_ALIASES.get(sentField) ?? sentField;
  const value = objectAt(change, 'value');
  if (value === null) {
    out.ignore(field || 'change', 'change without a value object');
    return;
  }
  const metadata = objectAt(value, 'metadata');
  const phoneNumberId = idAt(metadata, 'phone_number_id');
  // Only the documented metadata goes into each event's raw fragment: the object is shared by every item of
  // the change, so an oversized one copied onto thousands of events would multiply the delivery's size.
  const rawMetadata = metadata === null ? null : { display_phone_number: stringAt(metadata, 'display_phone_number'), phone_number_id: phoneNumberId };
  const context: MetaChangeContext = { wabaId, field, sentField, metadata: rawMetadata, phoneNumberId };
  const handler = GROUP_FIELDS.get(field);
  if (handler !== undefined) return normaliseGroupItems(context, value, handler, out);
  if (field === 'messages') return normaliseMessages(context, value, out);
  out.ignore(field || 'change', 'webhook field not modelled by the gateway');
}

function normaliseGroupItems(context: MetaChangeContext, value: JsonObject, handler: GroupItemHandler, out: ParseCollector): void {
  const items = own(value, 'groups');
  if (!Array.isArray(items)) {
    out.ignore(context.field, 'value without a groups[] array');
    return;
  }
  for (const item of items) {
    const group = readMetaGroupItem(context, item, out);
    if (group !== null) handler(group, out);
  }
}

function normaliseMessages(context: MetaChangeContext, value: JsonObject, out: ParseCollector): void {
  const messages = own(value, 'messages');
  const statuses = own(value, 'statuses');
  const contacts = indexMetaContacts(value);
  if (Array.isArray(messages)) for (const message of messages) normaliseMetaMessage(context, message, contacts, out);
  if (Array.isArray(statuses)) for (const status of statuses) normaliseMetaStatus(context, status, contacts, out);
  if (Array.isArray(own(value, 'errors'))) out.ignore('messages.errors', 'system-level errors, not tied to a group');
  else if (!Array.isArray(messages) && !Array.isArray(statuses)) out.ignore('messages', 'value without messages[] or statuses[]');
}
