/**
 * Pacing of answering work so that acks are not starved: while the event loop has been busy for most of the
 * last window (event-loop utilisation over BUSY), the next piece of answering waits a few milliseconds (a
 * timer, so the loop polls for new requests and acks them in between) instead of running in the very next
 * turn. Answers then come later under overload; acks stay prompt.
 */
import { performance } from 'node:perf_hooks';

const WINDOW_MS = 20;
const BUSY = 0.45;
const PAUSE_MS = 4;

let mark = performance.eventLoopUtilization();
let markAt = performance.now();
let busy = false;

/** Whether the event loop was busy for most of the last window. */
export function loopBusy(): boolean {
  const now = performance.now();
  if (now - markAt >= WINDOW_MS) {
    const current = performance.eventLoopUtilization();
    busy = performance.eventLoopUtilization(current, mark).utilization > BUSY;
    mark = current;
    markAt = now;
  }
  return busy;
}

/** Runs `fn` in the next turn of the event loop, or after a short pause while the loop is busy. */
export function nextSlot(fn: () => void): void {
  if (loopBusy()) setTimeout(fn, PAUSE_MS);
  else setImmediate(fn);
}
