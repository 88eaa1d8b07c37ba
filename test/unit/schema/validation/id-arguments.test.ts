import { buildSchema } from 'graphql';
import { BadUserInputError } from '../../../../src/errors/gateway-errors';
import { checkIdArguments } from '../../../../src/schema/validation/id-arguments';

const schema = buildSchema(`
  input Reply { messageId: ID, note: String }
  input Approve { groupId: ID!, joinRequestIds: [ID!]!, reply: Reply, label: String }
  type Query { group(id: ID!, first: Int): String, approve(input: Approve!): String }
`);
const args = (field: string) => schema.getQueryType()!.getFields()[field]!.args;

function refusal(run: () => unknown): { message: string; argumentName: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return { message: error.message, argumentName: error.extensions.argumentName };
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

describe('checkIdArguments (every ID-typed argument and input field, by the schema)', () => {
  it('passes good ids on trimmed and leaves other types alone', () => {
    expect(checkIdArguments(args('group'), { id: ' g1 ', first: 3 })).toEqual({ id: 'g1', first: 3 });
    const input = { groupId: 'g1', joinRequestIds: ['j1', ' j2'], reply: { messageId: 'wamid.x=', note: 'any * text {}' }, label: '..' };
    expect(checkIdArguments(args('approve'), { input })).toEqual({ input: { ...input, joinRequestIds: ['j1', 'j2'] } });
  });

  it('refuses a bad id wherever it sits, naming its path', () => {
    expect(refusal(() => checkIdArguments(args('group'), { id: 'a\nb' }))).toEqual({ message: expect.stringContaining('`id` is not an id: it holds "\\n" at position 1'), argumentName: 'id' });
    expect(refusal(() => checkIdArguments(args('approve'), { input: { groupId: 'g1', joinRequestIds: ['j1', '..'] } }))).toEqual({
      message: expect.stringContaining('`input.joinRequestIds[1]` is not an id'),
      argumentName: 'input.joinRequestIds',
    });
    expect(refusal(() => checkIdArguments(args('approve'), { input: { groupId: 'g1', joinRequestIds: [], reply: { messageId: 'x'.repeat(300) } } }))).toEqual({
      message: expect.stringContaining('`input.reply.messageId` is not an id: it is 300 characters long'),
      argumentName: 'input.reply.messageId',
    });
    expect(refusal(() => checkIdArguments(args('approve'), { input: { groupId: '  ', joinRequestIds: [] } }))).toEqual({ message: '`input.groupId` must not be empty', argumentName: 'input.groupId' });
  });
});
