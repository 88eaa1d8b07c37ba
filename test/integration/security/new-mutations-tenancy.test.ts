import { DeleteInviteLinkDocument, SendGroupInviteTemplateDocument, SendGroupMessageDocument, UploadMediaDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { tinyJpeg } from '../../helpers/images';
import { bearer, groupsOf, startSecureGateway } from '../../helpers/secure-gateway';
import type { KeyName } from '../../helpers/secure-gateway';
import { postMultipart } from '../mutations/helpers/multipart-client';
import { SANDBOX_PHONE_A, SANDBOX_PHONE_B } from '../../helpers/constants';

jest.setTimeout(20_000);

const TEMPLATE = { name: 'group_invite_link', languageCode: 'en' };

describe('deleteInviteLink, sendGroupInviteTemplate, uploadMedia and sticker sends: scope and tenancy', () => {
  let t: TestGateway;
  let groupA: string;
  let groupB: string;

  beforeAll(async () => {
    t = await startSecureGateway();
    groupA = groupsOf(t, SANDBOX_PHONE_A).find((id) => (t.sandbox.control.group(id)?.participants.length ?? 0) > 0)!;
    groupB = groupsOf(t, SANDBOX_PHONE_B)[0]!;
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  const as = (key: KeyName, document: Parameters<TestGateway['query']>[0], variables: Record<string, unknown>) =>
    t.query(document as never, variables as never, { headers: bearer(key) });
  const codes = (response: { body: { errors?: readonly { extensions?: Record<string, unknown> }[] } }) => (response.body.errors ?? []).map((error) => error.extensions?.code);
  const upload = (key: KeyName, input: Record<string, unknown>) =>
    postMultipart(
      t.graphqlUrl,
      { document: UploadMediaDocument, variables: { input: { file: null, ...input } }, files: { 0: { path: 'variables.input.file', file: { bytes: tinyJpeg(32, 32), filename: 'p.jpg', type: 'image/jpeg' } } } },
      { headers: { 'apollo-require-preflight': 'true', ...bearer(key) } },
    );

  it("refuses a key limited to number A every new write on B's group or number, before any upstream call", async () => {
    expect(codes(await as('tenantA', DeleteInviteLinkDocument, { input: { groupId: groupB } }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('tenantA', SendGroupInviteTemplateDocument, { input: { groupId: groupB, to: '14155550142', template: TEMPLATE } }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('tenantA', SendGroupInviteTemplateDocument, { input: { groupId: groupA, phoneNumberId: SANDBOX_PHONE_B, to: '14155550142', template: TEMPLATE } }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('tenantA', SendGroupMessageDocument, { input: { groupId: groupB, phoneNumberId: SANDBOX_PHONE_B, sticker: { link: 'https://x.test/s.webp' } } }))).toEqual(['FORBIDDEN']);
    const foreignUpload = await upload('tenantA', { phoneNumberId: SANDBOX_PHONE_B });
    expect(foreignUpload.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(t.sandbox.stats.requests.filter((request) => request.method !== 'GET')).toEqual([]); // only ownership lookups, no write
    expect(t.sandbox.control.group(groupB)?.inviteLink).not.toBeNull();
  });

  it('refuses a read-only key each new write (scope write)', async () => {
    expect(codes(await as('reader', DeleteInviteLinkDocument, { input: { groupId: groupA } }))).toEqual(['FORBIDDEN']);
    expect(codes(await as('reader', SendGroupInviteTemplateDocument, { input: { groupId: groupA, to: '14155550142', template: TEMPLATE } }))).toEqual(['FORBIDDEN']);
    expect((await upload('reader', {})).body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(t.sandbox.stats.requests).toEqual([]);
  });

  it("lets the key limited to A do each of them on A's own group and number (the number defaults to A's)", async () => {
    const uploaded = await upload('tenantA', {});
    expect(uploaded.body.errors).toBeUndefined();
    expect(uploaded.body.data).toMatchObject({ uploadMedia: { phoneNumberId: SANDBOX_PHONE_A, kind: 'IMAGE' } });
    const invited = await as('tenantA', SendGroupInviteTemplateDocument, { input: { groupId: groupA, to: '14155550142', template: TEMPLATE } });
    expect(invited.body.errors).toBeUndefined();
    const deleted = await as('tenantA', DeleteInviteLinkDocument, { input: { groupId: groupA } });
    expect(deleted.body).toMatchObject({ data: { deleteInviteLink: { deleted: true } } });
    expect(t.sandbox.stats.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /v23.0/${SANDBOX_PHONE_A}/media`,
      `POST /v23.0/${SANDBOX_PHONE_A}/messages`,
      `DELETE /v23.0/${groupA}/invite_link`,
    ]);
  });
});
