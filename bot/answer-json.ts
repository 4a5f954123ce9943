/**
 * An answer's JSON, as it is stored. A frozen answer (a reused one, see advice-cache.ts) cannot change, so
 * its JSON is made once and kept with it: the answer cache measures an answer by it, and the store records it.
 */
import type { Answer } from '../guardrails/contract.js';

const frozenJson = new WeakMap<object, string>();

export function answerJson(answer: Answer): string {
  if (!Object.isFrozen(answer)) return JSON.stringify(answer);
  let json = frozenJson.get(answer);
  if (json === undefined) {
    json = JSON.stringify(answer);
    frozenJson.set(answer, json);
  }
  return json;
}
