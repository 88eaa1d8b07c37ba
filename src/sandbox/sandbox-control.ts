import { newWamid } from './sandbox-ids';
import { findParticipant, normalizePhone, nowSeconds, SANDBOX_LIMITS, userFor } from './sandbox-state';
import type { GroupRecord, SandboxState } from './sandbox-state';
import { SandboxControlError } from './sandbox-types';
import type { JoinOutcome, SandboxControl, SandboxGroupSnapshot, SandboxStateSnapshot } from './sandbox-types';
import { envelope, groupsChange, inboundGroupText, joinRequestEvent, participantsAdded, participantsRemoved, statusChanged, userItem } from './sandbox-webhook-payloads';
import type { WebhookOut } from './sandbox-webhook-payloads';

/**
 * What users and WhatsApp do to groups, outside the Business API: each action changes the state and sends
 * the webhook Meta would. Refusals are SandboxControlErrors (the HTTP routes answer them 4xx).
 */
export function createSandboxControl(options: { state: SandboxState; emit: (out: WebhookOut) => void }): SandboxControl {
  const { state, emit } = options;

  function group(groupId: string): GroupRecord {
    const found = state.group(groupId);
    if (found === undefined) throw new SandboxControlError(`No group with id ${groupId}`, 'not_found');
    return found;
  }

  function emitGroups(target: GroupRecord, field: 'group_participants_update' | 'group_status_update', item: Record<string, unknown>): void {
    emit(groupsChange(state.phone(target.phoneNumberId)!, field, item));
  }

  function byLink(inviteLink: string): GroupRecord {
    const found = state.groupByInviteLink(inviteLink.trim());
    if (found === undefined) throw new SandboxControlError(`The invite link ${inviteLink} is not the current link of any group (it may have been reset or deleted)`, 'not_found');
    return found;
  }

  function assertMayJoin(target: GroupRecord, waId: string): void {
    if (target.suspended) throw new SandboxControlError(`Group ${target.id} is suspended`, 'conflict');
    if (target.removed.has(waId)) throw new SandboxControlError(`${waId} was removed by the business and can no longer join through the invite link`, 'forbidden');
    if (findParticipant(target, waId) !== undefined) throw new SandboxControlError(`${waId} is already a participant of group ${target.id}`, 'conflict');
  }

  function createRequest(target: GroupRecord, waId: string, username: string | undefined): { groupId: string; joinRequestId: string } {
    if (target.joinRequests.some((r) => r.user.waId === waId)) throw new SandboxControlError(`${waId} already has a pending join request for group ${target.id}`, 'conflict');
    const request = state.addJoinRequest(target, userFor(waId, username ?? null));
    emitGroups(target, 'group_participants_update', joinRequestEvent('group_join_request_created', target.id, request.id, request.user, request.createdAt));
    return { groupId: target.id, joinRequestId: request.id };
  }

  const control: SandboxControl = {
    joinByInviteLink(input): JoinOutcome {
      const waId = requireWaId(input.waId);
      const target = byLink(input.inviteLink);
      assertMayJoin(target, waId);
      if (target.joinApprovalMode === 'approval_required') return { status: 'requested', ...createRequest(target, waId, input.username) };
      if (target.participants.length >= SANDBOX_LIMITS.participantsPerGroup) {
        throw new SandboxControlError(`Group ${target.id} already has ${SANDBOX_LIMITS.participantsPerGroup} participants`, 'conflict');
      }
      const user = userFor(waId, input.username ?? null);
      target.participants.push(user);
      emitGroups(target, 'group_participants_update', participantsAdded(target.id, [userItem(user)], nowSeconds()));
      return { status: 'joined', groupId: target.id };
    },

    requestToJoin(input) {
      const waId = requireWaId(input.waId);
      if (input.inviteLink === undefined && input.groupId === undefined) throw new SandboxControlError('Give inviteLink or groupId', 'bad_request');
      const target = input.inviteLink !== undefined ? byLink(input.inviteLink) : group(input.groupId!);
      if (target.joinApprovalMode !== 'approval_required') {
        throw new SandboxControlError(`Group ${target.id} is auto_approve: users join directly (joinByInviteLink)`, 'conflict');
      }
      assertMayJoin(target, waId);
      return createRequest(target, waId, input.username);
    },

    cancelJoinRequest(input) {
      const target = group(input.groupId);
      const request = target.joinRequests.find((r) => r.id === input.joinRequestId);
      if (request === undefined) throw new SandboxControlError(`No pending join request ${input.joinRequestId} in group ${target.id}`, 'not_found');
      target.joinRequests = target.joinRequests.filter((r) => r !== request);
      emitGroups(target, 'group_participants_update', joinRequestEvent('group_join_request_revoked', target.id, request.id, request.user, nowSeconds()));
    },

    leaveGroup(input) {
      const target = group(input.groupId);
      const user = findParticipant(target, input.waId);
      if (user === undefined) throw new SandboxControlError(`${input.waId} is not a participant of group ${target.id}`, 'not_found');
      target.participants = target.participants.filter((p) => p !== user);
      emitGroups(target, 'group_participants_update', participantsRemoved({ groupId: target.id, initiatedBy: 'participant', removed: [userItem(user)] }, nowSeconds()));
    },

    sendText(input) {
      const target = group(input.groupId);
      const user = findParticipant(target, input.waId);
      if (user === undefined) throw new SandboxControlError(`${input.waId} is not a participant of group ${target.id}`, 'forbidden');
      if (target.suspended) throw new SandboxControlError(`Group ${target.id} is suspended`, 'conflict');
      if (typeof input.text !== 'string' || input.text === '') throw new SandboxControlError('text must be a non-empty string', 'bad_request');
      const messageId = newWamid();
      const item = inboundGroupText({ wamid: messageId, groupId: target.id, from: user, text: input.text, name: input.name ?? user.username ?? `User ${user.waId.slice(-4)}` }, nowSeconds());
      emit(envelope(state.phone(target.phoneNumberId)!, 'messages', item));
      return { messageId };
    },

    suspendGroup(groupId) {
      const target = group(groupId);
      if (target.suspended) throw new SandboxControlError(`Group ${groupId} is already suspended`, 'conflict');
      target.suspended = true;
      emitGroups(target, 'group_status_update', statusChanged(target.id, 'group_suspend', nowSeconds()));
    },

    clearSuspension(groupId) {
      const target = group(groupId);
      if (!target.suspended) throw new SandboxControlError(`Group ${groupId} is not suspended`, 'conflict');
      target.suspended = false;
      emitGroups(target, 'group_status_update', statusChanged(target.id, 'group_suspend_cleared', nowSeconds()));
    },

    seedGroups(phoneNumberId, count, seedOptions = {}) {
      const phone = state.phone(phoneNumberId);
      if (phone === undefined) throw new SandboxControlError(`No phone number ${phoneNumberId}; configured: ${[...state.phones.keys()].join(', ')}`, 'not_found');
      if (!Number.isInteger(count) || count < 0) throw new SandboxControlError(`count must be an integer >= 0, got ${String(count)}`, 'bad_request');
      if (phone.groups.size + count > SANDBOX_LIMITS.groupsPerNumber) {
        throw new SandboxControlError(`Seeding ${count} groups would exceed ${SANDBOX_LIMITS.groupsPerNumber} groups on ${phoneNumberId} (it has ${phone.groups.size})`, 'conflict');
      }
      const members = Math.min(Math.max(0, seedOptions.participants ?? 1), SANDBOX_LIMITS.participantsPerGroup);
      const prefix = seedOptions.subjectPrefix ?? 'Seeded group';
      const start = phone.groups.size;
      const ids: string[] = [];
      for (let i = 1; i <= count; i++) {
        const created = state.addGroup({ phoneNumberId, subject: `${prefix} ${start + i}` });
        for (let m = 0; m < members; m++) created.participants.push(userFor(`1650555${String(1000 + m).padStart(4, '0')}`));
        ids.push(created.id);
      }
      return ids;
    },

    state(): SandboxStateSnapshot {
      return {
        phoneNumbers: [...state.phones.values()].map((p) => ({ phoneNumberId: p.phoneNumberId, displayPhoneNumber: p.displayPhoneNumber, wabaId: p.wabaId, groupCount: p.groups.size })),
        groups: [...state.phones.values()].flatMap((p) => [...p.groups.values()].map(snapshotOf)),
      };
    },

    group(groupId) {
      const found = state.group(groupId);
      return found === undefined ? null : snapshotOf(found);
    },
  };
  return control;
}

function requireWaId(raw: unknown): string {
  if (typeof raw !== 'string' || !/^\+?[\d\s\-().]{6,20}$/.test(raw.trim())) {
    throw new SandboxControlError(`waId must be a phone number in international format (digits), got ${JSON.stringify(raw)}`, 'bad_request');
  }
  return normalizePhone(raw);
}

function snapshotOf(group: GroupRecord): SandboxGroupSnapshot {
  const user = (u: { waId: string; userId: string; username: string | null }): { waId: string; userId: string; username: string | null } => ({ waId: u.waId, userId: u.userId, username: u.username });
  return {
    id: group.id,
    phoneNumberId: group.phoneNumberId,
    subject: group.subject,
    description: group.description,
    joinApprovalMode: group.joinApprovalMode,
    suspended: group.suspended,
    createdAt: group.createdAt,
    inviteLink: group.inviteLink,
    participants: group.participants.map(user),
    removedWaIds: [...group.removed],
    joinRequests: group.joinRequests.map((r) => ({ joinRequestId: r.id, ...user(r.user), createdAt: r.createdAt })),
    pictureSha256: group.pictureSha256,
    pinnedMessageIds: [...group.pinned],
  };
}
