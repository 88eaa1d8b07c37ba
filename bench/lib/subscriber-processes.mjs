import { fileURLToPath } from 'node:url';
import { startChild } from './child-process.mjs';
import { sharedNow } from './fan-out-receiver.mjs';
import { percentile, round } from './stats.mjs';

const MODULE = fileURLToPath(new URL('./subscriber-process.mjs', import.meta.url));

/**
 * The fan-out's subscribers spread over `processes` child processes (subscriber-process.mjs), driven as one: a
 * client spends about as much CPU per frame as the server, so one process receiving a 5,000-frame burst alone would
 * time its own queue, not the server's; with two, the second core takes half of it once the server's pass is done.
 */
export async function startSubscriberProcesses({ processes }) {
  const children = await Promise.all(Array.from({ length: processes }, (_, index) => startChild({ module: MODULE, label: `subscribers-${index + 1}` })));
  const each = (method, params) => Promise.all(children.map((child) => child.call(method, params)));
  return {
    processes: children.length,
    /** Opens `count` connections split evenly, with room for `capacity` timed frames in all. */
    async open({ count, capacity, ...rest }) {
      const share = (index) => Math.floor(count / children.length) + (index < count % children.length ? 1 : 0);
      await Promise.all(children.map((child, index) => child.call('open', { ...rest, count: share(index), capacity: Math.ceil((capacity * share(index)) / Math.max(1, count)) })));
    },
    subscribe: (params) => each('subscribe', params),
    countOf: async (sequence) => (await each('countOf', { sequence })).reduce((sum, n) => sum + n, 0),
    startMeasuring: (from) => each('startMeasuring', { from }),
    async progress() {
      const all = await each('progress', {});
      return { timed: all.reduce((sum, p) => sum + p.timed, 0), lastAt: Math.max(...all.map((p) => p.lastAt)) };
    },
    sample: async () => (await each('sample', {})).find((frame) => frame !== null) ?? null,
    /** Latency percentiles over every process' frames, and each process' own loop and CPU. */
    async finish(sentAt) {
      const all = await each('finish', { sentAt });
      const latencies = all.flatMap((result) => result.latencies);
      return {
        timed: latencies.length,
        missingSendTimes: all.reduce((sum, result) => sum + result.missingSendTimes, 0),
        lastAt: Math.max(...all.map((result) => result.lastAt)),
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        p999Ms: percentile(latencies, 99.9),
        maxMs: percentile(latencies, 100),
        processes: all.map((result) => result.loop),
      };
    },
    /**
     * Each process' clock against ours (both sharedNow()): the offset of the IPC round trip with the smallest delay,
     * good to half that round trip; the largest is reported, so a skew between the processes would show.
     */
    async clockOffset() {
      let worst = { offsetMs: 0, roundTripMs: 0 };
      for (const child of children) {
        let best = { offsetMs: null, roundTripMs: Infinity };
        for (let i = 0; i < 5; i++) {
          const before = sharedNow();
          const theirs = await child.call('clock');
          const after = sharedNow();
          if (after - before < best.roundTripMs) best = { offsetMs: theirs - (before + after) / 2, roundTripMs: after - before };
        }
        if (Math.abs(best.offsetMs) >= Math.abs(worst.offsetMs)) worst = best;
      }
      return { offsetMs: round(worst.offsetMs, 3), roundTripMs: round(worst.roundTripMs, 3) };
    },
    async close() {
      await each('close', {}).catch(() => undefined);
      await Promise.all(children.map((child) => child.stop()));
    },
  };
}
