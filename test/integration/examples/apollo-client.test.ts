import { startNodeProgram } from '../first-run/helpers/node-program';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';
import { liveSubscriptions, userWrites, waitUntil } from './helpers/example-harness';

jest.setTimeout(60_000);

describe('examples/apollo-client.mts against the sandbox', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ env: { SANDBOX_PORT: '0' } });
  });
  afterAll(() => t.dispose());

  it('lists the groups over HTTP and follows the first one over graphql-ws (ws supplies the WebSocket)', async () => {
    const program = startNodeProgram('examples/apollo-client.mts', {
      args: ['--http', t.graphqlUrl, '--ws', t.graphqlUrl.replace(/^http/, 'ws'), '--events', '2'],
    });
    await program.waitForLine((line) => line.text === 'following Watch Enthusiasts');
    await waitUntil('the subscription', () => liveSubscriptions(t) === 1);
    const groupId = t.sandbox.control.state().groups[0]!.id;
    await userWrites(t, groupId, 'hello from a participant');
    await userWrites(t, groupId, 'and again');
    expect(await program.exited).toEqual({ code: 0, signal: null });

    const firstNumber = t.sandbox.control.state().groups.filter((group) => group.phoneNumberId === '106540352242922');
    expect(program.lines.slice(0, firstNumber.length).map((line) => line.text)).toEqual(
      firstNumber.map((group) => `${group.id}  ${group.subject} (${group.participants.length})`),
    );
    expect(program.lines.slice(firstNumber.length + 1).map((line) => line.text.replace(/ \S+Z /, ' <time> '))).toEqual([
      'MESSAGE_RECEIVED <time> "hello from a participant"',
      'MESSAGE_RECEIVED <time> "and again"',
    ]);
    expect(program.stderr()).toBe('');
  });
});
