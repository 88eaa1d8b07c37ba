import { loadConfig } from '../../../src/config/config';
import { createSilentLogger } from '../../../src/lib/logger';
import { createGatewaySecurity, loadGatewayApiKeys } from '../../../src/tenancy/gateway-security';
import type { GroupsApiClient, UpstreamCallScope, UpstreamHooks } from '../../../src/upstream/types';
import { SANDBOX_PHONE_A } from '../../helpers/constants';
import { createFakeGroupsApi } from '../../helpers/fake-groups-api';
import { apiKeyLines, bearer } from '../../helpers/secure-gateway';

/** A client whose views are counted: each `withHooks` is one view built. */
function countingClient(): { client: GroupsApiClient; scopes: UpstreamCallScope[] } {
  const api = createFakeGroupsApi({ phoneNumberId: SANDBOX_PHONE_A, groups: [] });
  const scopes: UpstreamCallScope[] = [];
  const client: GroupsApiClient = {
    ...api,
    withHooks: (_hooks: UpstreamHooks, scope?: UpstreamCallScope) => {
      scopes.push(scope ?? {});
      return api;
    },
    dispose: async () => undefined,
  };
  return { client, scopes };
}

describe('per-request Groups API views', () => {
  it('requests of one key sharing a deadline signal share one view; another signal or another key gets its own', async () => {
    const logger = createSilentLogger();
    const config = loadConfig({ GATEWAY_AUTH: 'on', GATEWAY_API_KEYS: apiKeyLines(['admin', 'reader']) });
    const { client, scopes } = countingClient();
    const security = createGatewaySecurity({ config, records: await loadGatewayApiKeys(config.auth, logger), redis: null, upstream: client, configuredDefaultPhoneNumberId: null, logger });
    try {
      const slot = new AbortController().signal;
      const admin1 = await security.requestSecurity.begin({ authorization: bearer('admin').authorization, transport: 'http' });
      const admin2 = await security.requestSecurity.begin({ authorization: bearer('admin').authorization, transport: 'http' });
      const reader = await security.requestSecurity.begin({ authorization: bearer('reader').authorization, transport: 'http' });

      const first = admin1.upstreamWithin(slot);
      expect(admin2.upstreamWithin(slot)).toBe(first);
      expect(scopes).toEqual([{ signal: slot }]);

      const later = new AbortController().signal;
      expect(admin2.upstreamWithin(later)).not.toBe(first);
      expect(reader.upstreamWithin(slot)).not.toBe(first);
      expect(scopes).toEqual([{ signal: slot }, { signal: later }, { signal: slot }]);
    } finally {
      await security.dispose();
    }
  });
});
