import type { SettingChange } from '../../../events/event-model';
import type { ParseCollector } from '../shared/parse-collector';
import { arrayAt, idAt, objectAt, stringAt, toText } from '../shared/json-read';
import type { WhapiEnvelope } from './whapi.envelope';
import { whapiGroupIdentity, whapiItemDigest, whapiRaw } from './whapi.item';

/** Group fields that belong to a setting we model; everything else named in `changes[]` is an "other change". */
const SUBJECT_FIELDS = new Set(['name', 'name_at', 'name_owner']);
const DESCRIPTION_FIELDS = new Set(['description', 'description_id', 'description_owner']);
const PICTURE_FIELDS = new Set(['chat_pic', 'chat_pic_full']);

/** Whapi's placeholder for "the picture changed, URL unknown" (docs/webhooks.md#whapi-events). */
const PICTURE_CHANGED = 'changed';

/**
 * groups.patch (`groups_updates[]`): full `before_update`/`after_update` snapshots plus `changes[]`, the names
 * of the changed fields. A setting counts as changed when `changes[]` names it or the snapshots differ
 * (docs/webhooks.md#whapi-events: `changes[]` alone may miss one). A picture change carries the new URL,
 * or null when Whapi only says "changed". Whapi has no failure path here: every change succeeded.
 */
export function normaliseWhapiGroupUpdate(envelope: WhapiEnvelope, item: unknown, out: ParseCollector): void {
  const before = objectAt(item, 'before_update');
  const after = objectAt(item, 'after_update');
  const groupId = idAt(after, 'id') ?? idAt(before, 'id');
  if (groupId === null || after === null) {
    out.ignore(envelope.kind, 'groups_updates[] item without after_update.id');
    return;
  }
  const changes = new Set(arrayAt(item, 'changes').map(toText).filter((name): name is string => name !== null));
  const changed = (fields: ReadonlySet<string>, field: string): boolean =>
    [...fields].some((name) => changes.has(name)) || (before !== null && stringAt(before, field) !== stringAt(after, field));
  const picture = stringAt(after, 'chat_pic');
  const details = {
    subject: changed(SUBJECT_FIELDS, 'name') ? succeeded(stringAt(after, 'name')) : null,
    description: changed(DESCRIPTION_FIELDS, 'description') ? succeeded(stringAt(after, 'description')) : null,
    profilePicture: changed(PICTURE_FIELDS, 'chat_pic') ? { ...succeeded(picture === PICTURE_CHANGED ? null : picture), mimeType: null } : null,
    otherChanges: [...changes].filter((name) => !SUBJECT_FIELDS.has(name) && !DESCRIPTION_FIELDS.has(name) && !PICTURE_FIELDS.has(name)),
    errors: [],
  };
  if (details.subject === null && details.description === null && details.profilePicture === null && details.otherChanges.length === 0) {
    out.ignore(envelope.kind, 'groups_updates[] item names no change');
    return;
  }
  const draft = {
    type: 'SETTINGS_UPDATED' as const,
    groupId,
    phoneNumberId: envelope.channelId,
    occurredAt: null, // Whapi gives no time for the change itself (name_at is not reliably updated)
    requestId: null,
    details,
    raw: whapiRaw(envelope, 'groups_updates', item),
  };
  out.emit(draft, whapiGroupIdentity(envelope, whapiItemDigest(item)));
}

function succeeded(value: string | null): SettingChange {
  return { value, succeeded: true, errors: [] };
}

