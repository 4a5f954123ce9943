/**
 * Answers already given, by the exact request that produced them. The pipeline is a pure function of
 * (turns, date, prior facts): the same conversation on the same day gets the same answer, so an answer
 * may be reused instead of computed again. This is what keeps a busy channel cheap when many people ask
 * the same thing (the same question pasted around, a news item about one supplier); a new wording is a
 * new key and goes through the whole pipeline. Bounded by count and by memory (least recently used goes
 * first), kept in memory only, and emptied by a restart, which is also when the texts or the rules can change.
 */
import { LRUCache } from 'lru-cache';
import type { Answer } from '../guardrails/contract.js';
import { answerJson } from './answer-json.js';
import type { AdviseRequest } from './pipeline.js';

export const DEFAULT_ADVICE_CACHE_SIZE = 1000;
/**
 * The memory the kept answers may hold, whatever their count: a thousand different questions (a busy day,
 * or a flood of new ones) would otherwise hold ~18 MB of the main thread's heap.
 */
export const DEFAULT_ADVICE_CACHE_BYTES = 8 * 1024 * 1024;
/**
 * What a kept answer holds, per character of its JSON: the answer itself, its stored JSON and its blocks
 * (bot/slack/core.ts answerBlocksJson), both made once per kept answer and mostly two-byte strings.
 * Measured 5.3 over the load tests' and the bench's questions (18.5 KB for a 3.5 K-character answer).
 */
const BYTES_PER_JSON_CHAR = 6;

/** The memory an answer kept in the cache holds (estimated from its JSON, which the store needs anyway). */
export function heldBytes(answer: Answer): number {
  return Math.max(1, answerJson(answer).length * BYTES_PER_JSON_CHAR);
}

export interface AdviceCacheStats {
  hits: number;
  misses: number;
  size: number;
  /** The memory the kept answers hold (estimated, see heldBytes). */
  bytes: number;
}

export interface AdviceCache {
  get(req: AdviseRequest): Answer | undefined;
  /** Stores a checked answer; it is frozen, so no reader can change what the next asker gets. */
  set(req: AdviseRequest, answer: Answer): void;
  stats(): AdviceCacheStats;
}

/** The request as a key: the date first, the turns exactly as asked, then the thread's known facts. */
function keyOf(req: AdviseRequest): string {
  return JSON.stringify([req.asOf, req.turns, req.priorFacts ?? null]);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A cache of at most `max` answers holding at most `maxBytes` (see heldBytes); `max` 0 gives a cache that
 * keeps nothing.
 */
export function createAdviceCache(
  max: number = DEFAULT_ADVICE_CACHE_SIZE,
  maxBytes: number = DEFAULT_ADVICE_CACHE_BYTES,
): AdviceCache {
  let hits = 0;
  let misses = 0;
  if (max <= 0) {
    return {
      get: () => {
        misses += 1;
        return undefined;
      },
      set: () => {},
      stats: () => ({ hits, misses, size: 0, bytes: 0 }),
    };
  }
  const lru = new LRUCache<string, Answer>({ max, maxSize: maxBytes, sizeCalculation: heldBytes });
  return {
    get(req) {
      const a = lru.get(keyOf(req));
      if (a === undefined) misses += 1;
      else hits += 1;
      return a;
    },
    set(req, answer) {
      // frozen first: its JSON, measured now, is then made once (the store records the same string)
      lru.set(keyOf(req), deepFreeze(answer));
    },
    stats: () => ({ hits, misses, size: lru.size, bytes: lru.calculatedSize }),
  };
}
