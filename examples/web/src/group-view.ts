import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { clear, h } from './dom';
import { APPROVE_JOIN_REQUEST, GROUP_DETAIL, REJECT_JOIN_REQUEST } from './documents';
import type { WebGroupDetailFragment } from './gql/graphql';

export interface GroupViewOptions {
  apollo: ApolloClient<NormalizedCacheObject>;
  container: HTMLElement;
  groupId: string;
}

export interface GroupView {
  /** Reads the group again (a live event said it changed). */
  refresh(): void;
  dispose(): void;
}

type Decision = 'approve' | 'reject';

/**
 * One group: participants, invite link, pending join requests with Approve / Reject. A decision's payload carries the
 * group as read after the write, so Apollo's cache re-renders this view without another request.
 */
export function mountGroupView(options: GroupViewOptions): GroupView {
  const { apollo, container, groupId } = options;
  const pending = new Set<string>();
  const outcomes = new Map<string, string>();
  const query = apollo.watchQuery({ query: GROUP_DETAIL, variables: { id: groupId }, errorPolicy: 'all' });
  clear(container, h('p', { className: 'muted' }, 'Loading the group…'));

  const decide = async (joinRequestId: string, decision: Decision): Promise<void> => {
    pending.add(joinRequestId);
    render();
    try {
      const input = { groupId, joinRequestIds: [joinRequestId] };
      const payload =
        decision === 'approve'
          ? (await apollo.mutate({ mutation: APPROVE_JOIN_REQUEST, variables: { input } })).data?.approveJoinRequests
          : (await apollo.mutate({ mutation: REJECT_JOIN_REQUEST, variables: { input } })).data?.rejectJoinRequests;
      const failure = payload?.failedJoinRequests.find((failed) => failed.joinRequestId === joinRequestId);
      if (failure !== undefined) outcomes.set(joinRequestId, failure.errors.map((error) => error.message).join('; ') || 'refused');
    } catch (error) {
      outcomes.set(joinRequestId, error instanceof Error ? error.message : String(error));
    } finally {
      pending.delete(joinRequestId);
      render();
    }
  };

  const render = (): void => {
    const { data, error } = query.getCurrentResult();
    const group = data?.group;
    if (group === undefined) {
      if (error !== undefined) clear(container, h('p', { className: 'error' }, `Could not load the group: ${error.message}`));
      return;
    }
    if (group === null) {
      clear(container, h('p', { className: 'muted' }, 'This group no longer exists, or the business is no longer in it.'));
      return;
    }
    clear(container, renderGroup(group, { pending, outcomes, decide: (id, decision) => void decide(id, decision) }));
  };

  const subscription = query.subscribe({ next: render, error: render });
  return {
    refresh: () => void query.refetch().catch(render),
    dispose: () => subscription.unsubscribe(),
  };
}

interface JoinRequestState {
  pending: ReadonlySet<string>;
  outcomes: ReadonlyMap<string, string>;
  decide(joinRequestId: string, decision: Decision): void;
}

function renderGroup(group: WebGroupDetailFragment, state: JoinRequestState): HTMLElement {
  const requests = group.joinRequests.edges.map(({ node }) => {
    const busy = state.pending.has(node.id);
    const button = (decision: Decision, label: string) =>
      h('button', { className: decision, data: { action: decision }, attrs: busy ? { disabled: '' } : {}, onClick: () => state.decide(node.id, decision) }, label);
    const outcome = state.outcomes.get(node.id);
    return h(
      'li',
      { data: { testid: 'join-request', joinRequestId: node.id } },
      h('span', { className: 'who' }, personLabel(node)),
      h('span', { className: 'actions' }, button('approve', 'Approve'), button('reject', 'Reject')),
      outcome === undefined ? null : h('span', { className: 'error' }, outcome),
    );
  });
  return h(
    'article',
    { className: 'group-detail', data: { testid: 'group-detail', groupId: group.id } },
    h('h2', {}, group.subject ?? '(no subject)'),
    group.description === null || group.description === undefined ? null : h('p', { className: 'description' }, group.description),
    h(
      'p',
      { className: 'meta' },
      `${group.totalParticipantCount ?? group.participants.length} participants · ${group.joinApprovalMode === 'APPROVAL_REQUIRED' ? 'approval required' : 'anyone with the link joins'}${group.suspended === true ? ' · suspended' : ''}`,
    ),
    h('h3', {}, 'Invite link'),
    group.inviteLink === null || group.inviteLink === undefined
      ? h('p', { className: 'muted' }, 'none')
      : h('p', {}, h('a', { data: { testid: 'invite-link' }, attrs: { href: group.inviteLink, target: '_blank', rel: 'noopener noreferrer' } }, group.inviteLink)),
    h('h3', {}, `Participants (${group.participants.length})`),
    h('ul', { className: 'people', data: { testid: 'participants' } }, ...group.participants.map((person) => h('li', { data: { testid: 'participant', waId: person.waId ?? '' } }, personLabel(person)))),
    h('h3', {}, `Join requests (${requests.length})`),
    requests.length === 0 ? h('p', { className: 'muted' }, 'No pending requests.') : h('ul', { className: 'requests' }, ...requests),
  );
}

export function personLabel(person: { waId?: string | null; userId?: string | null; username?: string | null }): string {
  const id = person.waId === null || person.waId === undefined ? (person.userId ?? 'unknown') : `+${person.waId}`;
  return person.username === null || person.username === undefined ? id : `${id} (@${person.username})`;
}
