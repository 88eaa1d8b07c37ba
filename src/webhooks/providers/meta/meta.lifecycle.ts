import type { ParseCollector } from '../shared/parse-collector';
import { eventErrorsAt } from '../shared/event-errors';
import { stringAt } from '../shared/json-read';
import { toJoinApprovalMode } from '../shared/participant-identity';
import type { MetaGroupItem } from './meta.group-item';
import { metaGroupDraftBase, metaGroupIdentity } from './meta.group-item';

/**
 * `group_lifecycle_update`: `group_create` and `group_delete`, each a success or (with `errors[]`) a failure.
 * The create-success item may carry `description` (the docs do not say; we read it when present).
 */
export function normaliseMetaLifecycle(group: MetaGroupItem, out: ParseCollector): void {
  const base = metaGroupDraftBase(group);
  const errors = eventErrorsAt(group.item);
  const item = group.item;
  switch (group.type) {
    case 'group_create':
      if (errors.length > 0) {
        const details = { subject: stringAt(item, 'subject'), description: stringAt(item, 'description'), errors };
        out.emit({ ...base, type: 'GROUP_CREATE_FAILED', details }, metaGroupIdentity(group, { type: group.type, eventType: 'GROUP_CREATE_FAILED' }));
      } else {
        const details = {
          subject: stringAt(item, 'subject'),
          description: stringAt(item, 'description'),
          inviteLink: stringAt(item, 'invite_link'),
          joinApprovalMode: toJoinApprovalMode(stringAt(item, 'join_approval_mode')),
        };
        out.emit({ ...base, type: 'GROUP_CREATED', details }, metaGroupIdentity(group, { type: group.type, eventType: 'GROUP_CREATED' }));
      }
      return;
    case 'group_delete':
      if (errors.length > 0) {
        out.emit({ ...base, type: 'GROUP_DELETE_FAILED', details: { errors } }, metaGroupIdentity(group, { type: group.type, eventType: 'GROUP_DELETE_FAILED' }));
      } else {
        out.emit({ ...base, type: 'GROUP_DELETED', details: {} }, metaGroupIdentity(group, { type: group.type, eventType: 'GROUP_DELETED' }));
      }
      return;
    default:
      out.ignore(`group_lifecycle_update.${group.type}`, 'unknown group_lifecycle_update type');
  }
}
