import { createSilentLogger } from '../../../src/lib/logger';
import { createGraphApiClient } from '../../../src/upstream/graph-api-client';
import type { GroupsApiClient } from '../../../src/upstream/types';
import { UpstreamError } from '../../../src/upstream/upstream-error';
import { createFakeFetch } from './fake-fetch';
import type { FakeAnswer, FakeFetch } from './fake-fetch';

const GROUP = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD';

let clients: GroupsApiClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  clients = [];
});

/** A client whose every attempt hangs until aborted: only a signal (or the long timeout) can end it. */
function hangingClient(): { client: GroupsApiClient; fake: FakeFetch } {
  const fake = createFakeFetch((): FakeAnswer => ({ hang: true }));
  const client = createGraphApiClient({
    baseUrl: 'https://graph.example.test',
    apiVersion: 'v23.0',
    accessToken: 'tok',
    timeoutMs: 60_000,
    maxRetries: 3,
    retryBaseDelayMs: 1,
    maxRetryDelayMs: 5,
    deadlineMs: 60_000,
    breakerFailureThreshold: 1_000,
    logger: createSilentLogger(),
    fetch: fake.fetch,
  });
  clients.push(client);
  return { client, fake };
}

/** Resolves once the fake fetch recorded `count` calls (each recorded call is an attempt in flight). */
async function attemptsStarted(fake: FakeFetch, count: number): Promise<void> {
  while (fake.calls.length < count) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe("a view's signal: the GraphQL request's deadline", () => {
  it('aborts the attempt in flight, retries nothing, and lets no later call of the request start', async () => {
    const { client, fake } = hangingClient();
    const deadline = new AbortController();
    const view = client.withHooks({}, { signal: deadline.signal });
    const first = view.getInviteLink(GROUP);
    await attemptsStarted(fake, 1);
    deadline.abort();
    const error = await first.catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ httpStatus: null, isUnavailable: true, message: expect.stringContaining("the GraphQL request's upstream deadline passed") });
    await expect(view.deleteGroup(GROUP)).rejects.toMatchObject({ httpStatus: null, message: expect.stringContaining('deadline passed') });
    expect(fake.calls).toHaveLength(1);
  });

  it("leaves a shared read to the requests still waiting for it, and aborts it when the last one's deadline passes", async () => {
    const { client, fake } = hangingClient();
    const early = new AbortController();
    const late = new AbortController();
    const a = client.withHooks({}, { signal: early.signal }).getInviteLink(GROUP);
    const b = client.withHooks({}, { signal: late.signal }).getInviteLink(GROUP);
    await attemptsStarted(fake, 1);
    early.abort();
    await expect(a).rejects.toMatchObject({ message: expect.stringContaining('deadline passed') });
    // Request b still waits for the one shared attempt, which is still in flight.
    let bSettled = false;
    void b.then(
      () => (bSettled = true),
      () => (bSettled = true),
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(bSettled).toBe(false);
    late.abort();
    await expect(b).rejects.toMatchObject({ message: expect.stringContaining('deadline passed') });
    expect(fake.calls).toHaveLength(1);
  });
});
