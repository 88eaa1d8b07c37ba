import { createHash } from 'node:crypto';
import { GroupDocument, OperationDocument, UpdateGroupDocument } from '../../generated/graphql';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { postMultipart } from './helpers/multipart-client';
import { upstreamCalls } from './helpers/sandbox-webhooks';
import { paddedJpeg, tinyJpeg, tinyPng } from '../../helpers/images';

describe('updateGroup: subject and description', () => {
  let t: TestGateway;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    groupId = t.sandbox.control.state().groups[0]?.id ?? '';
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  it('sends the trimmed subject and the description, and the webhook completes the operation; queries show the change', async () => {
    const response = await t.query(UpdateGroupDocument, { input: { clientMutationId: 'u-1', groupId, subject: ' Watch Lovers ', description: 'Vintage and new' } });
    expect(response.body.errors).toBeUndefined();
    expect(upstreamCalls(t.sandbox)[0]).toEqual({ method: 'POST', path: `/v23.0/${groupId}`, body: { messaging_product: 'whatsapp', subject: 'Watch Lovers', description: 'Vintage and new' } });
    const payload = response.body.data?.updateGroup;
    expect(payload).toMatchObject({ clientMutationId: 'u-1', operation: { kind: 'UPDATE_GROUP', groupId, group: { id: groupId } } });
    expect(payload?.operation.id).toMatch(/^op_/);

    await t.sandbox.webhooksIdle();
    const operation = await t.query(OperationDocument, { id: payload?.operation.id ?? '' });
    expect(operation.body.data?.operation).toMatchObject({ status: 'SUCCEEDED', errors: [] });
    const group = await t.query(GroupDocument, { id: groupId });
    expect(group.body.data?.group).toMatchObject({ subject: 'Watch Lovers', description: 'Vintage and new' });
  });

  it('reports a change the webhook says failed as a FAILED operation with the upstream code, leaving the group as it was', async () => {
    t.sandbox.failNext({ operation: 'updateGroupSettings', code: 131207, async: true });
    const response = await t.query(UpdateGroupDocument, { input: { groupId, subject: 'Never applied' } });
    await t.sandbox.webhooksIdle();
    const operation = await t.query(OperationDocument, { id: response.body.data?.updateGroup.operation.id ?? '' });
    expect(operation.body.data?.operation).toMatchObject({ status: 'FAILED', errors: [{ code: 131207 }] });
    expect(t.sandbox.control.group(groupId)?.subject).toBe('Watch Lovers');
  });

  it('maps upstream refusals: unknown group NOT_FOUND, suspended group FORBIDDEN with the reason', async () => {
    const unknown = await t.query(UpdateGroupDocument, { input: { groupId: 'Y2FwaV9ncm91cDpub25lOjEZD', subject: 'x' } });
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', upstream: { code: 131041 } });

    t.sandbox.control.suspendGroup(groupId);
    const suspended = await t.query(UpdateGroupDocument, { input: { groupId, subject: 'x' } });
    t.sandbox.control.clearSuspension(groupId);
    expect(suspended.body.errors?.[0]?.message).toMatch(/^The group is suspended by WhatsApp: .+ \(upstream 131207\)$/);
    expect(suspended.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', upstream: { code: 131207 } });
  });
});

describe('updateGroup: profilePicture through the GraphQL multipart request spec', () => {
  let t: TestGateway;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    groupId = t.sandbox.control.state().groups[1]?.id ?? '';
  });
  afterAll(() => t.dispose());
  beforeEach(() => t.sandbox.stats.reset());

  const upload = (bytes: Buffer, filename: string, type: string, headers?: Record<string, string>) =>
    postMultipart(
      t.graphqlUrl,
      { document: UpdateGroupDocument, variables: { input: { groupId, profilePicture: null } }, files: { 0: { path: 'variables.input.profilePicture', file: { bytes, filename, type } } } },
      headers === undefined ? undefined : { headers },
    );

  it('uploads a real 640x640 JPEG: the upstream gets it as multipart `file`, the webhook confirms, the picture changes', async () => {
    const jpeg = tinyJpeg(640, 640);
    const response = await upload(jpeg, 'square.jpg', 'image/jpeg');
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    // The write, then the read of the payload's group (subject, description).
    expect(upstreamCalls(t.sandbox)[0]).toEqual({
      method: 'POST',
      path: `/v23.0/${groupId}`,
      body: { messaging_product: 'whatsapp', file: { filename: 'square.jpg', mimeType: 'image/jpeg', size: jpeg.length } },
    });
    expect(t.sandbox.stats.requests.filter((request) => request.path === `/v23.0/${groupId}`)).toHaveLength(1);
    const operationId = (response.body.data as { updateGroup: { operation: { id: string } } }).updateGroup.operation.id;
    await t.sandbox.webhooksIdle();
    expect(t.sandbox.control.group(groupId)?.pictureSha256).toBe(createHash('sha256').update(jpeg).digest('hex'));
    const operation = await t.query(OperationDocument, { id: operationId });
    expect(operation.body.data?.operation?.status).toBe('SUCCEEDED');
  });

  it.each([
    ['a PNG', tinyPng(640, 640), 'square.png', 'image/png', '`input.profilePicture` must be a JPEG image; "square.png" is a PNG image'],
    ['a PNG declared as JPEG', tinyPng(640, 640), 'sneaky.jpg', 'image/jpeg', '`input.profilePicture` must be a JPEG image; "sneaky.jpg" is a PNG image'],
    ['a 100x100 JPEG', tinyJpeg(100, 100), 'small.jpg', 'image/jpeg', '`input.profilePicture` must be at least 192x192 pixels; "small.jpg" is 100x100'],
    ['a 640x480 JPEG', tinyJpeg(640, 480), 'wide.jpg', 'image/jpeg', '`input.profilePicture` must be square; "wide.jpg" is 640x480'],
    ['a JPEG over 5 MB', paddedJpeg(640, 640, 5 * 1024 * 1024 + 1), 'huge.jpg', 'image/jpeg', '`input.profilePicture` must be at most 5 MB (5242880 bytes); "huge.jpg" is larger'],
  ])('refuses %s with its own message and no upstream call', async (_what, bytes, filename, type, message) => {
    const response = await upload(bytes, filename, type);
    expect(response.body.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'input.profilePicture' }) })]);
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });

  it('refuses a multipart request without a preflight header (CSRF) before reading it', async () => {
    const response = await upload(tinyJpeg(640, 640), 'square.jpg', 'image/jpeg', {});
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/potential CSRF: add a non-empty header x-apollo-operation-name or apollo-require-preflight/);
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });

  it('answers 400 for a multipart body that breaks the spec', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation { __typename }', variables: {} }));
    form.append('map', JSON.stringify({ 0: ['variables.input.profilePicture'] }));
    const response = await fetch(t.graphqlUrl, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'The `map` names a file part "0" that the request does not carry', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers 413 for a body far over the limit, and 400 for a map path outside the variables', async () => {
    // Past twice the 16 MiB file limit (UPLOAD_LIMIT_BYTES) plus the fields: refused by its Content-Length, unread.
    const huge = await upload(Buffer.alloc(40 * 1024 * 1024, 0xff), 'huge.jpg', 'image/jpeg');
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0]?.extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE' });

    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation { __typename }', variables: {} }));
    form.append('map', JSON.stringify({ 0: ['query'] }));
    form.append('0', new Blob([tinyJpeg(640, 640)], { type: 'image/jpeg' }), 'a.jpg');
    const outside = await fetch(t.graphqlUrl, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
    expect(outside.status).toBe(400);
    expect(((await outside.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
      'The `map` path "query" must point into the operation\'s variables, e.g. "variables.input.profilePicture"',
    );
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });

  it('refuses an Upload sent as plain JSON', async () => {
    const response = await t.query(UpdateGroupDocument, { input: { groupId, profilePicture: null } });
    expect(response.body.errors?.[0]?.message).toBe('`input` must change at least one of subject, description and profilePicture');
    const forged = await t.query('mutation($input: UpdateGroupInput!) { updateGroup(input: $input) { group { id } } }', { input: { groupId, profilePicture: 'file.jpg' } });
    expect(forged.body.errors?.[0]?.message).toMatch(/An Upload value must be a file part of a multipart\/form-data request/);
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });
});
