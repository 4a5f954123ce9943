/**
 * Nothing already stored is lost: a database written by the schema before this one (version 4: one
 * workspace, no leases) opens, is migrated in place, and everything in it reads back, as the one workspace's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../bot/store/db.js';
import { openStore } from '../../bot/store/open.js';
import { answer } from './fixtures.js';

describe('an existing database', () => {
  it('from schema version 4 opens, migrates, and keeps its threads, answers, events and cases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-upgrade-'));
    const db = new Database(join(dir, 'advisor.sqlite'));
    for (let v = 0; v < 4; v++) db.exec(MIGRATIONS[v]!);
    db.pragma('user_version = 4');
    const t = '2026-11-01T10:00:00.000Z';
    db.prepare(
      `INSERT INTO processed_events (event_id, kind, channel, ts, status, received_at, updated_at, body)
       VALUES ('EvOLD', 'app_mention', 'C1', '1.1', 'received', ?, ?, '{"x":1}')`,
    ).run(t, t);
    db.prepare(
      `INSERT INTO answers (id, channel, thread_ts, user, question, answer, event_id, created_at)
       VALUES ('a_old', 'C1', '1.1', 'U1', 'q', ?, NULL, ?)`,
    ).run(JSON.stringify(answer), t);
    db.prepare(
      `INSERT INTO threads (channel, thread_ts, facts, turns, updated_at) VALUES ('C1', '1.1', ?, '["q"]', ?)`,
    ).run(JSON.stringify(answer.facts), t);
    db.prepare(
      `INSERT INTO cases (asker, channel, thread_ts, question, facts, status, created_at, updated_at)
       VALUES ('U1', 'C1', '1.1', 'q', '{}', 'open', ?, ?)`,
    ).run(t, t);
    db.close();

    const s = await openStore({ dataDir: dir });
    try {
      expect((await s.getAnswer('a_old'))?.answer.verdict).toBe('covered');
      expect(await s.threadContext('C1', '1.1')).toEqual({ facts: answer.facts, turns: ['q'] });
      expect((await s.activeCaseForThread('C1', '1.1'))?.asker).toBe('U1');
      expect((await s.openCasesFor('U1')).length).toBe(1);
      // the event left open by the old program is taken over at the next start, as before
      const taken = await s.takeOver({ leaseMs: 15_000, exclusive: true });
      expect(taken.events).toEqual([{ event_id: 'EvOLD', status: 'received' }]);
      expect(taken.cases.length).toBe(1);
      // and new writes go on in the same thread
      expect(
        await s.recordAnswer({
          id: 'a_new',
          channel: 'C1',
          threadTs: '1.1',
          user: 'U1',
          question: 'q2',
          answer,
        }),
      ).toBe(true);
      expect((await s.threadContext('C1', '1.1')).turns).toEqual(['q', 'q2']);
    } finally {
      await s.close();
    }
    const again = new Database(join(dir, 'advisor.sqlite'), { readonly: true });
    expect(again.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    again.close();
  });
});
