import { completionRuleFor, correlationCutoff } from '../../../src/operations/operation-completion';
import { error131212, makeEvent, removal, T0 } from '../../helpers/events';

const change = (value: string, succeeded: boolean, errors = succeeded ? [] : [error131212]) => ({ value, previousValue: null, changedBy: null, succeeded, errors });

describe('completionRuleFor: which webhook completes which operation', () => {
  it('completes a create by its request_id: SUCCEEDED with the group and invite link', () => {
    const event = makeEvent({ type: 'GROUP_CREATED', details: { subject: 's', description: null, inviteLink: 'https://chat.whatsapp.com/abc', joinApprovalMode: 'AUTO_APPROVE', participants: [], createdBy: null }, requestId: 'req-1', groupId: 'g-new' });
    expect(completionRuleFor(event)).toEqual({
      by: 'request-id',
      requestId: 'req-1',
      kind: 'CREATE_GROUP',
      completion: { status: 'SUCCEEDED', groupId: 'g-new', inviteLink: 'https://chat.whatsapp.com/abc', errors: [], completedByEventId: event.id },
    });
  });

  it('fails a create with the webhook errors; a create event without request_id completes nothing', () => {
    const errors = [{ code: 131211, title: 'limit', message: 'Group create limit reached', details: null }];
    expect(completionRuleFor(makeEvent({ type: 'GROUP_CREATE_FAILED', details: { subject: 's', description: null, errors }, requestId: 'req-2' }))?.completion).toMatchObject({ status: 'FAILED', errors });
    expect(completionRuleFor(makeEvent({ type: 'GROUP_CREATED', details: { subject: 's', description: null, inviteLink: null, joinApprovalMode: null, participants: [], createdBy: null } }))).toBeNull();
  });

  it('correlates deletes, settings and business removals by group and kind, keeping any request_id to try first', () => {
    expect(completionRuleFor(makeEvent({ type: 'GROUP_DELETED', details: {}, requestId: 'r' }))).toMatchObject({ by: 'correlation', requestId: 'r', kind: 'DELETE_GROUP', groupId: 'g1', completion: { status: 'SUCCEEDED' } });
    expect(completionRuleFor(makeEvent({ type: 'GROUP_DELETE_FAILED', details: { errors: [error131212] } }))).toMatchObject({ kind: 'DELETE_GROUP', completion: { status: 'FAILED', errors: [error131212] } });
    const settings = (subject: boolean, picture: boolean) =>
      completionRuleFor(makeEvent({ type: 'SETTINGS_UPDATED', details: { subject: change('New', subject), description: null, profilePicture: { sha256: 'sha', url: null, previousUrl: null, changedBy: null, succeeded: picture, errors: change('sha', picture).errors, mimeType: 'image/jpeg' }, otherChanges: [], errors: [] } }));
    expect(settings(true, true)).toMatchObject({ kind: 'UPDATE_GROUP', completion: { status: 'SUCCEEDED', errors: [] } });
    expect(settings(true, false)).toMatchObject({ kind: 'UPDATE_GROUP', completion: { status: 'FAILED', errors: [error131212] } });
  });

  it('treats a partly failed removal as SUCCEEDED with both lists, a total failure as FAILED, and ignores leaves', () => {
    const partial = completionRuleFor(makeEvent({ type: 'PARTICIPANTS_REMOVED', details: removal(['111'], ['222']) }));
    expect(partial).toMatchObject({ kind: 'REMOVE_PARTICIPANTS', completion: { status: 'SUCCEEDED', errors: [{ code: 131201 }] } });
    expect(partial?.completion.result).toEqual({
      removedParticipants: [expect.objectContaining({ input: '111' })],
      failedParticipants: [{ participant: expect.objectContaining({ input: '222' }), errors: [error131212] }],
    });
    // Without a top-level error, the per-participant ones are the operation's errors.
    expect(completionRuleFor(makeEvent({ type: 'PARTICIPANTS_REMOVED', details: removal([], ['222'], 'BUSINESS', []) }))).toMatchObject({ completion: { status: 'FAILED', errors: [error131212] } });
    expect(completionRuleFor(makeEvent({ type: 'PARTICIPANTS_REMOVED', details: removal(['111'], [], 'PARTICIPANT') }))).toBeNull();
  });

  it('ignores events no write waits for', () => {
    expect(completionRuleFor(makeEvent({ type: 'GROUP_SUSPENDED', details: {} }))).toBeNull();
    expect(completionRuleFor(makeEvent({ type: 'PARTICIPANTS_ADDED', details: { participants: [], reason: 'invite_link' } }))).toBeNull();
  });
});

describe('correlationCutoff', () => {
  it('allows for whole-second timestamps and clock skew, but never past receipt plus skew', () => {
    expect(correlationCutoff({ occurredAt: new Date(T0).toISOString(), receivedAt: new Date(T0 + 60_000).toISOString() }).getTime()).toBe(T0 + 3_000);
    expect(correlationCutoff({ occurredAt: new Date(T0).toISOString(), receivedAt: new Date(T0).toISOString() }).getTime()).toBe(T0 + 2_000);
  });
});
