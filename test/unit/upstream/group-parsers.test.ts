import { GROUP_FIELDS } from '../../../src/upstream/types';
import { parseGroup, parseGroupSummaryPage } from '../../../src/upstream/group-parsers';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import { fixture } from './fixture';

const GROUP_ID = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD';

describe('parseGroup', () => {
  it('maps every field of the documented answer to camelCase with real types', () => {
    expect(parseGroup(fixture('get_group_info.response'), GROUP_FIELDS)).toEqual({
      id: GROUP_ID,
      subject: 'Artificial Intelligence Insights',
      description: 'Explore AI developments, share knowledge, and discuss the future of artificial intelligence.',
      joinApprovalMode: 'auto_approve',
      suspended: false,
      createdAt: new Date(683731200 * 1000),
      participants: [
        { waId: '2228675309', userId: null, parentUserId: null, username: null },
        { waId: '7693349922', userId: null, parentUserId: null, username: null },
      ],
      totalParticipantCount: 2,
    });
  });

  it('coerces the doc sample spellings: numbers and booleans quoted as strings', () => {
    const group = parseGroup(fixture('get_group_info.doc_sample_strings.response'), GROUP_FIELDS);
    expect(group.createdAt).toEqual(new Date(683731200 * 1000));
    expect(group.suspended).toBe(false);
    expect(group.totalParticipantCount).toBe(2);
    expect(group.joinApprovalMode).toBe('approval_required');
  });

  it('reads BSUID-era participants, where wa_id may be absent', () => {
    const group = parseGroup(fixture('get_group_info.bsuid.response'), ['participants', 'total_participant_count']);
    expect(group.participants).toEqual([
      { waId: null, userId: 'US.13491208655302741918', parentUserId: 'US.ENT.11815799212886844830', username: 'tiago' },
      { waId: '16505551234', userId: 'US.13491208655302741919', parentUserId: null, username: null },
    ]);
  });

  it('leaves fields that were not requested undefined and requested-but-absent ones null', () => {
    const group = parseGroup(fixture('get_group_info.default_fields.response'), ['description', 'suspended']);
    expect(group).toEqual({ id: GROUP_ID, description: null, suspended: null });
    expect('subject' in group).toBe(false);
    expect(parseGroup(fixture('get_group_info.default_fields.response'), [])).toEqual({ id: GROUP_ID });
  });

  it('answers null for optional values of the wrong type instead of failing the group', () => {
    const group = parseGroup({ id: 'g', subject: 'S', suspended: 'maybe', total_participant_count: 'many', join_approval_mode: 'open', creation_timestamp: 1700000000 }, GROUP_FIELDS);
    expect(group).toMatchObject({ suspended: null, totalParticipantCount: null, joinApprovalMode: null, subject: 'S', participants: null });
  });

  it.each([
    ['subject', { id: GROUP_ID, creation_timestamp: 1700000000 }, /expected a string "subject" \(every group has one\)/],
    ['subject', { id: GROUP_ID, subject: null }, /expected a string "subject"/],
    ['creation_timestamp', { id: GROUP_ID, subject: 'S' }, /expected a "creation_timestamp" in Unix seconds \(every group has one\)/],
    ['creation_timestamp', { id: GROUP_ID, creation_timestamp: {} }, /expected a "creation_timestamp"/],
  ] as const)('refuses an answer without %s, which every group has, as an UpstreamError (%j)', (field, answer, message) => {
    expect(() => parseGroup(answer, [field])).toThrow(UpstreamError);
    expect(() => parseGroup(answer, [field])).toThrow(message);
  });

  it('throws an UpstreamError when the answer has no id', () => {
    expect(() => parseGroup({ subject: 'x' }, ['subject'])).toThrow(UpstreamError);
    expect(() => parseGroup('oops', [])).toThrow(/Unexpected Graph API answer to getGroup: expected a JSON object, got "oops"/);
  });
});

describe('parseGroupSummaryPage', () => {
  it('reads the data.groups nesting, string created_at and the paging links', () => {
    const page = parseGroupSummaryPage(fixture('list_groups.response'));
    expect(page.items).toEqual([
      { id: GROUP_ID, subject: 'New Purchase Inquiry', createdAt: new Date(1755548877 * 1000) },
      { id: 'Y2FwaV9ncm91cDpFWEFNUExFX0dST1VQX0lE', subject: 'Watch Enthusiasts', createdAt: new Date(1755548999 * 1000) },
    ]);
    expect(page.paging).toEqual({ after: 'MTAxNTExOTQ1MjAwNzI5NDE=', before: 'NDMyNzQyODI3OTQw', hasNext: true, hasPrevious: true });
  });

  it('accepts a numeric created_at and reports no next page when next is absent', () => {
    const page = parseGroupSummaryPage(fixture('list_groups.numeric_created_at.response'));
    expect(page.items[0]!.createdAt).toEqual(new Date(1755548877 * 1000));
    expect(page.paging).toEqual({ after: 'QVFIUjRx', before: 'QVFIUjRy', hasNext: false, hasPrevious: false });
  });

  it('accepts a plain data array and an answer without paging', () => {
    const page = parseGroupSummaryPage({ data: [{ id: 'g1', subject: 'One', created_at: '1700000000' }, { subject: 'no id' }] });
    expect(page.items).toEqual([{ id: 'g1', subject: 'One', createdAt: new Date(1700000000 * 1000) }]);
    expect(page.paging).toEqual({ after: null, before: null, hasNext: false, hasPrevious: false });
  });

  it('throws an UpstreamError when there is no list at all', () => {
    expect(() => parseGroupSummaryPage({ data: { nope: [] } })).toThrow(/expected "data.groups" to be an array/);
  });

  it.each([
    ['without a subject', { id: 'g2', created_at: '1700000000' }],
    ['without a created_at', { id: 'g2', subject: 'Two' }],
  ])('refuses a page with a group %s, instead of listing it with a hole', (_case, item) => {
    const answer = { data: { groups: [{ id: 'g1', subject: 'One', created_at: '1700000000' }, item] } };
    expect(() => parseGroupSummaryPage(answer)).toThrow(UpstreamError);
    expect(() => parseGroupSummaryPage(answer)).toThrow(/every group to have a string "subject" and a "created_at"/);
  });
});
