import { fork } from 'node:child_process';

/**
 * A server in its own process, driven over IPC, so the load generator never shares its event loop.
 * The child answers `{ id, result }` / `{ id, error }` to `{ id, method, params }`, and sends `{ ready }` once listening.
 */
export async function startChild({ module, env = {}, execArgv = [], label }) {
  const child = fork(module, [], {
    env: { ...process.env, ...env },
    execArgv: ['--expose-gc', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map();
  let nextId = 1;
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  void exit.then(({ code, signal }) => {
    exited = true;
    for (const { reject } of pending.values()) reject(new Error(`${label} exited (code ${code}, signal ${signal})`));
    pending.clear();
  });

  const ready = await new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message?.ready === undefined) return;
      child.off('message', onMessage);
      resolve(message.ready);
    };
    child.on('message', onMessage);
    void exit.then(({ code }) => reject(new Error(`${label} exited with code ${code} before it was ready`)));
  });

  child.on('message', (message) => {
    if (message?.id === undefined) return;
    const waiter = pending.get(message.id);
    if (waiter === undefined) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiter.reject(new Error(`${label}.${waiter.method}: ${message.error}`));
    else waiter.resolve(message.result);
  });

  return {
    ...ready,
    pid: child.pid,
    call(method, params = {}) {
      if (exited) return Promise.reject(new Error(`${label} has exited`));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        child.send({ id, method, params });
      });
    },
    /** Asks the child to close everything and exit; kills it if it has not exited within `graceMs`. */
    async stop(graceMs = 15_000) {
      if (exited) return exit;
      child.send({ id: 0, method: 'stop', params: {} });
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Child side: serves `methods` over IPC; `stop` runs `onStop` and exits (so --cpu-prof can write its profile). */
export function serveParent({ ready, methods, onStop }) {
  process.on('message', async (message) => {
    const { id, method, params } = message;
    if (method === 'stop') {
      try {
        await onStop();
      } finally {
        process.disconnect?.();
        process.exit(0);
      }
      return;
    }
    try {
      const handler = methods[method];
      if (handler === undefined) throw new Error(`no method ${method}`);
      process.send({ id, result: await handler(params) });
    } catch (error) {
      process.send({ id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  });
  process.send({ ready });
}

/** Memory and handles after forcing GC (the child runs with --expose-gc). */
export async function measureProcess() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const memory = process.memoryUsage();
  const resources = process.getActiveResourcesInfo();
  const byType = {};
  for (const type of resources) byType[type] = (byType[type] ?? 0) + 1;
  return { rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external, arrayBuffers: memory.arrayBuffers, handles: resources.length, handlesByType: byType };
}

/** CPU profiling of a window of the child's life (e.g. only the measured run), written as a .cpuprofile file. */
export function createProfiler(name = 'gateway') {
  let session = null;
  let dir = null;
  return {
    async start(params) {
      const { Session } = await import('node:inspector/promises');
      session = new Session();
      session.connect();
      dir = params.dir;
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      return true;
    },
    async stop() {
      if (session === null) throw new Error('no profile is running');
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = null;
      const { writeFileSync } = await import('node:fs');
      const file = `${dir}/${name}-${process.pid}-${Date.now()}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}
