import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { ApolloError } from '@apollo/client/core';
import type { GraphQLFormattedError } from 'graphql';
import type { Client } from 'graphql-ws';
import { h } from './dom';
import { GROUP_EVENT_HISTORY, GROUP_EVENTS_LIVE } from './documents';
import type { WebGroupEventFragment } from './gql/graphql';
import { personLabel } from './group-view';

/** The stored history is read in pages this big, at most this many pages; the subscription replays whatever is left. */
const HISTORY_PAGE_SIZE = 100;
const HISTORY_MAX_PAGES = 10;
/** Shown at most; older ones leave the list. */
const MAX_SHOWN = 200;
/** Resubscribing after a drop waits 250 ms, doubling up to 5 s, until a connection stays up. */
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5_000;
/** Close codes retrying cannot fix: bad request, no or a wrong API key, a page origin the gateway does not allow. */
const FATAL_CLOSE_CODES = new Set([4400, 4401, 4403]);

export interface LiveEventsOptions {
  apollo: ApolloClient<NormalizedCacheObject>;
  /** The WebSocket client under the subscription link: its close codes tell a refusal from a dropped network. */
  ws: Client;
  list: HTMLElement;
  groupId: string;
  /** Each event as it is shown, live ones with `live: true` (the group view refreshes on those that change it). */
  onEvent?(event: WebGroupEventFragment, live: boolean): void;
  /** A line about the feed itself (catching up, reconnecting, a resume cursor that expired). */
  onNotice?(notice: string | null): void;
}

/**
 * A group's events: the stored ones first (so there is a cursor to resume from even before anything new happens),
 * then live. Every event moves the cursor; after any drop (network, an instance going away, SUBSCRIBER_TOO_SLOW) the
 * subscription starts again with `after: cursor`, and the gateway replays what was missed, each event once.
 */
export function mountLiveEvents(options: LiveEventsOptions): () => void {
  const { apollo, list, groupId } = options;
  let cursor: string | null = null;
  let disposed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let live: { unsubscribe(): void } | null = null;
  let lastClose: { code: number; reason: string } | null = null;
  const unwatch = [
    options.ws.on('connected', () => {
      attempt = 0; // the connection is back: the next drop starts the back-off again
      lastClose = null;
      options.onNotice?.(null);
    }),
    options.ws.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      lastClose = { code, reason };
    }),
  ];

  const stop = (notice: string): void => {
    live?.unsubscribe();
    live = null;
    options.onNotice?.(notice);
  };

  const show = (event: WebGroupEventFragment, isLive: boolean): void => {
    if (disposed) return; // a page of history still arriving for a group that was closed meanwhile
    cursor = event.cursor;
    list.prepend(renderEvent(event, isLive));
    while (list.childElementCount > MAX_SHOWN) list.lastElementChild?.remove();
    options.onEvent?.(event, isLive);
  };

  /** Runs `step` again after the back-off: 250 ms, doubling up to 5 s, from the cursor of the last event shown. */
  const retry = (why: string, step: () => void): void => {
    live?.unsubscribe();
    live = null;
    if (disposed) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
    attempt++;
    options.onNotice?.(`${why}; resuming ${cursor === null ? 'from now' : 'after the last event shown'} in ${delay} ms`);
    retryTimer = setTimeout(step, delay);
  };

  const onErrors = (errors: readonly GraphQLFormattedError[]): void => {
    const first = errors[0];
    const code = first?.extensions?.code;
    if (code === 'SUBSCRIBER_TOO_SLOW') {
      const resumeAfter = first?.extensions?.resumeAfter;
      if (typeof resumeAfter === 'string') cursor = resumeAfter;
      retry('Fell behind the live events', subscribe);
    } else if (code === 'CURSOR_EXPIRED') {
      // Past the log's retention: what was missed cannot be replayed; say so and carry on from now.
      cursor = null;
      retry('The resume point is older than the event log keeps', subscribe);
    } else {
      stop(`The subscription failed: ${first?.message ?? 'unknown error'}`);
    }
  };

  const onFailure = (error: unknown): void => {
    if (error instanceof ApolloError && error.graphQLErrors.length > 0) return onErrors(error.graphQLErrors);
    if (lastClose !== null && FATAL_CLOSE_CODES.has(lastClose.code)) return stop(`The gateway refused the connection (${lastClose.code} ${lastClose.reason})`);
    retry(`Disconnected (${error instanceof Error ? error.message : String(error)})`, subscribe);
  };

  function subscribe(): void {
    retryTimer = null;
    if (disposed) return;
    // errorPolicy 'all': a result with errors (SUBSCRIBER_TOO_SLOW) reaches next(), so its extensions can be read.
    live = apollo.subscribe({ query: GROUP_EVENTS_LIVE, variables: { groupId, after: cursor }, fetchPolicy: 'no-cache', errorPolicy: 'all' }).subscribe({
      next: (result) => {
        options.onNotice?.(null);
        if (result.errors !== undefined && result.errors.length > 0) return onErrors(result.errors);
        if (result.data !== undefined && result.data !== null) show(result.data.groupEvents, true);
      },
      error: onFailure,
      // The server ended it (an instance shutting down, or too slow after its error): resume.
      complete: () => retry('The server ended the subscription', subscribe),
    });
  }

  /** Reads the stored events (continuing from the cursor after a failure), then subscribes after the last one. */
  function start(): void {
    retryTimer = null;
    options.onNotice?.('Reading the stored events…');
    void (async () => {
      for (let page = 0; page < HISTORY_MAX_PAGES && !disposed; page++) {
        const { data } = await apollo.query({ query: GROUP_EVENT_HISTORY, variables: { groupId, first: HISTORY_PAGE_SIZE, after: cursor }, fetchPolicy: 'no-cache' });
        for (const { node } of data.groupEvents.edges) show(node, false);
        if (!data.groupEvents.pageInfo.hasNextPage) break;
      }
      options.onNotice?.(null);
      subscribe();
    })().catch((error: unknown) => retry(`Could not read the stored events (${error instanceof Error ? error.message : String(error)})`, start));
  }
  start();

  return () => {
    disposed = true;
    if (retryTimer !== null) clearTimeout(retryTimer);
    live?.unsubscribe();
    for (const stopWatching of unwatch) stopWatching();
  };
}

function renderEvent(event: WebGroupEventFragment, live: boolean): HTMLElement {
  return h(
    'li',
    { className: live ? 'event live' : 'event', data: { testid: 'event', eventId: event.id, eventType: event.type, cursor: event.cursor, live: String(live), shownAt: String(Date.now()) } },
    h('time', { attrs: { datetime: event.occurredAt } }, new Date(event.occurredAt).toLocaleTimeString()),
    h('span', { className: 'type' }, EVENT_LABELS[event.type] ?? event.type),
    h('span', { className: 'details' }, detailsOf(event)),
  );
}

const EVENT_LABELS: Readonly<Record<string, string>> = {
  PARTICIPANTS_ADDED: 'joined',
  PARTICIPANTS_REMOVED: 'left or removed',
  JOIN_REQUEST_CREATED: 'asks to join',
  JOIN_REQUEST_REVOKED: 'withdrew a request',
  MESSAGE_RECEIVED: 'message',
  SETTINGS_UPDATED: 'settings changed',
  GROUP_SUSPENDED: 'suspended',
  GROUP_SUSPENSION_CLEARED: 'suspension cleared',
  GROUP_DELETED: 'deleted',
};

function detailsOf(event: WebGroupEventFragment): string {
  switch (event.__typename) {
    case 'ParticipantsAddedEvent':
      return `${event.participants.map(personLabel).join(', ')}${event.reason === null || event.reason === undefined ? '' : ` (${event.reason.replaceAll('_', ' ')})`}`;
    case 'ParticipantsRemovedEvent':
      return event.participants.map(personLabel).join(', ');
    case 'JoinRequestCreatedEvent':
      return personLabel(event.participant);
    case 'MessageReceivedEvent':
      return `${personLabel(event.from)}: ${event.text ?? '(not text)'}`;
    default:
      return '';
  }
}
