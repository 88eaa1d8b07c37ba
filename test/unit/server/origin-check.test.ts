import type { OriginPolicy } from '../../../src/config/cors-config';
import { createSilentLogger } from '../../../src/lib/logger';
import { createOriginGate, isOriginAllowed, isUpgradeOriginAllowed, ORIGIN_FORBIDDEN_CLOSE_CODE } from '../../../src/server/origin-check';

const NONE: OriginPolicy = { kind: 'none' };
const ANY: OriginPolicy = { kind: 'any' };
const LOOPBACK: OriginPolicy = { kind: 'loopback' };
const LIST: OriginPolicy = { kind: 'list', origins: ['https://app.example.com', 'http://localhost:5173'] };

describe('isOriginAllowed', () => {
  it('follows the policy, and never allows a request without an Origin (it is not a cross-origin browser request)', () => {
    expect([NONE, ANY, LOOPBACK, LIST].map((policy) => isOriginAllowed(undefined, policy))).toEqual([false, false, false, false]);
    expect([NONE, ANY, LOOPBACK, LIST].map((policy) => isOriginAllowed('https://app.example.com', policy))).toEqual([false, true, false, true]);
  });

  it('loopback: any port of http://localhost and http://127.0.0.1, nothing that only looks like them', () => {
    const allowed = ['http://localhost', 'http://localhost:5173', 'http://127.0.0.1:4000', 'http://127.0.0.1'];
    const refused = [
      'https://localhost:5173',
      'http://localhost.evil.example:5173',
      'http://127.0.0.1.evil.example',
      'http://evil.example/?http://localhost',
      'http://localhost:5173/',
      'http://[::1]:5173',
      'null',
    ];
    expect(allowed.filter((origin) => isOriginAllowed(origin, LOOPBACK))).toEqual(allowed);
    expect(refused.filter((origin) => isOriginAllowed(origin, LOOPBACK))).toEqual([]);
  });

  it('list: exact matches only', () => {
    expect(['https://app.example.com', 'https://app.example.com:443', 'http://app.example.com', 'https://evil.app.example.com', 'http://localhost:5174'].map((origin) => isOriginAllowed(origin, LIST))).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('the WebSocket upgrade rule', () => {
  it('lets clients without an Origin through (servers, CLIs), and pages of the gateway itself (same host)', () => {
    expect(isUpgradeOriginAllowed({ host: 'api.example.com' }, NONE)).toBe(true);
    expect(isUpgradeOriginAllowed({ host: 'api.example.com', origin: 'https://api.example.com' }, NONE)).toBe(true);
    expect(isUpgradeOriginAllowed({ host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' }, NONE)).toBe(true);
    expect(isUpgradeOriginAllowed({ host: 'api.example.com', origin: 'https://evil.example' }, NONE)).toBe(false);
    expect(isUpgradeOriginAllowed({ host: 'api.example.com', origin: 'https://app.example.com' }, LIST)).toBe(true);
    expect(isUpgradeOriginAllowed({ origin: 'https://evil.example' }, LIST)).toBe(false);
  });

  it('closes a refused socket with 4403 and a reason, and leaves an admitted one alone', () => {
    const gate = createOriginGate({ policy: LIST, logger: createSilentLogger() });
    const closed: [number, string][] = [];
    const socket = { close: (code: number, reason: string) => void closed.push([code, reason]) };
    expect(gate(socket, { headers: { host: 'api.example.com', origin: 'https://app.example.com' } })).toBe(true);
    expect(gate(socket, { headers: { host: 'api.example.com' } })).toBe(true);
    expect(closed).toEqual([]);
    expect(gate(socket, { headers: { host: 'api.example.com', origin: 'https://evil.example' } })).toBe(false);
    expect(closed).toEqual([[ORIGIN_FORBIDDEN_CLOSE_CODE, 'Forbidden: origin not allowed']]);
    expect(ORIGIN_FORBIDDEN_CLOSE_CODE).toBe(4403);
  });
});
