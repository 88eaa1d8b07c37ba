import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/** One redis-server process of the local cluster. */
export interface LocalClusterNode {
  host: string;
  port: number;
  pid: number;
}

export interface LocalRedisCluster {
  /** Every node, masters first as created (roles change after a failover: ask CLUSTER NODES). */
  readonly nodes: readonly LocalClusterNode[];
  /** `host:port,host:port,...` of every node: the value for REDIS_CLUSTER_NODES. */
  readonly seeds: string;
  /** SIGKILLs one node (failover tests); the cluster promotes its replica after the node timeout. */
  kill(port: number): void;
  /**
   * Starts a killed node again with its cluster config: once its replica took over, it rejoins as that one's replica
   * (so writes that WAIT for a replica succeed again). Resolves when it answers PING.
   */
  restart(port: number): Promise<void>;
  /** The ports of the nodes that replicate the master on `port` now. */
  replicasOf(port: number): Promise<number[]>;
  /** Resolves once the node on `port` reports the role (a replica promoted, a restarted node in sync as a replica). */
  waitForRole(port: number, role: 'master' | 'replica in sync'): Promise<void>;
  /** Stops every node and removes the temp dir. Idempotent. */
  stop(): Promise<void>;
}

export interface LocalRedisClusterOptions {
  /** @default 3 */
  masters?: number;
  /** @default 1 */
  replicasPerMaster?: number;
  /** How long a node may be unreachable before its replica takes over. @default 1500 */
  nodeTimeoutMs?: number;
  /** Keep the processes alive after this process exits (the developer command). @default false */
  detached?: boolean;
}

/**
 * Starts a real Redis Cluster from `redis-server` on free loopback ports in a temp dir and creates it with
 * `redis-cli --cluster create`. Resolves once every node reports `cluster_state:ok` and all 16,384 slots are served.
 */
export async function startLocalRedisCluster(options: LocalRedisClusterOptions = {}): Promise<LocalRedisCluster> {
  const masters = options.masters ?? 3;
  const replicas = options.replicasPerMaster ?? 1;
  const nodeTimeoutMs = options.nodeTimeoutMs ?? 1500;
  requireBinary('redis-server');
  requireBinary('redis-cli');
  const dir = mkdtempSync(join(tmpdir(), 'wgg-redis-cluster-'));
  const children = new Map<number, ChildProcess>();
  const nodes: LocalClusterNode[] = [];
  let stopped = false;

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await Promise.all([...children.values()].map((child) => stopChild(child)));
    rmSync(dir, { recursive: true, force: true });
  };

  function startNode(port: number): number {
    const child = spawn(
      'redis-server',
      [
        '--port', String(port),
        '--bind', '127.0.0.1',
        '--cluster-enabled', 'yes',
        '--cluster-config-file', join(dir, `nodes-${port}.conf`),
        '--cluster-node-timeout', String(nodeTimeoutMs),
        '--dir', dir,
        '--save', '',
        '--appendonly', 'no',
        '--protected-mode', 'no',
      ],
      { stdio: 'ignore', detached: options.detached ?? false },
    );
    if (options.detached) child.unref();
    if (child.pid === undefined) throw new Error(`redis-server did not start on port ${port}`);
    children.set(port, child);
    return child.pid;
  }

  try {
    for (let i = 0; i < masters * (1 + replicas); i++) {
      const port = await freeClusterPort();
      const pid = startNode(port);
      nodes.push({ host: '127.0.0.1', port, pid });
    }
    await Promise.all(nodes.map((node) => waitFor(() => ping(node.port), `node ${node.port} to answer PING`)));
    const create = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...nodes.map((n) => `${n.host}:${n.port}`), '--cluster-replicas', String(replicas), '--cluster-yes'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stderr || create.stdout}`);
    await Promise.all(nodes.map((node) => waitFor(() => clusterOk(node.port), `node ${node.port} to report cluster_state:ok`)));
    // A replica still in its first sync cannot be promoted (its data counts as too old): failover tests need them in sync.
    await Promise.all(nodes.map((node) => waitFor(() => replicaInSync(node.port), `node ${node.port} to be a master or a replica in sync`)));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    nodes,
    seeds: nodes.map((n) => `${n.host}:${n.port}`).join(','),
    kill(port) {
      const child = children.get(port);
      if (child === undefined) throw new Error(`kill(${port}): no node of this cluster listens on that port; nodes: ${nodes.map((n) => n.port).join(', ')}`);
      child.kill('SIGKILL');
      children.delete(port);
    },
    async restart(port) {
      const node = nodes.find((candidate) => candidate.port === port);
      if (node === undefined || children.has(port)) throw new Error(`restart(${port}): not a killed node of this cluster; nodes: ${nodes.map((n) => n.port).join(', ')}`);
      node.pid = startNode(port);
      await waitFor(() => ping(port), `node ${port} to answer PING after its restart`);
    },
    async replicasOf(port) {
      const replicas: number[] = [];
      for (const node of nodes.filter((candidate) => candidate.port !== port && children.has(candidate.port))) {
        if ((await replicationInfo(node.port)).includes(`master_port:${port}\r\n`)) replicas.push(node.port);
      }
      return replicas;
    },
    async waitForRole(port, role) {
      const check = role === 'master' ? (info: string) => info.includes('role:master') : (info: string) => info.includes('role:slave') && info.includes('master_link_status:up') && !info.includes('master_sync_in_progress:1');
      await waitFor(async () => check(await replicationInfo(port)), `node ${port} to be ${role}`);
    },
    stop,
  };
}

function requireBinary(name: string): void {
  if (spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0) {
    throw new Error(`${name} is not on the PATH: install Redis 7 (e.g. \`apt-get install redis-server\`) to run a local cluster`);
  }
}

async function ping(port: number): Promise<boolean> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function clusterOk(port: number): Promise<boolean> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const info = String(await client.call('CLUSTER', 'INFO'));
    return info.includes('cluster_state:ok') && info.includes('cluster_slots_ok:16384');
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

async function replicationInfo(port: number): Promise<string> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await client.info('replication');
  } catch {
    return '';
  } finally {
    client.disconnect();
  }
}

async function replicaInSync(port: number): Promise<boolean> {
  const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const info = await client.info('replication');
    return info.includes('role:master') || info.includes('master_link_status:up');
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Polls a just-started child process: it offers no event to wait on. Bounded by `attempts` (30 s by default: six
 * redis-server processes starting on a loaded 2-core machine took more than 10 s).
 */
async function waitFor(check: () => Promise<boolean>, what: string, attempts = 600): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`local Redis cluster: gave up waiting for ${what}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const takenPorts = new Set<number>();

/** A free port whose cluster bus port (port + 10000) is free too: Redis Cluster listens on both. */
async function freeClusterPort(): Promise<number> {
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (takenPorts.has(port)) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) {
      takenPorts.add(port);
      return port;
    }
  }
  throw new Error('local Redis cluster: found no free port pair (port, port + 10000) between 20000 and 50000');
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
