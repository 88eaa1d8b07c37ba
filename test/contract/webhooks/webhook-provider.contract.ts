import type { WebhookProvider } from '../../../src/webhooks/providers/provider';
import { WebhookPayloadError, WebhookSignatureError } from '../../../src/webhooks/webhook-errors';

/** One delivery body, exactly as it travels (its bytes are what gets signed). */
export interface FixtureCase {
  name: string;
  body: string;
}

export interface ProviderContractTraits {
  /**
   * Whether the scheme authenticates the body. Whapi's bearer token does not: it proves the sender, and a body
   * altered in transit verifies. The suite asserts that limitation explicitly instead of skipping the case.
   * @default true
   */
  signsBody?: boolean;
  /** Deliveries of other providers, which this provider must reject as not its envelope. */
  foreignBodies?: readonly string[];
}

const NOW = new Date('2026-06-01T12:00:00.000Z');
const CURRENT = 'contract-current-secret';
const PREVIOUS = 'contract-previous-secret';

/**
 * The contract every webhook provider honours (docs/webhooks.md#what-every-provider-does): its own signer's output verifies, every
 * fixture parses deterministically, and forged, missing, malformed or foreign input fails with the right
 * WebhookError. `factory(secrets)` builds the provider with those secrets (tokens), first one signing.
 */
export function describeWebhookProvider(
  name: string,
  factory: (secrets: readonly string[]) => WebhookProvider,
  fixtureCases: readonly FixtureCase[],
  traits: ProviderContractTraits = {},
): void {
  describe(`WebhookProvider contract: ${name}`, () => {
    const provider = factory([CURRENT]);
    const sign = (body: string | Buffer, secret = CURRENT) => provider.signForTest(body, { secret, timestamp: NOW });

    it('has fixtures to run against', () => {
      expect(fixtureCases.length).toBeGreaterThan(0);
    });

    describe.each(fixtureCases.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
      const body = Buffer.from(fixture.body);

      it('verifies with the headers of its own signForTest', () => {
        expect(() => provider.verify(body, sign(fixture.body), NOW)).not.toThrow();
      });

      it('parses to events of its source, or ignored items, identically on every parse', () => {
        const first = provider.parse(body, NOW);
        const again = provider.parse(body, new Date(NOW.getTime() + 3_600_000));
        expect(first.events.length + first.ignored.length).toBeGreaterThan(0);
        expect(again.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
        const stable = (events: typeof first.events) => events.map(({ receivedAt: _r, occurredAt: _o, ...rest }) => rest);
        expect(stable(again.events)).toEqual(stable(first.events));
        // occurredAt is the provider's time, or the receive time when the provider gave none.
        again.events.forEach((event, index) => {
          const original = first.events[index]?.occurredAt;
          expect(event.occurredAt === original || (original === first.events[index]?.receivedAt && event.occurredAt === event.receivedAt)).toBe(true);
        });
        expect(again.ignored).toEqual(first.ignored);
        for (const event of first.events) {
          expect(event.source).toBe(provider.source);
          expect(event.id).toMatch(/^evt_[A-Za-z0-9_-]{32}$/);
          expect(event.receivedAt).toBe(NOW.toISOString());
          expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);
          expect(event.groupId).not.toBe('');
        }
        expect(() => JSON.stringify(first)).not.toThrow();
      });
    });

    describe('verification', () => {
      const fixture = fixtureCases[0] ?? { name: 'none', body: '{}' };
      const body = Buffer.from(fixture.body);

      it(traits.signsBody === false ? 'accepts a tampered body: the scheme does not cover the body' : 'rejects a tampered body', () => {
        const tampered = Buffer.from(body);
        tampered[Math.floor(tampered.length / 2)] ^= 0x01;
        const verifyTampered = () => provider.verify(tampered, sign(fixture.body), NOW);
        if (traits.signsBody === false) expect(verifyTampered).not.toThrow();
        else expect(verifyTampered).toThrow(WebhookSignatureError);
      });

      it('rejects headers made with a wrong secret, with 401', () => {
        let error: unknown;
        try {
          provider.verify(body, sign(fixture.body, 'not-the-secret'), NOW);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(WebhookSignatureError);
        expect((error as WebhookSignatureError).httpStatus).toBe(401);
      });

      it('accepts the previous secret during a rotation, and rejects it once it is removed', () => {
        const rotating = factory([CURRENT, PREVIOUS]);
        expect(() => rotating.verify(body, sign(fixture.body, PREVIOUS), NOW)).not.toThrow();
        expect(() => rotating.verify(body, sign(fixture.body, CURRENT), NOW)).not.toThrow();
        expect(() => provider.verify(body, sign(fixture.body, PREVIOUS), NOW)).toThrow(WebhookSignatureError);
      });

      it('rejects a delivery without the header', () => {
        expect(() => provider.verify(body, {}, NOW)).toThrow(WebhookSignatureError);
        expect(() => provider.verify(body, { 'content-type': 'application/json' }, NOW)).toThrow(WebhookSignatureError);
      });

      it.each(['', 'garbage', 'sha256=', 't=,s=', 'Bearer'])('rejects the malformed header value %j', (value) => {
        const headers = Object.fromEntries(Object.keys(sign(fixture.body)).map((key) => [key, value]));
        expect(() => provider.verify(body, headers, NOW)).toThrow(WebhookSignatureError);
      });

      it('reads header names case-insensitively', () => {
        const upper = Object.fromEntries(Object.entries(sign(fixture.body)).map(([key, value]) => [key.toUpperCase(), value]));
        expect(() => provider.verify(body, upper, NOW)).not.toThrow();
      });

      it('never parses while verifying: a signed body that is not JSON verifies', () => {
        expect(() => provider.verify(Buffer.from('not json at all'), sign('not json at all'), NOW)).not.toThrow();
      });

      it('refuses to be built without a secret', () => {
        expect(() => factory([])).toThrow(TypeError);
      });
    });

    describe('parsing', () => {
      it.each(['', 'not json', '{"truncated":', '\u0000'])('rejects the non-JSON body %j with WebhookPayloadError (400)', (body) => {
        let error: unknown;
        try {
          provider.parse(Buffer.from(body), NOW);
        } catch (caught) {
          error = caught;
        }
        expect(error).toBeInstanceOf(WebhookPayloadError);
        expect((error as WebhookPayloadError).httpStatus).toBe(400);
      });

      it.each(['null', '[]', '"text"', '42', '{}', '{"hello":"world"}', ...(traits.foreignBodies ?? [])])(
        'rejects %s as not its envelope',
        (body) => {
          expect(() => provider.parse(Buffer.from(body), NOW)).toThrow(WebhookPayloadError);
        },
      );
    });
  });
}
