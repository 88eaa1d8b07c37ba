import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { tinyJpeg, tinyPng } from '../../helpers/images';

const run = promisify(execFile);
const CURL = ['/usr/bin/curl', '/usr/local/bin/curl', '/bin/curl'].find((path) => existsSync(path));
const MUTATION = 'mutation ($input: UpdateGroupInput!) { updateGroup(input: $input) { operation { id kind status } } }';

// The README's curl example, run as written: how integrators upload a picture without a GraphQL client library.
(CURL === undefined ? describe.skip : describe)('updateGroup profilePicture with curl (GraphQL multipart request spec)', () => {
  let t: TestGateway;
  let dir: string;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestGateway();
    dir = await mkdtemp(join(tmpdir(), 'gateway-upload-'));
    groupId = t.sandbox.control.state().groups[0]?.id ?? '';
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t.dispose();
  });
  beforeEach(() => t.sandbox.stats.reset());

  const curlUpload = async (file: string, type: string): Promise<{ data?: { updateGroup: { operation: { kind: string } } } | null; errors?: { message: string }[] }> => {
    const operations = JSON.stringify({ query: MUTATION, variables: { input: { groupId, profilePicture: null } } });
    const { stdout } = await run(CURL as string, [
      '--silent',
      '--show-error',
      t.graphqlUrl,
      '-H',
      'apollo-require-preflight: true',
      '-F',
      `operations=${operations}`,
      '-F',
      'map={"0":["variables.input.profilePicture"]}',
      '-F',
      `0=@${file};type=${type}`,
    ]);
    return JSON.parse(stdout) as never;
  };

  it('uploads a 640x640 JPEG and the group gets it', async () => {
    const jpeg = tinyJpeg(640, 640);
    const file = join(dir, 'square.jpg');
    await writeFile(file, jpeg);
    const answer = await curlUpload(file, 'image/jpeg');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.updateGroup.operation.kind).toBe('UPDATE_GROUP');
    await t.sandbox.webhooksIdle();
    expect(t.sandbox.control.group(groupId)?.pictureSha256).toBe(createHash('sha256').update(jpeg).digest('hex'));
  });

  it('refuses a PNG, a 100x100 JPEG and a 640x480 JPEG with distinct messages, calling no upstream', async () => {
    const files: [string, Buffer, string][] = [
      ['logo.png', tinyPng(640, 640), 'image/png'],
      ['small.jpg', tinyJpeg(100, 100), 'image/jpeg'],
      ['wide.jpg', tinyJpeg(640, 480), 'image/jpeg'],
    ];
    const messages: string[] = [];
    for (const [name, bytes, type] of files) {
      await writeFile(join(dir, name), bytes);
      messages.push((await curlUpload(join(dir, name), type)).errors?.[0]?.message ?? '');
    }
    expect(messages).toEqual([
      '`input.profilePicture` must be a JPEG image; "logo.png" is a PNG image',
      '`input.profilePicture` must be at least 192x192 pixels; "small.jpg" is 100x100',
      '`input.profilePicture` must be square; "wide.jpg" is 640x480',
    ]);
    expect(t.sandbox.stats.requests).toHaveLength(0);
  });
});
