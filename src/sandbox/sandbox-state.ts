import { digitsOf, groupIdFor, joinRequestIdFor, newGroupNumber, newInviteLink, userIdFor } from './sandbox-ids';

export type JoinApprovalMode = 'auto_approve' | 'approval_required';

/** Meta's limits (docs/groups-api.md#limits). */
export const SANDBOX_LIMITS = {
  participantsPerGroup: 8,
  groupsPerNumber: 10_000,
  subjectMaxChars: 128,
  descriptionMaxChars: 2048,
  removalsPerCall: 8,
  pictureMaxBytes: 5 * 1024 * 1024,
  pictureMinPixels: 192,
  maxPinned: 3,
} as const;

export interface SandboxUser {
  waId: string;
  userId: string;
  username: string | null;
}

export interface JoinRequestRecord {
  seq: number;
  id: string;
  user: SandboxUser;
  createdAt: number; // unix seconds
}

export interface GroupRecord {
  seq: number;
  id: string;
  number: string;
  phoneNumberId: string;
  subject: string;
  description: string | null;
  joinApprovalMode: JoinApprovalMode;
  suspended: boolean;
  createdAt: number; // unix seconds
  /** Null after DELETE /invite_link; the next GET mints a fresh one. */
  inviteLink: string | null;
  participants: SandboxUser[];
  /** wa_ids the business removed: they can no longer join through a link. */
  removed: Set<string>;
  joinRequests: JoinRequestRecord[];
  pictureSha256: string | null;
  pinned: string[];
}

/** A file uploaded with POST /<PHONE_NUMBER_ID>/media: only what a later message needs to check. */
export interface MediaRecord {
  id: string;
  mimeType: string;
  bytes: number;
  sha256: string;
}

export interface PhoneRecord {
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
  groups: Map<string, GroupRecord>;
  /** Uploaded media by id: usable by this number's messages only, as with Meta. */
  media: Map<string, MediaRecord>;
}

export interface SandboxState {
  readonly phones: ReadonlyMap<string, PhoneRecord>;
  /** Every sandbox run has its own cursor version, so a cursor from another run is rejected (131059). */
  readonly epoch: string;
  phone(phoneNumberId: string): PhoneRecord | undefined;
  group(groupId: string): GroupRecord | undefined;
  groupByInviteLink(link: string): GroupRecord | undefined;
  addGroup(input: { phoneNumberId: string; subject: string; description?: string | null; joinApprovalMode?: JoinApprovalMode; createdAt?: number; groupNumber?: string }): GroupRecord;
  deleteGroup(group: GroupRecord): void;
  addJoinRequest(group: GroupRecord, user: SandboxUser, createdAt?: number): JoinRequestRecord;
  nextSeq(): number;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function userFor(waId: string, username: string | null = null): SandboxUser {
  return { waId, userId: userIdFor(waId), username };
}

/** The sandbox's whole world, in memory. Mutations go through the Graph handlers and the control API. */
export function createSandboxState(options: { phoneNumberIds: readonly string[] }): SandboxState {
  let seq = 0;
  const nextSeq = (): number => ++seq;
  const phones = new Map<string, PhoneRecord>();
  const groups = new Map<string, GroupRecord>();
  for (const phoneNumberId of options.phoneNumberIds) {
    phones.set(phoneNumberId, {
      phoneNumberId,
      displayPhoneNumber: `1555${digitsOf(`display:${phoneNumberId}`, 7)}`,
      wabaId: `10${digitsOf(`waba:${phoneNumberId}`, 13)}`,
      groups: new Map(),
      media: new Map(),
    });
  }

  return {
    phones,
    epoch: String(Date.now()) + digitsOf(String(Math.random()), 6),
    phone: (id) => phones.get(id),
    group: (id) => groups.get(id),
    groupByInviteLink(link) {
      for (const group of groups.values()) if (group.inviteLink !== null && group.inviteLink === link) return group;
      return undefined;
    },
    addGroup(input) {
      const phone = phones.get(input.phoneNumberId);
      if (phone === undefined) throw new TypeError(`Sandbox: expected a configured phone number id, got ${JSON.stringify(input.phoneNumberId)}`);
      let number = input.groupNumber ?? newGroupNumber();
      let id = groupIdFor(phone.displayPhoneNumber, number);
      while (groups.has(id)) {
        number = newGroupNumber();
        id = groupIdFor(phone.displayPhoneNumber, number);
      }
      const group: GroupRecord = {
        seq: nextSeq(),
        id,
        number,
        phoneNumberId: phone.phoneNumberId,
        subject: input.subject,
        description: input.description ?? null,
        joinApprovalMode: input.joinApprovalMode ?? 'auto_approve',
        suspended: false,
        createdAt: input.createdAt ?? nowSeconds(),
        inviteLink: newInviteLink(),
        participants: [],
        removed: new Set(),
        joinRequests: [],
        pictureSha256: null,
        pinned: [],
      };
      phone.groups.set(id, group);
      groups.set(id, group);
      return group;
    },
    deleteGroup(group) {
      groups.delete(group.id);
      phones.get(group.phoneNumberId)?.groups.delete(group.id);
    },
    addJoinRequest(group, user, createdAt) {
      const request: JoinRequestRecord = { seq: nextSeq(), id: joinRequestIdFor(user.waId, group.number), user, createdAt: createdAt ?? nowSeconds() };
      group.joinRequests.push(request);
      return request;
    },
    nextSeq,
  };
}

/** Matches a phone (with or without '+', spaces, dashes), a wa_id, or a BSUID. */
export function findParticipant(group: GroupRecord, input: string): SandboxUser | undefined {
  const phone = normalizePhone(input);
  return group.participants.find((user) => user.waId === phone || user.userId === input.trim());
}

export function normalizePhone(input: string): string {
  return input.trim().replace(/^\+/, '').replace(/[\s\-().]/g, '');
}
