import type { DomainEvent } from '../events/event-model';
import { ensureError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { GroupsApi } from '../upstream/types';
import type { IngressHooks } from '../webhooks/webhook-ingress';
import type { GroupOwner, GroupOwnerRegistry } from './group-owner-registry';

/**
 * The Groups API with ownership learnt on the way: every `listGroups(phone)` page and every `createGroup(phone)`
 * answer that names its group tells the registry who owns those groups. A registry failure is logged; the call's
 * answer is returned regardless (an unknown owner is refused later, never guessed). Every other call goes straight
 * through.
 */
export function learnOwnershipFrom(api: GroupsApi, registry: GroupOwnerRegistry, logger: Logger): GroupsApi {
  const remember = async (owners: GroupOwner[]): Promise<void> => {
    if (owners.length === 0) return;
    try {
      await registry.remember(owners);
    } catch (error) {
      logger.warn({ err: ensureError(error), groups: owners.length }, 'could not record group ownership');
    }
  };
  return {
    async listGroups(phoneNumberId, page) {
      const answer = await api.listGroups(phoneNumberId, page);
      await remember(answer.items.map((group) => ({ groupId: group.id, phoneNumberId })));
      return answer;
    },
    async createGroup(phoneNumberId, request) {
      const answer = await api.createGroup(phoneNumberId, request);
      if (answer.groupId !== null) await remember([{ groupId: answer.groupId, phoneNumberId }]);
      return answer;
    },
    getGroup: (groupId, fields) => api.getGroup(groupId, fields),
    getGroups: (groupIds, fields, options) => api.getGroups(groupIds, fields, options),
    updateGroupSettings: (groupId, request) => api.updateGroupSettings(groupId, request),
    deleteGroup: (groupId) => api.deleteGroup(groupId),
    removeParticipants: (groupId, users) => api.removeParticipants(groupId, users),
    getInviteLink: (groupId) => api.getInviteLink(groupId),
    resetInviteLink: (groupId) => api.resetInviteLink(groupId),
    deleteInviteLink: (groupId) => api.deleteInviteLink(groupId),
    listJoinRequests: (groupId, page) => api.listJoinRequests(groupId, page),
    approveJoinRequests: (groupId, joinRequestIds) => api.approveJoinRequests(groupId, joinRequestIds),
    rejectJoinRequests: (groupId, joinRequestIds) => api.rejectJoinRequests(groupId, joinRequestIds),
    sendGroupMessage: (phoneNumberId, groupId, message) => api.sendGroupMessage(phoneNumberId, groupId, message),
    sendGroupInviteTemplate: (phoneNumberId, request) => api.sendGroupInviteTemplate(phoneNumberId, request),
    uploadMedia: (phoneNumberId, media) => api.uploadMedia(phoneNumberId, media),
    batch: (requests) => api.batch(requests),
    ping: () => api.ping(),
  };
}

/** Ingress hook: each verified webhook event that names its phone number teaches the registry who owns the group. */
export function ownershipLearningHook(options: { registry: GroupOwnerRegistry }): IngressHooks {
  return {
    async afterStore(events: readonly DomainEvent[]) {
      const owners = new Map<string, string>();
      for (const event of events) if (event.phoneNumberId !== null && event.groupId !== null && event.groupId !== '') owners.set(event.groupId, event.phoneNumberId);
      if (owners.size > 0) await options.registry.remember([...owners].map(([groupId, phoneNumberId]) => ({ groupId, phoneNumberId })));
    },
  };
}
