import { isClientDisconnect } from '../../../src/lib/errors';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isClientDisconnect', () => {
  it('recognises a peer that went away, also as the cause of another error', () => {
    expect(isClientDisconnect(withCode('write EPIPE', 'EPIPE'))).toBe(true);
    expect(isClientDisconnect(withCode('read ECONNRESET', 'ECONNRESET'))).toBe(true);
    expect(isClientDisconnect(withCode('Premature close', 'ERR_STREAM_PREMATURE_CLOSE'))).toBe(true);
    expect(isClientDisconnect(new Error('aborted'))).toBe(true);
    expect(isClientDisconnect(new Error('send failed', { cause: withCode('write EPIPE', 'EPIPE') }))).toBe(true);
    // graphql-ws re-wraps what a failed send rejected with as new Error(String(error)): only the text is left.
    expect(isClientDisconnect(new Error(String(new Error('write ECONNRESET'))))).toBe(true);
  });

  it('does not excuse real failures', () => {
    expect(isClientDisconnect(new TypeError('cannot read x of undefined'))).toBe(false);
    expect(isClientDisconnect(withCode('connect ECONNREFUSED', 'ECONNREFUSED'))).toBe(false);
    expect(isClientDisconnect('EPIPE')).toBe(false);
    expect(isClientDisconnect(undefined)).toBe(false);
  });
});
