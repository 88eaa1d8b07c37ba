// A browser-style EventSource (the `eventsource` package, ESM only, hence its own process): opens the URL with the
// given headers, prints every message and every (re)connection as one JSON line, and reconnects by itself with
// Last-Event-ID as browsers do. It closes once it got the `complete` event or stdin closes.
import { EventSource } from 'eventsource';

const url = process.argv[2];
const headers = JSON.parse(process.argv[3] ?? '{}');
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const source = new EventSource(url, {
  fetch: (input, init) => {
    const sent = { ...init.headers, ...headers };
    print({ kind: 'connect', lastEventId: sent['Last-Event-ID'] ?? sent['last-event-id'] ?? null });
    return fetch(input, { ...init, headers: sent });
  },
});
source.addEventListener('next', (event) => print({ kind: 'next', id: event.lastEventId, data: JSON.parse(event.data) }));
source.addEventListener('complete', () => {
  print({ kind: 'complete' });
  source.close();
});
source.addEventListener('open', () => print({ kind: 'open' }));
source.addEventListener('error', () => print({ kind: 'error' }));
process.stdin.on('end', () => source.close());
process.stdin.resume();
