import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { clear, h } from './dom';
import { GROUPS_PAGE } from './documents';

const PAGE_SIZE = 10;

export interface GroupsListOptions {
  apollo: ApolloClient<NormalizedCacheObject>;
  container: HTMLElement;
  /** null: the gateway's default number (WHATSAPP_PHONE_NUMBER_ID; in sandbox mode its first number). */
  phoneNumberId: string | null;
  onOpen(groupId: string): void;
}

export interface GroupsList {
  select(groupId: string | null): void;
  dispose(): void;
}

/** The groups of one phone number, ten at a time; "More groups" fetches the next page and the cache appends it. */
export function mountGroupsList(options: GroupsListOptions): GroupsList {
  const { apollo, container } = options;
  let selected: string | null = null;
  let loadingMore = false;
  const query = apollo.watchQuery({ query: GROUPS_PAGE, variables: { phoneNumberId: options.phoneNumberId, first: PAGE_SIZE }, notifyOnNetworkStatusChange: true });
  clear(container, h('p', { className: 'muted' }, 'Loading groups…'));

  const render = (): void => {
    const { data, error } = query.getCurrentResult();
    if (error !== undefined && data === undefined) {
      clear(container, h('p', { className: 'error', data: { testid: 'groups-error' } }, `Could not load the groups: ${error.message}`));
      return;
    }
    if (data === undefined) return;
    const { edges, pageInfo } = data.groups;
    const items = edges.map(({ node }) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            className: node.id === selected ? 'group selected' : 'group',
            data: { testid: 'group', groupId: node.id },
            onClick: () => options.onOpen(node.id),
          },
          h('span', { className: 'subject' }, node.subject ?? '(no subject)'),
          h('span', { className: 'meta' }, `${participantCount(node.totalParticipantCount)}${node.joinApprovalMode === 'APPROVAL_REQUIRED' ? ' · approval required' : ''}`),
        ),
      ),
    );
    const more = pageInfo.hasNextPage
      ? h(
          'button',
          {
            className: 'more',
            data: { testid: 'more-groups' },
            attrs: loadingMore ? { disabled: '' } : {},
            onClick: () => {
              loadingMore = true;
              render();
              void query.fetchMore({ variables: { after: pageInfo.endCursor } }).finally(() => {
                loadingMore = false;
                render();
              });
            },
          },
          loadingMore ? 'Loading…' : 'More groups',
        )
      : null;
    clear(container, edges.length === 0 ? h('p', { className: 'muted' }, 'No groups on this number yet.') : h('ul', { className: 'groups' }, ...items), more);
  };

  const subscription = query.subscribe({ next: render, error: render });
  return {
    select(groupId) {
      selected = groupId;
      render();
    },
    dispose: () => subscription.unsubscribe(),
  };
}

function participantCount(count: number | null | undefined): string {
  if (count === null || count === undefined) return 'participants unknown';
  return count === 1 ? '1 participant' : `${count} participants`;
}
