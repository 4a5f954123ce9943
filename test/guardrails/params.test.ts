import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_CUTOFF,
  COURT_DEADLINE_MONTHS,
  END_USERS_THRESHOLD,
  IN_FORCE,
  OLDER_AGREEMENTS_FROM,
  PARAMETERS,
  type Parameter,
  STATE_END_USERS_THRESHOLD,
  valueAt,
} from '../../guardrails/params.js';
import { knowledge } from '../../knowledge/index.js';

describe('statute parameters', () => {
  const table: Array<{ p: Parameter<number | string>; ref: string; value: number | string }> = [
    { p: END_USERS_THRESHOLD, ref: '§ 1, nr. 3, litra a', value: 50_000 },
    { p: STATE_END_USERS_THRESHOLD, ref: '§ 1, nr. 3, litra b', value: 500 },
    { p: IN_FORCE, ref: '§ 17, stk. 1', value: '2021-07-01' },
    { p: AGREEMENT_CUTOFF, ref: '§ 17, stk. 2', value: '2020-12-07' },
    { p: OLDER_AGREEMENTS_FROM, ref: '§ 17, stk. 3', value: '2026-01-01' },
    { p: COURT_DEADLINE_MONTHS, ref: '§ 7, stk. 2', value: 6 },
  ];

  it.each(table)('$p.id = $value, from $ref', ({ p, ref, value }) => {
    expect(p.ref).toBe(ref);
    expect(valueAt(p, '2026-11-22')).toBe(value);
    expect(valueAt(p, '2021-07-01')).toBe(value);
    expect(valueAt(p, '2020-01-01')).toBe(value); // before entry into force: the enacted value
  });

  it('each value is read from words that stand in its unit of the statute', () => {
    const kb = knowledge();
    for (const p of PARAMETERS) {
      const unit = kb.get('lov-1156-2021', p.ref);
      expect(unit, p.ref).toBeDefined();
      expect(unit!.text.replace(/\s+/g, ' ')).toContain(p.wording);
    }
  });

  it('a later amendment is one more dated value', () => {
    const amended: Parameter<number> = {
      ...END_USERS_THRESHOLD,
      values: [...END_USERS_THRESHOLD.values, { from: '2030-01-01', value: 40_000 }],
    };
    expect(valueAt(amended, '2029-12-31')).toBe(50_000);
    expect(valueAt(amended, '2030-01-01')).toBe(40_000);
  });

  it('no check or the evaluator holds a statute number of its own', () => {
    const dir = join(import.meta.dirname, '../../guardrails');
    const files = [
      ...readdirSync(join(dir, 'checks')).map((f) => join(dir, 'checks', f)),
      join(dir, 'evaluate.ts'),
    ];
    const magic = /\b(50[._]?000|500|2021-07-01|2020-12-07|2026-01-01)\b/;
    for (const f of files) {
      const code = readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => !l.trim().startsWith('//') && !l.trim().startsWith('*'))
        .join('\n');
      expect(magic.test(code), f).toBe(false);
    }
  });
});
