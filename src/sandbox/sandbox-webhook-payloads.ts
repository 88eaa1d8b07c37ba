import type { GroupRecord, PhoneRecord, SandboxUser } from './sandbox-state';

/**
 * The bodies Meta POSTs for group events (docs/groups-api.md#webhook-payloads), one change per delivery. Timestamps are
 * strings of unix seconds, as in Meta's samples; users carry BSUID-era fields (`user_id`, `username`).
 */

export type WebhookField = 'group_lifecycle_update' | 'group_participants_update' | 'group_settings_update' | 'group_status_update' | 'messages';

export interface WebhookOut {
  field: WebhookField;
  body: Record<string, unknown>;
}

type Item = Record<string, unknown>;

export function envelope(phone: PhoneRecord, field: WebhookField, value: Item): WebhookOut {
  return {
    field,
    body: {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: phone.wabaId,
          changes: [
            {
              value: { messaging_product: 'whatsapp', metadata: { display_phone_number: phone.displayPhoneNumber, phone_number_id: phone.phoneNumberId }, ...value },
              field,
            },
          ],
        },
      ],
    },
  };
}

export function groupsChange(phone: PhoneRecord, field: Exclude<WebhookField, 'messages'>, item: Item): WebhookOut {
  return envelope(phone, field, { groups: [item] });
}

function unixString(seconds: number): string {
  return String(seconds);
}

export function userItem(user: SandboxUser, extra: Item = {}): Item {
  return { ...extra, wa_id: user.waId, user_id: user.userId, ...(user.username === null ? {} : { username: user.username }) };
}

export function groupCreated(group: GroupRecord, requestId: string, at: number): Item {
  return {
    timestamp: unixString(at),
    group_id: group.id,
    type: 'group_create',
    request_id: requestId,
    subject: group.subject,
    ...(group.description === null ? {} : { description: group.description }),
    invite_link: group.inviteLink,
    join_approval_mode: group.joinApprovalMode,
  };
}

export function groupCreateFailed(input: { subject: string; description: string | null; requestId: string; errors: Item[] }, at: number): Item {
  return {
    timestamp: unixString(at),
    type: 'group_create',
    subject: input.subject,
    ...(input.description === null ? {} : { description: input.description }),
    request_id: input.requestId,
    errors: input.errors,
  };
}

export function groupDeleted(groupId: string, requestId: string, at: number, errors?: Item[]): Item {
  return { timestamp: unixString(at), group_id: groupId, type: 'group_delete', request_id: requestId, ...(errors ? { errors } : {}) };
}

export function participantsAdded(groupId: string, added: Item[], at: number): Item {
  return { timestamp: unixString(at), group_id: groupId, type: 'group_participants_add', reason: 'invite_link', added_participants: added };
}

export function participantsRemoved(
  input: { groupId: string; initiatedBy: 'business' | 'participant'; removed: Item[]; requestId?: string; failed?: Item[]; errors?: Item[] },
  at: number,
): Item {
  return {
    timestamp: unixString(at),
    group_id: input.groupId,
    type: 'group_participants_remove',
    ...(input.requestId === undefined ? {} : { request_id: input.requestId }),
    removed_participants: input.removed,
    ...(input.failed && input.failed.length > 0 ? { failed_participants: input.failed } : {}),
    ...(input.errors && input.errors.length > 0 ? { errors: input.errors } : {}),
    initiated_by: input.initiatedBy,
  };
}

export function joinRequestEvent(type: 'group_join_request_created' | 'group_join_request_revoked', groupId: string, joinRequestId: string, user: SandboxUser, at: number): Item {
  return {
    timestamp: unixString(at),
    group_id: groupId,
    type,
    reason: type === 'group_join_request_created' ? 'invite_link' : 'cancelled_by_user',
    join_request_id: joinRequestId,
    ...userItem(user),
  };
}

export function settingsUpdated(input: { groupId: string; requestId: string; changes: Item; errors?: Item[] }, at: number): Item {
  return {
    timestamp: unixString(at),
    group_id: input.groupId,
    type: 'group_settings_update',
    request_id: input.requestId,
    ...input.changes,
    ...(input.errors && input.errors.length > 0 ? { errors: input.errors } : {}),
  };
}

export function statusChanged(groupId: string, type: 'group_suspend' | 'group_suspend_cleared', at: number): Item {
  return { timestamp: unixString(at), type, group_id: groupId };
}

/** `sent` is per group; `delivered`/`read` are per participant, aggregated into one delivery (docs/groups-api.md#group-messages-and-statuses). */
export function groupMessageStatuses(
  input: { wamid: string; groupId: string; status: 'sent' | 'delivered' | 'read'; participants: readonly SandboxUser[]; bizOpaqueCallbackData?: string | null },
  at: number,
): Item {
  // As Meta does, the sender's biz_opaque_callback_data comes back in every status of the message.
  const opaque = input.bizOpaqueCallbackData === undefined || input.bizOpaqueCallbackData === null ? {} : { biz_opaque_callback_data: input.bizOpaqueCallbackData };
  const base = { id: input.wamid, recipient_id: input.groupId, recipient_type: 'group', status: input.status, timestamp: unixString(at), ...opaque };
  if (input.status === 'sent') {
    return { statuses: [{ ...base, pricing: { billable: true, pricing_model: 'PMP', category: 'group_service', type: 'regular' } }] };
  }
  return {
    contacts: input.participants.map((user) => ({ wa_id: user.waId, user_id: user.userId, ...(user.username === null ? {} : { profile: { username: user.username } }) })),
    statuses: input.participants.map((user) => ({ ...base, recipient_participant_id: user.waId, recipient_participant_user_id: user.userId })),
  };
}

export function inboundGroupText(input: { wamid: string; groupId: string; from: SandboxUser; text: string; name: string }, at: number): Item {
  return {
    contacts: [{ profile: { name: input.name, ...(input.from.username === null ? {} : { username: input.from.username }) }, wa_id: input.from.waId, user_id: input.from.userId }],
    messages: [
      {
        from: input.from.waId,
        from_user_id: input.from.userId,
        group_id: input.groupId,
        id: input.wamid,
        timestamp: unixString(at),
        text: { body: input.text },
        type: 'text',
      },
    ],
  };
}
