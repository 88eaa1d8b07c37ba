import type { YCloudGroup, YCloudOutcome } from './ycloud.group';

/** `whatsapp.group.status_update`: group_suspend (status suspended) or group_suspend_cleared (suspend_cleared). */
export function normaliseYCloudGroupStatus(group: YCloudGroup): YCloudOutcome {
  if (group.type === 'group_suspend' || (group.type === '' && group.status === 'suspended')) {
    return [{ ...group.base, type: 'GROUP_SUSPENDED', details: {} }];
  }
  if (group.type === 'group_suspend_cleared' || (group.type === '' && group.status === 'suspend_cleared')) {
    return [{ ...group.base, type: 'GROUP_SUSPENSION_CLEARED', details: {} }];
  }
  return { ignored: `unknown status type "${group.type}"` };
}
