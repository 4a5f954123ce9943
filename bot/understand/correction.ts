/**
 * A correction is a turn of its own: `/set end_users 60000` (several as `/set a b; c d`), typed in the
 * terminal chat or written by the Slack form "Ret oplysninger". It sets facts the person states, not
 * read from language; a later turn that says the fact again wins, as any later turn does.
 */
import { FACT_KEYS, type FactKey, type Facts, FactsSchema } from '../../guardrails/facts.js';
import { parseDate } from './dates.js';
import { parseNumber } from './numbers.js';

const COMMAND = /^\s*\/(?:set|ret)\s+(.+)$/iu;
const TRUE = /^(?:ja|yes|true|sand|1)$/iu;
const FALSE = /^(?:nej|no|false|falsk|0)$/iu;

export type Correction = { ok: true; facts: Facts } | { ok: false; error: string };

/** Whether a turn is a correction command rather than a message to read. */
export const isCorrection = (turn: string): boolean => COMMAND.test(turn);

function valueFor(key: FactKey, raw: string): unknown {
  const v = raw.trim();
  switch (key) {
    case 'end_users':
    case 'state_end_users':
      return parseNumber(v) ?? Number.NaN;
    case 'nationwide_public_service':
    case 'wants_human':
      return TRUE.test(v) ? true : FALSE.test(v) ? false : v;
    case 'agreement_date':
    case 'decision_date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : (parseDate(v) ?? v);
    case 'supplier_country':
    case 'territory':
      return v.toUpperCase();
    case 'supplier':
      return v;
    default:
      return v.toLowerCase();
  }
}

/** The facts a correction sets, or what is wrong with it (named, so the person can fix it). */
export function parseCorrection(turn: string): Correction {
  const m = COMMAND.exec(turn);
  if (!m) return { ok: false, error: 'a correction starts with /set' };
  const facts: Record<string, unknown> = {};
  for (const part of m[1]!.split(';')) {
    const p = /^\s*([a-z_]+)\s*(?:=|\s)\s*(.+?)\s*$/iu.exec(part);
    if (!p) return { ok: false, error: `"${part.trim()}" is not "fact value"` };
    const key = p[1]!.toLowerCase() as FactKey;
    if (!FACT_KEYS.includes(key))
      return { ok: false, error: `unknown fact "${key}" (known: ${FACT_KEYS.join(', ')})` };
    facts[key] = valueFor(key, p[2]!);
  }
  for (const [k, v] of Object.entries(facts))
    if (typeof v === 'number' && !Number.isFinite(v))
      return { ok: false, error: `${k} must be a number, e.g. 60000 or 60.000` };
  const checked = FactsSchema.safeParse(facts);
  if (!checked.success) {
    const i = checked.error.issues[0];
    return { ok: false, error: `${i?.path.join('.') ?? 'facts'}: ${i?.message ?? 'invalid'}` };
  }
  return { ok: true, facts: checked.data };
}

/** The command that sets these facts: what the Slack form appends to the thread. */
export function correctionTurn(facts: Facts): string {
  const parts = (Object.entries(facts) as Array<[FactKey, unknown]>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${String(v)}`);
  return `/set ${parts.join('; ')}`;
}
