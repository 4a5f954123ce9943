/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, or `BENCH_CPU_PROF=DIR npm run bench`): where the time
 * went, by package or project file (self time) and by function (inclusive time), in per cent of samples.
 *   node dist/bot/bench/profile.js FILE.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Profile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type Node = z.infer<typeof Profile>['nodes'][number];

const where = (n: Node) => {
  const u = n.callFrame.url;
  if (!u) return n.callFrame.functionName || '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (pkg) return pkg[1]!;
  if (u.startsWith('node:')) return 'node (built-in)';
  return u.replace(/^.*\/dist\//, '').replace(/^file:\/\//, '');
};
const fn = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'}  ${where(n)}:${n.callFrame.lineNumber + 1}`;

export function summarizeProfile(file: string, top = 25): string {
  const p = Profile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const byWhere = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    byWhere.set(where(n), (byWhere.get(where(n)) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = fn(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  const list = (m: Map<string, number>, keep: RegExp) =>
    [...m]
      .filter(([k]) => keep.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, v]) =>
          `  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k.length > 100 ? `${k.slice(0, 100)}…` : k}`,
      )
      .join('\n');
  return [
    `${file}: ${(total / 1e6).toFixed(2)} s of samples`,
    'self time by package / file:',
    list(byWhere, /./),
    'inclusive time by function (project code):',
    list(inclusive, / {2}(bot|retrieval|guardrails|knowledge)\//),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profile.js')) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bot/bench/profile.js FILE.cpuprofile [top]\n');
    process.exit(2);
  }
  process.stdout.write(`${summarizeProfile(file, Number(top) || 25)}\n`);
}
