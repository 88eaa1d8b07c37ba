import { digitsOf } from './sandbox-ids';
import { userFor } from './sandbox-state';
import type { JoinApprovalMode, SandboxState } from './sandbox-state';

interface DemoGroup {
  subject: string;
  description?: string;
  mode?: JoinApprovalMode;
  members: readonly (readonly [waId: string, username?: string])[];
  pending?: readonly (readonly [waId: string, username?: string])[];
}

const PEOPLE = {
  ana: ['16505551234', 'ana.lopes'],
  ben: ['16467043595'],
  chloe: ['447700900123', 'chloe'],
  dev: ['919876543210'],
  emma: ['4915112345678', 'emma_k'],
  farid: ['971501234567'],
  gia: ['393471234567', 'gia'],
  hugo: ['33612345678'],
  ines: ['5511987654321', 'ines.m'],
  jon: ['14155550123'],
} as const;

const FIRST_NUMBER: readonly DemoGroup[] = [
  { subject: 'Watch Enthusiasts', description: 'Discuss the latest timepieces.', members: [PEOPLE.ana, PEOPLE.ben, PEOPLE.chloe] },
  { subject: 'New Purchase Inquiry', members: [PEOPLE.ben, PEOPLE.dev] },
  {
    subject: 'Artificial Intelligence Insights',
    description: 'Explore AI developments, share knowledge, and discuss the future of artificial intelligence.',
    members: [PEOPLE.ana, PEOPLE.emma, PEOPLE.farid, PEOPLE.gia, PEOPLE.hugo],
  },
  { subject: 'VIP Early Access', description: 'Members approved by the team.', mode: 'approval_required', members: [PEOPLE.chloe, PEOPLE.ines], pending: [PEOPLE.jon, PEOPLE.dev] },
  { subject: 'Weekend Ride Club', members: [PEOPLE.ana, PEOPLE.ben, PEOPLE.chloe, PEOPLE.dev, PEOPLE.emma, PEOPLE.farid, PEOPLE.gia, PEOPLE.hugo] },
  { subject: 'Support: Order #4821', members: [PEOPLE.jon] },
];

const SECOND_NUMBER: readonly DemoGroup[] = [
  { subject: 'Store Announcements', description: 'Opening hours and offers.', members: [PEOPLE.emma, PEOPLE.ines, PEOPLE.hugo, PEOPLE.jon] },
  { subject: 'Just Us', description: 'No participants yet: sends answer 131020.', members: [] },
];

/** Base of the demo groups' creation times: 2025-08-18, near Meta's samples. */
const DEMO_EPOCH_SECONDS = 1_755_500_000;

/**
 * Demo groups with stable ids (derived from the phone number id), so curl examples and bookmarks keep working
 * across restarts: six on the first number (one approval_required with two pending requests), two on the second.
 */
export function seedDemoGroups(state: SandboxState, phoneNumberIds: readonly string[]): void {
  const plan: [string | undefined, readonly DemoGroup[]][] = [
    [phoneNumberIds[0], FIRST_NUMBER],
    [phoneNumberIds[1], SECOND_NUMBER],
  ];
  let minute = 0;
  for (const [phoneNumberId, groups] of plan) {
    if (phoneNumberId === undefined) continue;
    groups.forEach((demo, index) => {
      minute += 90;
      const group = state.addGroup({
        phoneNumberId,
        subject: demo.subject,
        description: demo.description ?? null,
        joinApprovalMode: demo.mode ?? 'auto_approve',
        createdAt: DEMO_EPOCH_SECONDS + minute * 60,
        groupNumber: `120363${digitsOf(`seed:${phoneNumberId}:${index}`, 12)}`,
      });
      group.participants = demo.members.map(([waId, username]) => userFor(waId, username ?? null));
      for (const [waId, username] of demo.pending ?? []) state.addJoinRequest(group, userFor(waId, username ?? null), group.createdAt + 3600);
    });
  }
}
