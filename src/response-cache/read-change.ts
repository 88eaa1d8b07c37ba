import type { DomainEvent, GroupEventType } from '../events/event-model';

/**
 * What a change touched, in the words every read cache understands: groups whose data may differ now, and phone
 * numbers whose group lists may (`'*'`: every list, when the number is not known).
 */
export interface ReadChange {
  readonly groupIds: readonly string[];
  readonly listsOf: readonly string[];
}

/** Every phone number's list. */
export const EVERY_LIST = '*';

/** Tag of the answers that read a group (its metadata, participants, invite link or join requests). */
export const groupTag = (groupId: string): string => `g:${groupId}`;
/** Tag of the answers that read a phone number's group list (`EVERY_LIST` tags them all). */
export const listTag = (phoneNumberId: string): string => `l:${phoneNumberId}`;

/** The tags of what an answer read, in the form a ReadChange invalidates. */
export function tagsOfChange(change: ReadChange): string[] {
  return [...change.groupIds.map(groupTag), ...change.listsOf.map(listTag)];
}

/** Messages and their statuses change nothing a query of group data reads. */
function changesGroupData(type: GroupEventType): boolean {
  return type !== 'MESSAGE_RECEIVED' && type !== 'MESSAGE_STATUS_UPDATED';
}

/** Kinds after which a number's list of active groups may have other members (or another order). */
const CHANGES_LISTS: ReadonlySet<GroupEventType> = new Set<GroupEventType>(['GROUP_CREATED', 'GROUP_DELETED', 'GROUP_SUSPENDED', 'GROUP_SUSPENSION_CLEARED']);

/**
 * What a batch of events changed. A settings change or a membership change touches its group (list pages read the
 * groups in them, so they carry the group's tag too); a creation, deletion or suspension also the number's lists.
 */
export function changeOfEvents(events: readonly Pick<DomainEvent, 'type' | 'groupId' | 'phoneNumberId'>[]): ReadChange {
  const groupIds = new Set<string>();
  const listsOf = new Set<string>();
  for (const event of events) {
    if (!changesGroupData(event.type)) continue;
    if (event.groupId !== null) groupIds.add(event.groupId);
    if (CHANGES_LISTS.has(event.type)) listsOf.add(event.phoneNumberId ?? EVERY_LIST);
  }
  return { groupIds: [...groupIds], listsOf: [...listsOf] };
}

export function isEmptyChange(change: ReadChange): boolean {
  return change.groupIds.length === 0 && change.listsOf.length === 0;
}
