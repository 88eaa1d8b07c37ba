import { GroupsByIdsDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const UNKNOWN_ID = 'Y2FwaV9ncm91cDpub3BlOjQwNAZDZD';

/** 60 distinct ids (59 groups and one unknown id), with repeats, in a shuffled but fixed order. */
function lookupIds(t: TestGateway): { ids: string[]; distinct: number } {
  const phoneNumberId = t.sandbox.control.state().phoneNumbers[0]?.phoneNumberId ?? '';
  const known = t.sandbox.control.seedGroups(phoneNumberId, 59, { subjectPrefix: 'Lookup' });
  const distinct = [...known.slice(0, 30), UNKNOWN_ID, ...known.slice(30)];
  const ids = [...distinct, distinct[3] ?? '', distinct[30] ?? '', distinct[59] ?? '', distinct[3] ?? ''];
  return { ids, distinct: new Set(ids).size };
}

function expectAligned(t: TestGateway, ids: readonly string[], answer: readonly ({ id: string; subject?: string | null; totalParticipantCount?: number | null } | null)[]): void {
  expect(answer).toHaveLength(ids.length);
  ids.forEach((id, index) => {
    const snapshot = t.sandbox.control.group(id);
    if (snapshot === null) expect(answer[index]).toBeNull();
    else expect(answer[index]).toEqual({ id, subject: snapshot.subject, totalParticipantCount: snapshot.participants.length });
  });
}

describe('groupsByIds with Graph batching on (default)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.dispose());

  it('answers 60 distinct ids (some repeated, one unknown) with exactly 2 batch requests, aligned to the ids', async () => {
    const { ids, distinct } = lookupIds(t);
    expect(distinct).toBe(60);
    t.sandbox.stats.reset();
    const response = await t.query(GroupsByIdsDocument, { ids });
    expect(response.body.errors).toBeUndefined();
    expectAligned(t, ids, response.body.data?.groupsByIds ?? []);
    expect(response.body.data?.groupsByIds.filter((group) => group === null)).toHaveLength(2); // the unknown id is asked twice
    const requests = t.sandbox.stats.requests;
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v23.0/', 'POST /v23.0/']);
    const batchSizes = requests.map((request) => batchOf(request.body).length);
    expect(batchSizes).toEqual([50, 10]);
    const relativeUrls = requests.flatMap((request) => batchOf(request.body).map((item) => item.relative_url));
    expect(relativeUrls.every((url) => url.endsWith('?fields=subject%2Ctotal_participant_count'))).toBe(true);
  });
});

describe('groupsByIds with Graph batching off', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { GRAPH_API_BATCH: 'off', GRAPH_API_CONCURRENCY: '8' }, sandbox: { latencyMs: 15 } });
  });
  afterAll(() => t.dispose());

  it('sends 60 single GETs with at most 8 in flight, aligned to the ids', async () => {
    const { ids } = lookupIds(t);
    t.sandbox.stats.reset();
    const response = await t.query(GroupsByIdsDocument, { ids });
    expect(response.body.errors).toBeUndefined();
    expectAligned(t, ids, response.body.data?.groupsByIds ?? []);
    const requests = t.sandbox.stats.requests;
    expect(requests).toHaveLength(60);
    expect(requests.every((request) => request.method === 'GET' && request.query.fields === 'subject,total_participant_count')).toBe(true);
    expect(new Set(requests.map((request) => request.path)).size).toBe(60);
    expect(t.sandbox.stats.maxInFlight).toBeLessThanOrEqual(8);
    expect(t.sandbox.stats.maxInFlight).toBeGreaterThan(1);
  });
});

function batchOf(body: unknown): { method: string; relative_url: string }[] {
  const raw = (body as { batch?: unknown }).batch;
  const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  if (!Array.isArray(parsed)) throw new Error(`expected a batch body, got ${JSON.stringify(body)}`);
  return parsed as { method: string; relative_url: string }[];
}
