import { SandboxControlError } from '../../../src/sandbox/sandbox-types';
import { changeValue, createHarness, groupItem, WRITE } from './graph-harness';
import { SANDBOX_PHONE_A } from '../../helpers/constants';

function reasonOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof SandboxControlError ? error.reason : 'not a SandboxControlError';
  }
}

describe('sandbox control: joining', () => {
  it('joins through the current invite link with a group_participants_add (reason invite_link)', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const link = h.state.group(id)!.inviteLink!;
    expect(h.control.joinByInviteLink({ inviteLink: link, waId: '+1 415 555 0199', username: 'newbie' })).toEqual({ status: 'joined', groupId: id });
    expect(h.emitted[0]!.field).toBe('group_participants_update');
    expect(groupItem(h.emitted[0]!)).toEqual({
      timestamp: expect.stringMatching(/^\d+$/),
      group_id: id,
      type: 'group_participants_add',
      reason: 'invite_link',
      added_participants: [{ wa_id: '14155550199', user_id: expect.stringMatching(/^US\./), username: 'newbie' }],
    });
    expect(h.call('GET', `/v23.0/${id}?fields=total_participant_count`).body.total_participant_count).toBe(4);
  });

  it('refuses stale links, current members, full groups, and users the business removed', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const old = h.state.group(id)!.inviteLink!;
    const fresh = h.call('POST', `/v23.0/${id}/invite_link`, { ...WRITE }).body.invite_link as string;
    expect(reasonOf(() => h.control.joinByInviteLink({ inviteLink: old, waId: '14155550199' }))).toBe('not_found');
    expect(reasonOf(() => h.control.joinByInviteLink({ inviteLink: fresh, waId: '16505551234' }))).toBe('conflict');
    h.call('DELETE', `/v23.0/${id}/participants`, { ...WRITE, participants: [{ user: '16505551234' }] });
    expect(reasonOf(() => h.control.joinByInviteLink({ inviteLink: fresh, waId: '16505551234' }))).toBe('forbidden');
    const full = h.groupIdBySubject('Weekend Ride Club');
    expect(reasonOf(() => h.control.joinByInviteLink({ inviteLink: h.state.group(full)!.inviteLink!, waId: '14155550199' }))).toBe('conflict');
    expect(reasonOf(() => h.control.joinByInviteLink({ inviteLink: fresh, waId: 'not-a-phone' }))).toBe('bad_request');
  });

  it('turns a link join into a join request in approval_required groups, and cancels it', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('VIP Early Access');
    const outcome = h.control.joinByInviteLink({ inviteLink: h.state.group(id)!.inviteLink!, waId: '14155550199' });
    expect(outcome).toEqual({ status: 'requested', groupId: id, joinRequestId: expect.any(String) });
    const joinRequestId = (outcome as { joinRequestId: string }).joinRequestId;
    expect(groupItem(h.emitted[0]!)).toMatchObject({ type: 'group_join_request_created', join_request_id: joinRequestId, wa_id: '14155550199' });
    expect(reasonOf(() => h.control.requestToJoin({ groupId: id, waId: '14155550199' }))).toBe('conflict');
    h.control.cancelJoinRequest({ groupId: id, joinRequestId });
    expect(groupItem(h.emitted[1]!)).toMatchObject({ type: 'group_join_request_revoked', join_request_id: joinRequestId, wa_id: '14155550199' });
    expect((h.call('GET', `/v23.0/${id}/join_requests`).body.data as unknown[]).length).toBe(2);
    expect(reasonOf(() => h.control.cancelJoinRequest({ groupId: id, joinRequestId }))).toBe('not_found');
    expect(reasonOf(() => h.control.requestToJoin({ groupId: h.groupIdBySubject('Watch Enthusiasts'), waId: '14155550199' }))).toBe('conflict');
  });
});

describe('sandbox control: members, messages, suspension, seeding', () => {
  it('lets a participant leave (initiated_by participant) and rejoin later', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    h.control.leaveGroup({ groupId: id, waId: '16467043595' });
    expect(groupItem(h.emitted[0]!)).toMatchObject({ type: 'group_participants_remove', initiated_by: 'participant', removed_participants: [{ wa_id: '16467043595', user_id: expect.any(String) }] });
    expect(groupItem(h.emitted[0]!).request_id).toBeUndefined();
    expect(h.control.joinByInviteLink({ inviteLink: h.state.group(id)!.inviteLink!, waId: '16467043595' }).status).toBe('joined');
    expect(reasonOf(() => h.control.leaveGroup({ groupId: id, waId: '10000000000' }))).toBe('not_found');
  });

  it('sends a participant’s text as an inbound messages webhook with group_id', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    const { messageId } = h.control.sendText({ groupId: id, waId: '16505551234', text: 'Anyone selling a Speedmaster?' });
    expect(h.emitted[0]!.field).toBe('messages');
    const value = changeValue(h.emitted[0]!);
    expect(value.metadata).toMatchObject({ phone_number_id: SANDBOX_PHONE_A });
    expect(value.messages).toEqual([
      { from: '16505551234', from_user_id: expect.any(String), group_id: id, id: messageId, timestamp: expect.stringMatching(/^\d+$/), text: { body: 'Anyone selling a Speedmaster?' }, type: 'text' },
    ]);
    expect(value.contacts).toEqual([{ profile: { name: 'ana.lopes', username: 'ana.lopes' }, wa_id: '16505551234', user_id: expect.any(String) }]);
    expect(reasonOf(() => h.control.sendText({ groupId: id, waId: '10000000000', text: 'x' }))).toBe('forbidden');
  });

  it('suspends and clears a suspension with group_status_update, refusing repeats', () => {
    const h = createHarness();
    const id = h.groupIdBySubject('Watch Enthusiasts');
    h.control.suspendGroup(id);
    h.control.clearSuspension(id);
    expect(h.emitted.map((o) => [o.field, groupItem(o).type])).toEqual([
      ['group_status_update', 'group_suspend'],
      ['group_status_update', 'group_suspend_cleared'],
    ]);
    expect(reasonOf(() => h.control.clearSuspension(id))).toBe('conflict');
    expect(reasonOf(() => h.control.suspendGroup('nope'))).toBe('not_found');
  });

  it('seeds many groups at once without webhooks, within the 10,000 limit', () => {
    const h = createHarness({ seed: false });
    const ids = h.control.seedGroups(SANDBOX_PHONE_A, 300, { subjectPrefix: 'Load', participants: 2 });
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(h.emitted).toHaveLength(0);
    expect(h.control.group(ids[299]!)).toMatchObject({ subject: 'Load 300', participants: [expect.any(Object), expect.any(Object)] });
    expect(reasonOf(() => h.control.seedGroups(SANDBOX_PHONE_A, 9_701))).toBe('conflict');
    expect(h.control.state().phoneNumbers[0]).toMatchObject({ phoneNumberId: SANDBOX_PHONE_A, groupCount: 300 });
  });

  it('seeds six demo groups on the first number and two on the second, one with two pending requests', () => {
    const state = createHarness().control.state();
    expect(state.phoneNumbers.map((p) => p.groupCount)).toEqual([6, 2]);
    expect(state.groups.filter((g) => g.joinApprovalMode === 'approval_required').map((g) => g.joinRequests.length)).toEqual([2]);
    expect(state.groups.every((g) => !g.suspended)).toBe(true);
  });
});
