import '../styles.css';
import { clear, h } from './dom';
import type { ConnectionState, GatewaySettings } from './gateway-client';
import { createGatewayClient } from './gateway-client';
import type { GroupView } from './group-view';
import { mountGroupView } from './group-view';
import { mountGroupsList } from './groups-list';
import type { GroupsList } from './groups-list';
import { mountLiveEvents } from './live-events';

/** Events after which the open group's view is read again (its participants or requests changed). */
const GROUP_CHANGING_EVENTS = new Set(['PARTICIPANTS_ADDED', 'PARTICIPANTS_REMOVED', 'JOIN_REQUEST_CREATED', 'JOIN_REQUEST_REVOKED', 'SETTINGS_UPDATED', 'GROUP_SUSPENDED', 'GROUP_SUSPENSION_CLEARED']);

const CONNECTION_LABELS: Readonly<Record<ConnectionState, string>> = { connecting: 'connecting…', connected: 'live', closed: 'not connected' };

/** The gateway to talk to, from the static server (`npm run example:web` writes it from GATEWAY_URL and GATEWAY_API_KEY). */
async function loadSettings(): Promise<GatewaySettings> {
  const response = await fetch('config.json');
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return (await response.json()) as GatewaySettings;
}

async function main(): Promise<void> {
  const root = document.getElementById('app');
  if (root === null) throw new Error('index.html has no #app element');
  const settings = await loadSettings();

  const connection = h('span', { className: 'connection', data: { testid: 'connection', state: 'closed' } }, CONNECTION_LABELS.closed);
  const gateway = createGatewayClient(settings, (state) => {
    connection.dataset.state = state;
    connection.textContent = CONNECTION_LABELS[state];
  });

  const phoneInput = h('input', { attrs: { name: 'phoneNumberId', placeholder: 'default number', inputmode: 'numeric', 'aria-label': 'Business phone number id' } });
  const groupsPane = h('div', { data: { testid: 'groups' } });
  const groupPane = h('div', { className: 'group-pane' }, h('p', { className: 'muted' }, 'Pick a group.'));
  const eventsList = h('ol', { className: 'events', data: { testid: 'events' } });
  const notice = h('p', { className: 'notice', data: { testid: 'events-notice' } });
  const eventsPane = h('section', { className: 'events-pane', attrs: { hidden: '' } }, h('h3', {}, 'Live events'), notice, eventsList);

  let groups: GroupsList | null = null;
  let open: { view: GroupView; stopEvents: () => void } | null = null;

  const openGroup = (groupId: string): void => {
    open?.view.dispose();
    open?.stopEvents();
    groups?.select(groupId);
    clear(eventsList);
    eventsPane.hidden = false;
    const view = mountGroupView({ apollo: gateway.apollo, container: groupPane, groupId });
    const stopEvents = mountLiveEvents({
      apollo: gateway.apollo,
      ws: gateway.ws,
      list: eventsList,
      groupId,
      onEvent: (event, live) => {
        if (live && GROUP_CHANGING_EVENTS.has(event.type)) view.refresh();
      },
      onNotice: (text) => {
        notice.textContent = text ?? '';
      },
    });
    open = { view, stopEvents };
  };

  const showNumber = (phoneNumberId: string | null): void => {
    groups?.dispose();
    groups = mountGroupsList({ apollo: gateway.apollo, container: groupsPane, phoneNumberId, onOpen: openGroup });
  };

  const numberForm = h(
    'form',
    {
      className: 'number',
      onSubmit: (event) => {
        event.preventDefault();
        showNumber(phoneInput.value.trim() === '' ? null : phoneInput.value.trim());
      },
    },
    phoneInput,
    h('button', { attrs: { type: 'submit' } }, 'Show groups'),
  );

  clear(
    root,
    h('header', {}, h('h1', {}, 'WhatsApp groups'), h('span', { className: 'gateway' }, settings.httpUrl), connection),
    h('main', {}, h('nav', {}, numberForm, groupsPane), h('div', { className: 'detail' }, groupPane, eventsPane)),
  );
  showNumber(null);
}

main().catch((error: unknown) => {
  document.body.prepend(h('p', { className: 'error' }, `The app could not start: ${error instanceof Error ? error.message : String(error)}`));
});
