import '@graphiql/plugin-explorer/style.css';
import 'graphiql/style.css';
import './ide.css';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { EXAMPLE_TABS } from './example-tabs';
import { createGatewayFetcher } from './gateway-fetcher';

/** The headers editor's start when GATEWAY_AUTH is on: the gateway answers UNAUTHENTICATED until a real key is in. */
const API_KEY_HEADERS = JSON.stringify({ authorization: 'Bearer <your API key>' }, null, 2);

const container = document.getElementById('graphiql');
if (container === null) throw new Error('The IDE page has no #graphiql element');
const apiKeyRequired = container.dataset.apiKeyRequired === 'true';
// The page is served by the GraphQL endpoint itself: HTTP and WebSocket go to the page's own URL.
const httpUrl = new URL(window.location.pathname, window.location.href).href;

createRoot(container).render(
  createElement(
    GraphiQL,
    {
      fetcher: createGatewayFetcher({ httpUrl, wsUrl: httpUrl.replace(/^http/, 'ws') }),
      defaultTabs: EXAMPLE_TABS.map((tab) => (apiKeyRequired ? { ...tab, headers: API_KEY_HEADERS } : tab)),
      ...(apiKeyRequired ? { defaultHeaders: API_KEY_HEADERS, defaultEditorToolsVisibility: 'headers' } : {}),
      plugins: [explorerPlugin()],
      // An API key typed into the headers editor stays in this tab's memory, never in localStorage.
      shouldPersistHeaders: false,
    },
    createElement(GraphiQL.Logo, null, 'WhatsApp Groups Gateway'),
  ),
);
