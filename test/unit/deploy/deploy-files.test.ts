import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../../src/config/config';
import { KNOWN_VARIABLE_NAMES } from '../../../src/config/variables';

/**
 * There is no Docker daemon or cluster here, so the deploy files are checked by reading them: every environment variable
 * they set is one src/config accepts, and the configuration they add up to loads (with the secrets filled in).
 */
const DEPLOY = join(__dirname, '..', '..', '..', 'deploy');
const read = (path: string): string => readFileSync(join(DEPLOY, path), 'utf8');

type Yaml = Record<string, unknown>;
const asRecord = (value: unknown): Yaml => (value !== null && typeof value === 'object' ? (value as Yaml) : {});
const stringValues = (record: Yaml): Record<string, string> => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, String(value)]));

/** `NAME=value` lines of an env file (comments and blank lines skipped). */
function envFile(text: string): Record<string, string> {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const);
  return Object.fromEntries(entries);
}

/** What a secrets file would hold in a real deployment: every name set, to a placeholder. */
const filled = (names: Record<string, string>): Record<string, string> => Object.fromEntries(Object.keys(names).map((name) => [name, `placeholder-${name.toLowerCase()}`]));

function expectKnown(names: readonly string[], where: string): void {
  expect({ where, unknown: names.filter((name) => !KNOWN_VARIABLE_NAMES.has(name)) }).toEqual({ where, unknown: [] });
}

describe('deploy/docker-compose.yml', () => {
  const compose = asRecord(parse(read('docker-compose.yml'), { merge: true }));
  const services = asRecord(compose.services);
  const gateways = Object.entries(services).filter(([, service]) => asRecord(asRecord(service).build).dockerfile === 'Dockerfile');

  it('runs two gateway instances behind a proxy, with Redis', () => {
    expect(gateways.map(([name]) => name).sort()).toEqual(['gateway-a', 'gateway-b']);
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['redis', 'proxy']));
    expect(asRecord(services.proxy).depends_on).toEqual(expect.arrayContaining(['gateway-a', 'gateway-b']));
  });

  it('sets only variables the config accepts, and they load as a production config', () => {
    const secrets = envFile(read('secrets.env.example'));
    expectKnown(Object.keys(secrets), 'secrets.env.example');
    for (const [name, service] of gateways) {
      const environment = stringValues(asRecord(asRecord(service).environment));
      expectKnown(Object.keys(environment), `${name}.environment`);
      expect(asRecord(service).env_file).toEqual(['./secrets.env']);
      const config = loadConfig({ ...environment, ...filled(secrets) });
      expect(config.nodeEnv).toBe('production');
      expect(config.redis.url ?? config.redis.cluster).not.toBeNull();
    }
  });
});

describe('deploy/kubernetes', () => {
  const kustomization = asRecord(parse(read('kubernetes/kustomization.yaml')));
  const resources = (kustomization.resources as string[] | undefined) ?? [];
  const documents = ['configmap.yaml', 'secret.example.yaml', ...resources]
    .filter((file, index, all) => all.indexOf(file) === index)
    .flatMap((file) => parseAllDocuments(read(`kubernetes/${file}`)).map((document) => asRecord(document.toJSON())));
  const ofKind = (kind: string) => documents.filter((document) => document.kind === kind);
  const containersOf = (deployment: Yaml | undefined): Yaml[] => (asRecord(asRecord(asRecord(deployment?.spec).template).spec).containers as Yaml[] | undefined) ?? [];
  const named = (kind: string, name: string) => ofKind(kind).find((document) => asRecord(document.metadata).name === name);

  it('has a Deployment with probes on /readyz and /healthz, a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler', () => {
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'ConfigMap', 'Secret']) expect({ kind, found: ofKind(kind).length > 0 }).toEqual({ kind, found: true });
    const [container] = containersOf(ofKind('Deployment')[0]);
    expect(asRecord(asRecord(container.readinessProbe).httpGet).path).toBe('/readyz');
    expect(asRecord(asRecord(container.livenessProbe).httpGet).path).toBe('/healthz');
  });

  it('feeds the container only variables the config accepts, from the ConfigMap and Secret it names, and they load', () => {
    const containers = containersOf(ofKind('Deployment')[0]);
    const env: Record<string, string> = {};
    for (const container of containers) {
      for (const entry of (container.env as Yaml[] | undefined) ?? []) env[String(entry.name)] = String(entry.value ?? 'from-a-reference');
      for (const source of (container.envFrom as Yaml[] | undefined) ?? []) {
        const configMapName = asRecord(source.configMapRef).name;
        const secretName = asRecord(source.secretRef).name;
        if (configMapName !== undefined) {
          const configMap = named('ConfigMap', String(configMapName));
          expect({ configMapName, exists: configMap !== undefined }).toEqual({ configMapName, exists: true });
          Object.assign(env, stringValues(asRecord(configMap?.data)));
        }
        if (secretName !== undefined) {
          const secret = named('Secret', String(secretName));
          expect({ secretName, exists: secret !== undefined }).toEqual({ secretName, exists: true });
          Object.assign(env, filled(stringValues(asRecord(secret?.stringData))));
        }
      }
    }
    expectKnown(Object.keys(env), 'Deployment environment');
    const config = loadConfig(env);
    expect(config.nodeEnv).toBe('production');
    expect(config.redis.url ?? config.redis.cluster).not.toBeNull();
  });
});
