/**
 * `npm run report` on a known history: the same figures as the desk, as a text table or CSV, and the
 * chart as a PNG; bad flags and dates are named on stderr with exit 2.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../bot/cli/report.js';
import { chartSvg } from '../../bot/desk/chart.js';
import { deskFigures } from '../../bot/store/desk.js';
import { Store } from '../../bot/store/index.js';
import { seedDesk } from './seed.js';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'advisor-report-'));
  const store = Store.open(dataDir);
  seedDesk(store);
  store.close();
});
const env = () => ({ DATA_DIR: dataDir });

describe('npm run report', () => {
  it('prints the period’s figures as a text table', async () => {
    const r = await reportCommand(['--since', '2026-11-01', '--until', '2026-11-30'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Tal \/ Figures 2026-11-01 – 2026-11-30\n/);
    expect(r.stdout).toMatch(/Spørgsmål besvaret \/ Questions answered\s+11\n/);
    expect(r.stdout).toMatch(/Median tid til at tage \/ Median time to claim\s+2,0 timer \/ hours/);
    expect(r.stdout).toMatch(/„Er vi omfattet af loven\?“\s+3 × flere oplysninger/);
    // the answer from September is outside the period
    expect((await reportCommand(['--since', '2026-09-01', '--until', '2026-09-30'], env())).stdout).toMatch(
      /Questions answered\s+1\n/,
    );
  });

  it('prints CSV with --csv, a formula-like cell quoted', async () => {
    const r = await reportCommand(['--since', '2026-11-01', '--until', '2026-11-30', '--csv'], env());
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toBe('since,until,group,key,label,value');
    expect(lines).toContain(
      '2026-11-01,2026-11-30,questions,questions,Spørgsmål besvaret / Questions answered,11',
    );
    expect(lines).toContain(
      '2026-11-01,2026-11-30,verdict,verdict.needs_facts,Vurdering / Verdict: Flere oplysninger er nødvendige / More facts are needed,3',
    );
    expect(lines).toContain(
      '2026-11-01,2026-11-30,feedback,reason.missing_source,👎 Årsag / Reason: Der mangler en kilde / A source is missing,1',
    );
  });

  it('writes the chart as a PNG with --png', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'advisor-png-')), 'tal.png');
    const r = await reportCommand(['--since', '2026-11-01', '--until', '2026-11-30', '--png', file], env());
    expect(r.code).toBe(0);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1200); // width
    expect(png.readUInt32BE(20)).toBe(520); // height
  });

  it('names a bad flag or date on stderr and exits 2', async () => {
    for (const args of [
      [],
      ['--since', '2026-02-30'],
      ['--since', '2026-11-01', '--until', '2026-10-01'],
      ['--since', '2026-11-01', '--bogus'],
    ]) {
      const r = await reportCommand(args, env());
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^report: .+\nusage: npm run report/);
    }
  });
});

describe('the chart', () => {
  it('draws every verdict, topic and reason with its count, in Danish and English', async () => {
    const store = Store.open(dataDir);
    const svg = chartSvg(deskFigures(store, { since: '2026-11-01', until: '2026-12-01' }));
    store.close();
    for (const label of [
      'Omfattet',
      'Covered',
      'Mangler oplysninger',
      'Needs facts',
      'Er vi omfattet',
      'Mangler en kilde',
      'Source missing',
    ])
      expect(svg).toContain(label);
    expect(svg).toContain('Spørgsmål / questions: 11');
  });
});
