import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const MS_PER_NS = 1e-6;
const RESOLUTION_MS = 10;
/** The histogram holds the whole interval between ticks: what is beyond the timer's own 10 ms is the lag. */
const lagMs = (ns) => Math.max(0, Math.round((ns * MS_PER_NS - RESOLUTION_MS) * 100) / 100);
const round2 = (value) => Math.round(value * 100) / 100;

/**
 * What a process' event loop went through during a window: loop lag (how late a 10 ms timer ran: a long
 * synchronous pass, a GC pause or a stolen CPU all show here), GC pauses by kind, and CPU time. Every bench child
 * (gateway, baseline, subscribers) serves one, so a latency figure comes with the reason for its tail.
 */
export function createLoopMonitor() {
  let window = null;
  return {
    start() {
      window?.stop();
      const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
      delay.enable();
      const gc = { count: 0, totalMs: 0, maxMs: 0, majorCount: 0, majorMs: 0 };
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          gc.count++;
          gc.totalMs += entry.duration;
          gc.maxMs = Math.max(gc.maxMs, entry.duration);
          if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
            gc.majorCount++;
            gc.majorMs += entry.duration;
          }
        }
      });
      observer.observe({ entryTypes: ['gc'] });
      const cpu = process.cpuUsage();
      const startedAt = performance.now();
      window = {
        stop() {
          delay.disable();
          observer.disconnect();
          const used = process.cpuUsage(cpu);
          const seconds = (performance.now() - startedAt) / 1000;
          window = null;
          return {
            seconds: round2(seconds),
            cpuMs: round2((used.user + used.system) / 1000),
            cpuShare: round2((used.user + used.system) / 1e6 / seconds),
            // System time is mostly the socket writes (loopback TCP); user time is JavaScript, GC and the rest.
            cpuSystemMs: round2(used.system / 1000),
            loopLagP50Ms: lagMs(delay.percentile(50)),
            loopLagP99Ms: lagMs(delay.percentile(99)),
            loopLagMaxMs: lagMs(delay.max),
            gcCount: gc.count,
            gcTotalMs: round2(gc.totalMs),
            gcMaxMs: round2(gc.maxMs),
            gcMajorCount: gc.majorCount,
            gcMajorMs: round2(gc.majorMs),
          };
        },
      };
      return true;
    },
    stop() {
      if (window === null) throw new Error('loop monitor: stop() without start()');
      return window.stop();
    },
  };
}
