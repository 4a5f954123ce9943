/**
 * Answers already given, by the exact request that produced them. The pipeline is a pure function of
 * (turns, date, prior facts): the same conversation on the same day gets the same answer, so an answer
 * may be reused instead of computed again. This is what keeps a busy channel cheap when many people ask
 * the same thing (the same question pasted around, a news item about one supplier); a new wording is a
 * new key and goes through the whole pipeline. Bounded (least recently used goes first), kept in memory
 * only, and emptied by a restart, which is also when the texts or the rules can change.
 */
import { LRUCache } from 'lru-cache';
import type { Answer } from '../guardrails/contract.js';
import type { AdviseRequest } from './pipeline.js';

export const DEFAULT_ADVICE_CACHE_SIZE = 1000;

export interface AdviceCacheStats {
  hits: number;
  misses: number;
  size: number;
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

/** A cache of at most `max` answers; `max` 0 gives a cache that keeps nothing. */
export function createAdviceCache(max: number = DEFAULT_ADVICE_CACHE_SIZE): AdviceCache {
  let hits = 0;
  let misses = 0;
  if (max <= 0) {
    return {
      get: () => {
        misses += 1;
        return undefined;
      },
      set: () => {},
      stats: () => ({ hits, misses, size: 0 }),
    };
  }
  const lru = new LRUCache<string, Answer>({ max });
  return {
    get(req) {
      const a = lru.get(keyOf(req));
      if (a === undefined) misses += 1;
      else hits += 1;
      return a;
    },
    set(req, answer) {
      lru.set(keyOf(req), deepFreeze(answer));
    },
    stats: () => ({ hits, misses, size: lru.size }),
  };
}
