import type { ParseCollector } from '../shared/parse-collector';
import type { MetaGroupItem } from './meta.group-item';
import { metaGroupDraftBase, metaGroupIdentity } from './meta.group-item';

/** `group_status_update`: WhatsApp suspended a group, or lifted the suspension. */
export function normaliseMetaGroupStatus(group: MetaGroupItem, out: ParseCollector): void {
  const base = metaGroupDraftBase(group);
  switch (group.type) {
    case 'group_suspend':
      out.emit({ ...base, type: 'GROUP_SUSPENDED', details: {} }, metaGroupIdentity(group, { type: group.type, eventType: 'GROUP_SUSPENDED' }));
      return;
    case 'group_suspend_cleared':
      out.emit(
        { ...base, type: 'GROUP_SUSPENSION_CLEARED', details: {} },
        metaGroupIdentity(group, { type: group.type, eventType: 'GROUP_SUSPENSION_CLEARED' }),
      );
      return;
    default:
      out.ignore(`group_status_update.${group.type}`, 'unknown group_status_update type');
  }
}
