/** A count said with a bound decides only when every count it allows lies on one side of the threshold. */
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../bot/understand/numbers.js';
import { type Bound, moreThan } from '../../guardrails/bounds.js';

const T = 50_000;
const bound = (text: string): Bound | undefined => findNumbers(text)[0]?.bound;

describe('bounds on a count (more than 50.000 is strict)', () => {
  it.each([
    ['over 50.000', true],
    ['mere end 50.000', true],
    ['lidt over 50.000', true],
    ['godt 50.000', true],
    ['just over 50,000', true],
    ['mindst 50.001', true],
    ['mindst 50.000', undefined],
    ['at least 50,000', undefined],
    ['50.000+', undefined],
    ['50k or more', undefined],
    ['knap 50.000', false],
    ['nearly 50,000', false],
    ['under 50.001', false],
    ['højst 50.000', false],
    ['ikke over 50.000', false],
    ['not more than 50,000', false],
    ['op til 60.000', undefined],
    ['under 60.000', undefined],
    ['knap 60.000', true],
    ['godt 40.000', false],
    ['over 40.000', undefined],
    ['50.000', false],
    ['50.001', true],
  ])('%s → %s', (text, expected) => {
    const n = findNumbers(text)[0]!;
    expect(moreThan(n.value, bound(text), T)).toBe(expected);
  });

  it('a negated bound turns over: "ikke under" is at least', () => {
    expect(bound('ikke under 50.000')).toEqual({ side: 'above', inclusive: true, near: false });
    expect(bound('no fewer than 50,000')).toEqual({ side: 'above', inclusive: true, near: false });
  });

  it('Danish number words go on after the multiplier, glued or not', () => {
    expect(findNumbers('niogfyrretusind ni hundrede slutbrugere')[0]?.value).toBe(49_900);
    expect(findNumbers('halvtreds tusind fem hundrede')[0]?.value).toBe(50_500);
    expect(findNumbers('fifty thousand nine hundred users')[0]?.value).toBe(50_900);
    // an article after the multiplier is no number: "tusind og en ny kontrakt"
    expect(findNumbers('halvtreds tusind og en ny kontrakt')[0]?.value).toBe(50_000);
  });
});
