/**
 * `npm run store:copy`: SQLite → PostgreSQL (a REAL server this file starts) → a new SQLite file, and every row
 * of every table comes back the same; a target that is not empty is refused, bad flags are one line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCommand } from '../../bot/cli/copy.js';
import { COPY_TABLES } from '../../bot/store/api.js';
import { openStore } from '../../bot/store/open.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { answer } from './fixtures.js';

let pgServer: TestPostgres;
beforeAll(async () => {
  pgServer = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pgServer?.stop();
});

const dir = () => mkdtempSync(join(tmpdir(), 'advisor-copy-'));

async function seed(dataDir: string): Promise<void> {
  const s = await openStore({ dataDir });
  await s.receiveEvent({ eventId: 'Ev1', kind: 'app_mention', channel: 'C1', ts: '1.1', body: '{"a":1}' });
  await s.recordAnswer({
    id: 'a1',
    channel: 'C1',
    threadTs: '1.1',
    user: 'U1',
    question: 'q1',
    answer,
    eventId: 'Ev1',
  });
  await s.markAnswerPosted('a1', '1.2', 'Ev1');
  await s.recordAnswer({ id: 'a2', channel: 'C1', threadTs: '1.1', user: 'U2', question: 'q2', answer });
  await s.recordFeedback('a1', 'U3', false);
  const c = await s.openCase({
    answerId: 'a1',
    asker: 'U1',
    channel: 'C1',
    threadTs: '1.1',
    question: 'q1',
    facts: {},
  });
  await s.setCasePost(c.id, 'C0ADV', '9.9');
  await s.claimCase(c.id, 'UADV');
  await s.recordAudit({ kind: 'memo', actor: 'U1', answerId: 'a1', detail: 'x.pdf' });
  await s.close();
}

describe('npm run store:copy', () => {
  it('moves everything from SQLite to PostgreSQL and back, row for row; the copy keeps working', async () => {
    const a = dir();
    await seed(a);
    const url = await pgServer.database('copy');
    const there = await copyCommand(['--from', a, '--to', url]);
    expect(there.stderr).toBe('');
    expect(there.code).toBe(0);
    expect(there.stdout).toMatch(/^Copied sqlite .* to postgres postgres:\/\/postgres:\*\*\*@/);
    expect(there.stdout).toMatch(/answers\s+2\n/);
    const b = dir();
    const back = await copyCommand(['--from', url, '--to', join(b, 'advisor.sqlite')]);
    expect(back.code).toBe(0);

    const [sa, pg, sb] = [
      await openStore({ dataDir: a }),
      await openStore({ dataDir: '.', databaseUrl: url }),
      await openStore({ dataDir: b }),
    ];
    for (const t of COPY_TABLES) {
      const x = await sa.dumpTable(t);
      expect(await sb.dumpTable(t), t).toEqual(x);
      expect((await pg.dumpTable(t)).length, t).toBe(x.length);
    }
    // ids continue after the copied ones, and the copied data reads back through the interface
    const next = await pg.openCase({ asker: 'U9', channel: 'C9', threadTs: '9.1', question: 'q', facts: {} });
    expect(next.id).toBe(2);
    expect((await pg.getCase(1))?.claimed_by).toBe('UADV');
    expect((await pg.threadContext('C1', '1.1')).turns).toEqual(['q1', 'q2']);
    expect(await pg.isHandled('Ev1')).toBe(true);
    await Promise.all([sa.close(), pg.close(), sb.close()]);

    // the target must be empty: nothing is overwritten
    const again = await copyCommand(['--from', a, '--to', url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty \(processed_events has 1 rows\); nothing was copied/);
    expect(again.stderr).not.toContain('test-only');
  });

  it('bad flags and places are one line, never a stack trace', async () => {
    expect((await copyCommand([])).code).toBe(2);
    expect((await copyCommand(['--from', dir()])).stderr).toMatch(/both --from and --to are required/);
    expect((await copyCommand(['--from', dir(), '--to', dir()])).stderr).toMatch(/no advisor.sqlite there/);
    expect((await copyCommand(['--from', 'mysql://x/y', '--to', dir()])).stderr).toMatch(
      /neither a postgres/,
    );
    const a = dir();
    await seed(a);
    const r = await copyCommand(['--from', a, '--to', 'postgres://nobody:secret@127.0.0.1:1/none']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^store:copy: --to: the database postgres:\/\/nobody:\*\*\*@127.0.0.1:1\/none could not be opened/,
    );
    expect(r.stderr).not.toContain('secret');
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
