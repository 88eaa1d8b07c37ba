import autocannon from 'autocannon';

/**
 * autocannon against one endpoint: a short warm-up (discarded), then the measured run. Answers requests/s,
 * latency percentiles in ms, how many answers were not 2xx or failed (a benchmark with errors is not a result), and,
 * given the `server` child, its CPU time per request: on a shared machine that moves far less than requests/s.
 */
export async function loadTest({ url, method = 'POST', headers = {}, body, setupRequest, connections = 50, warmupSeconds = 1, durationSeconds = 5, beforeMeasure, server }) {
  // setupRequest (per request: e.g. a unique signed body) gets autocannon's request object and returns it changed.
  const request = setupRequest === undefined ? { method, headers, body } : { method, headers, setupRequest };
  const run = (duration) => autocannon({ url, connections, duration, requests: [request] });
  if (warmupSeconds > 0) await run(warmupSeconds);
  await beforeMeasure?.();
  const cpuBefore = await server?.call('cpuUsage');
  const result = await run(durationSeconds);
  const cpuAfter = await server?.call('cpuUsage');
  const cpuMicros = server === undefined ? null : cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system;
  return {
    serverCpuMicrosPerRequest: cpuMicros === null || result.requests.total === 0 ? null : cpuMicros / result.requests.total,
    requestsPerSecond: result.requests.total / durationSeconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
