import { queryOk } from '../lib/graphql.mjs';

/** groupsByIds accepts at most this many ids (src/schema/validation/ids.validation.ts MAX_IDS_PER_LOOKUP). */
export const IDS_PER_FIELD = 100;
const SIZES = [1, 10, 50, 200];
const SELECTION = 'id subject participants { waId userId username }';

/**
 * One query asking for `ids`: one groupsByIds field when they fit, else aliased fields of at most IDS_PER_FIELD ids.
 * The aliases resolve in the same tick, so the loader sees every id at once, as one field with all of them would.
 */
export function groupsByIdsQuery(ids) {
  const chunks = [];
  for (let i = 0; i < ids.length; i += IDS_PER_FIELD) chunks.push(ids.slice(i, i + IDS_PER_FIELD));
  const variables = Object.fromEntries(chunks.map((chunk, index) => [`ids${index}`, chunk]));
  const params = chunks.map((_, index) => `$ids${index}: [ID!]!`).join(', ');
  const fields = chunks.map((_, index) => `part${index}: groupsByIds(ids: $ids${index}) { ${SELECTION} }`).join(' ');
  return { query: `query BenchGroupsByIds(${params}) { ${fields} }`, variables };
}

/** A list page as a frontend shows it: every group with its participants, invite link and first join requests. */
const PAGE_QUERY = `query BenchPage($phone: ID) { groups(phoneNumberId: $phone, first: 25) { edges { node { id subject participants { waId } inviteLink joinRequests(first: 5) { edges { node { id waId } } } } } } }`;

/**
 * Scenario 2: upstream HTTP requests per query, counted by the embedded sandbox (a Graph batch counts once).
 * Cold: groups seeded just now, never read. Warm: the same query again (fresh loaders, shared cache).
 * With batching on, also a page of 25 groups with participants, invite links and join requests, on a phone number
 * whose list no query has read yet (`pagePhoneNumberId`): the list, one batch of metadata, one batch of links and
 * join-request pages cold (<= 3), nothing warm.
 */
export async function upstreamEfficiency({ gateways, phoneNumberId, pagePhoneNumberId }) {
  const rows = [];
  const batched = gateways.find((gateway) => gateway.batch);
  if (batched !== undefined && pagePhoneNumberId !== undefined) {
    await batched.call('seedGroups', { phoneNumberId: pagePhoneNumberId, count: 25, participants: 3 });
    for (const phase of ['cold', 'warm']) {
      await batched.call('resetUpstreamStats');
      const answer = await queryOk(batched.graphqlUrl, PAGE_QUERY, { phone: pagePhoneNumberId });
      const page = answer.data.groups.edges;
      if (page.length !== 25 || page.some(({ node }) => typeof node.inviteLink !== 'string' || !Array.isArray(node.joinRequests.edges))) {
        throw new Error(`groups(first: 25) with invite links and join requests (${phase}) did not answer 25 complete groups`);
      }
      const paths = await batched.call('upstreamPaths');
      rows.push({
        scenario: '2 upstream',
        metric: `groups(first:25) + participants, inviteLink, joinRequests ${phase}`,
        value: paths.length,
        baseline: null,
        target: { kind: '<=', value: phase === 'cold' ? 3 : 0 },
        unit: 'requests',
        detail: { paths },
      });
    }
  }
  for (const gateway of gateways) {
    const mode = gateway.batch ? 'batch on' : 'batch off';
    for (const n of SIZES) {
      const ids = await gateway.call('seedGroups', { phoneNumberId, count: n, participants: 3 });
      const { query, variables } = groupsByIdsQuery(ids);
      for (const phase of ['cold', 'warm']) {
        await gateway.call('resetUpstreamStats');
        const answer = await queryOk(gateway.graphqlUrl, query, variables);
        const returned = Object.values(answer.data).flat();
        if (returned.length !== n || returned.some((group, index) => group?.id !== ids[index])) {
          throw new Error(`groupsByIds (${mode}, N=${n}, ${phase}) did not answer the ${n} groups in order`);
        }
        const requests = await gateway.call('upstreamRequests');
        const expected = phase === 'warm' ? 0 : gateway.batch ? Math.ceil(n / 50) : null;
        rows.push({
          scenario: '2 upstream',
          metric: `groupsByIds N=${n} ${mode} ${phase}`,
          value: requests,
          baseline: null,
          target: expected === null ? null : { kind: '<=', value: expected },
          unit: 'requests',
          detail: n > IDS_PER_FIELD ? `${Math.ceil(n / IDS_PER_FIELD)} aliased groupsByIds fields of <= ${IDS_PER_FIELD} ids in one query` : undefined,
        });
      }
    }
  }
  return rows;
}
