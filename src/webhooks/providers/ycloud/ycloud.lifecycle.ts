import { eventErrorsAt } from '../shared/event-errors';
import { stringAt } from '../shared/json-read';
import { toJoinApprovalMode } from '../shared/participant-identity';
import type { YCloudGroup, YCloudOutcome } from './ycloud.group';

/** `whatsapp.group.lifecycle_update`: group_create / group_delete, with status created, deleted or failed. */
export function normaliseYCloudLifecycle(group: YCloudGroup): YCloudOutcome {
  const item = group.item;
  const errors = eventErrorsAt(item);
  const failed = group.status === 'failed' || errors.length > 0;
  switch (group.type) {
    case 'group_create':
      if (failed) {
        return [{ ...group.base, type: 'GROUP_CREATE_FAILED', details: { subject: stringAt(item, 'subject'), description: stringAt(item, 'description'), errors } }];
      }
      return [
        {
          ...group.base,
          type: 'GROUP_CREATED',
          details: {
            subject: stringAt(item, 'subject'),
            description: stringAt(item, 'description'),
            inviteLink: stringAt(item, 'inviteLink'),
            joinApprovalMode: toJoinApprovalMode(stringAt(item, 'joinApprovalMode')),
          },
        },
      ];
    case 'group_delete':
      return failed ? [{ ...group.base, type: 'GROUP_DELETE_FAILED', details: { errors } }] : [{ ...group.base, type: 'GROUP_DELETED', details: {} }];
    default:
      return { ignored: `unknown lifecycle type "${group.type}"` };
  }
}
