import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { GroupSummaryDocument } from '../../generated/graphql';
import { participantJoinedDelivery, postMeta } from '../../helpers/meta-deliveries';
import { scrape } from '../../helpers/prometheus';
import type { TestGateway } from '../../helpers/test-gateway';
import { startTestGateway } from '../../helpers/test-gateway';

const DEPLOY = join(__dirname, '..', '..', '..', 'deploy');

interface DashboardPanel {
  type: string;
  title: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
}
interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}

/** The gateway's metric names a PromQL expression uses, histogram series mapped to their family. */
function metricFamiliesIn(expr: string): string[] {
  return [...expr.matchAll(/\bwhatsapp_gateway_[a-z0-9_]+/g)].map(([name]) => name.replace(/_(bucket|sum|count)$/, ''));
}

function balanced(expr: string): boolean {
  let depth = 0;
  for (const char of expr) {
    depth += char === '(' || char === '{' || char === '[' ? 1 : char === ')' || char === '}' || char === ']' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('the Grafana dashboard and the Prometheus alerts in deploy/', () => {
  const dashboard = JSON.parse(readFileSync(join(DEPLOY, 'grafana', 'gateway-dashboard.json'), 'utf8')) as { __inputs: { name: string }[]; uid: string; panels: DashboardPanel[] };
  const alerts = parse(readFileSync(join(DEPLOY, 'prometheus', 'alerts.yml'), 'utf8')) as { groups: { name: string; rules: AlertRule[] }[] };
  const panelExprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
  const rules = alerts.groups.flatMap((group) => group.rules);
  let t: TestGateway;
  let exported: Set<string>;

  beforeAll(async () => {
    t = await startTestGateway();
    // A query, a webhook and a subscription-free run are enough: every family is declared at start, traffic fills some.
    const group = t.sandbox.control.state().groups[0]!;
    expect((await t.query(GroupSummaryDocument, { id: group.id })).body.errors).toBeUndefined();
    expect((await postMeta(t.url, participantJoinedDelivery().body)).status).toBe(200);
    exported = new Set((await scrape(t.metricsUrl!)).types.keys());
  });
  afterAll(() => t.dispose());

  it('is an importable dashboard: a Prometheus data source input, panels with queries on it', () => {
    expect(dashboard.uid).toBe('whatsapp-groups-gateway');
    expect(dashboard.__inputs.map((input) => input.name)).toEqual(['DS_PROMETHEUS']);
    const graphs = dashboard.panels.filter((panel) => panel.type !== 'row');
    expect(graphs.length).toBeGreaterThanOrEqual(20);
    for (const panel of graphs) {
      expect(panel.datasource?.uid).toBe('${DS_PROMETHEUS}');
      expect(panel.targets?.length).toBeGreaterThan(0);
    }
    for (const expr of panelExprs) expect(balanced(expr)).toBe(true);
  });

  it('covers what an operator asks first: requests, upstream usage, webhooks, delivery lag, subscribers, cache hits', () => {
    const families = new Set(panelExprs.flatMap(metricFamiliesIn));
    for (const family of [
      'graphql_requests_total',
      'graphql_request_duration_seconds',
      'upstream_business_usage_percent',
      'upstream_app_usage_percent',
      'webhook_deliveries_total',
      'webhook_events_total',
      'subscription_delivery_lag_seconds',
      'subscriptions_active',
      'group_cache_requests_total',
    ]) {
      expect(families).toContain(`whatsapp_gateway_${family}`);
    }
  });

  it('alerts on webhook 503s, delivery lag p99, upstream rate limiting and Redis down, each with a severity and a summary', () => {
    const byName = new Map(rules.map((rule) => [rule.alert, rule]));
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['GatewayWebhooksUnavailable', 'GatewayDeliveryLagHigh', 'GatewayUpstreamRateLimited', 'GatewayRedisDown']));
    expect(byName.get('GatewayWebhooksUnavailable')!.expr).toContain('status="503"');
    expect(byName.get('GatewayDeliveryLagHigh')!.expr).toContain('histogram_quantile(0.99');
    for (const rule of rules) {
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(0);
      expect(balanced(rule.expr)).toBe(true);
    }
  });

  it('names only metrics the gateway exports', () => {
    const named = [...panelExprs, ...rules.map((rule) => rule.expr)].flatMap(metricFamiliesIn);
    expect(named.length).toBeGreaterThan(30);
    expect([...new Set(named)].filter((family) => !exported.has(family))).toEqual([]);
  });
});
