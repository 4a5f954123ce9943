/**
 * The threads' young generations are their own under `npm start`: V8's heap flags on Node's command line
 * apply to every thread and override a worker's resourceLimits, so a `--max-semi-space-size` in the start
 * script would give the pipeline and writer threads the main thread's young generation (issue 14: peak RSS).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PIPELINE_HEAP } from '../../bot/advisor-thread.js';
import { WRITER_HEAP } from '../../bot/store/writer.js';
import { PROJECT_ROOT } from '../../knowledge/paths.js';

const start = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }
).scripts.start.split(/\s+/);
const flags = start.slice(1).filter((w) => w.startsWith('--'));

/** The young generation (new space, MB) a worker with `limits` reaches after making much short-lived garbage. */
function youngMb(limits: object): number {
  const code = `
    const { Worker } = require('node:worker_threads');
    const w = new Worker(\`
      const v8 = require('node:v8');
      let keep = [];
      for (let i = 0; i < 3e6; i++) { keep.push({ a: i, b: 'x' + i }); if (keep.length > 20000) keep = []; }
      const s = v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
      require('node:worker_threads').parentPort.postMessage(s.space_size);
    \`, { eval: true, resourceLimits: ${JSON.stringify(limits)} });
    w.once('message', (n) => { process.stdout.write(String(n)); process.exit(0); });
  `;
  const r = spawnSync(process.execPath, [...flags, '-e', code], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`node ${flags.join(' ')} failed: ${r.stderr}`);
  return Number(r.stdout) / 2 ** 20;
}

describe("npm start's heap flags", () => {
  it('runs node', () => expect(start[0]).toBe('node'));

  it('leave the pipeline thread its own young generation', () => {
    expect(youngMb(PIPELINE_HEAP)).toBeLessThanOrEqual(PIPELINE_HEAP.maxYoungGenerationSizeMb);
  });

  it('leave the writer thread its own young generation', () => {
    expect(youngMb(WRITER_HEAP)).toBeLessThanOrEqual(WRITER_HEAP.maxYoungGenerationSizeMb);
  });
});
