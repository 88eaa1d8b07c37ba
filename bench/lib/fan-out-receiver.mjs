import { SEQUENCE_MARK } from './meta-webhook.mjs';

const MARK = Buffer.from(SEQUENCE_MARK, 'latin1');

/**
 * The clock every fan-out timestamp is taken from, in the sender's and in the subscribers' process alike: the
 * process' wall-clock origin plus its monotonic time since (sub-microsecond, shared by processes of one machine;
 * the subscribers' process reports the offset it sees against the parent's, see subscriber-process.mjs).
 */
export const sharedNow = () => performance.timeOrigin + performance.now();

/** The sequence number after SEQUENCE_MARK in a frame, read from the bytes (no string, no JSON); -1 when absent. */
export function sequenceIn(frame) {
  const at = frame.indexOf(MARK);
  if (at === -1) return -1;
  let value = 0;
  for (let i = at + MARK.length; i < frame.length; i++) {
    const digit = frame[i] - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Counts deliveries per sequence number and records, from `measureFrom` on (probe and warm-up are counted, not
 * timed), each frame's sequence and arrival time in preallocated arrays: per frame one byte search and two stores,
 * the same for the gateway's frames and raw `ws`' (identical bytes but the id). Latencies are computed at the end,
 * against the send times the sender recorded on the same clock.
 */
export function createReceiver(capacity) {
  const counts = [];
  const sequences = new Int32Array(capacity);
  const arrivals = new Float64Array(capacity);
  let timed = 0;
  let lastAt = 0;
  let measureFrom = Infinity;
  let sample = null;
  return {
    onFrame(frame) {
      const sequence = sequenceIn(frame);
      if (sequence === -1) return;
      const now = sharedNow();
      counts[sequence] = (counts[sequence] ?? 0) + 1;
      sample ??= frame.toString('utf8');
      if (sequence >= measureFrom && timed < capacity) {
        sequences[timed] = sequence;
        arrivals[timed++] = now;
        lastAt = now;
      }
    },
    countOf: (sequence) => counts[sequence] ?? 0,
    startMeasuring(from) {
      measureFrom = from;
    },
    progress: () => ({ timed, lastAt }),
    /** One frame as received (the baseline broadcasts the gateway's bytes). */
    sample: () => sample,
    /** Every timed frame's latency from `sentAt` (sequence → send time on the shared clock), in arrival order. */
    latencies(sentAt) {
      const latencies = new Array(timed);
      let missing = 0;
      for (let i = 0; i < timed; i++) {
        const sent = sentAt[sequences[i]];
        if (sent === undefined || sent === null) missing++;
        latencies[i] = arrivals[i] - (sent ?? arrivals[i]);
      }
      return { latencies, missingSendTimes: missing, lastAt };
    },
  };
}
