import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type NewAnswer, Store } from '../../bot/store/index.js';
import { type AnswerWriter, backgroundWriter } from '../../bot/store/writer.js';
import { answer } from './fixtures.js';

const row = (i: number, eventId = `Ev${i}`): NewAnswer => ({
  id: `a${i}`,
  channel: 'C1',
  threadTs: `1700000000.${String(i).padStart(6, '0')}`,
  user: 'U1',
  question: `Question ${i}`,
  answer,
  eventId,
  eventKind: 'app_mention',
});

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function setUp(dataDir = mkdtempSync(join(tmpdir(), 'advisor-writer-'))) {
  const store = Store.open(mkdtempSync(join(tmpdir(), 'advisor-writer-main-')));
  const fallbacks: string[] = [];
  const main = Store.open(dataDir);
  cleanup.push(
    () => main.close(),
    () => store.close(),
  );
  const writer: AnswerWriter = await backgroundWriter(dataDir, main, (why) => fallbacks.push(why));
  cleanup.push(() => writer.close());
  return { main, writer, fallbacks };
}

describe('answers written on a background thread', () => {
  it('records an answer before it is posted, marks it posted, and the main connection reads both', async () => {
    const { main, writer, fallbacks } = await setUp();
    expect(writer.kind).toBe('background');
    expect(fallbacks).toEqual([]);
    expect(await writer.recordAnswer(row(1))).toBe(true);
    expect(main.getEvent('Ev1')?.status).toBe('pending');
    expect(main.threadContext('C1', row(1).threadTs).turns).toEqual(['Question 1']);
    await writer.markAnswerPosted('a1', '1700000001.000001', 'Ev1');
    expect(main.getEvent('Ev1')?.status).toBe('answered');
    expect(main.getAnswer('a1')?.message_ts).toBe('1700000001.000001');
  });

  it('keeps every one of many concurrent answers, each event once, and refuses a retry of a known event', async () => {
    const { main, writer } = await setUp();
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => writer.recordAnswer(row(i))));
    expect(results.every(Boolean)).toBe(true);
    const retries = await Promise.all([
      writer.recordAnswer(row(1000, 'Ev7')),
      writer.recordAnswer(row(1001, 'Ev8')),
    ]);
    expect(retries).toEqual([false, false]);
    expect(main.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 300 });
    expect(main.db.prepare('SELECT COUNT(*) AS n FROM processed_events').get()).toEqual({ n: 300 });
  });

  it('refuses an invalid answer in the caller, writing nothing', async () => {
    const { main, writer } = await setUp();
    await expect(writer.recordAnswer({ ...row(1), answer: { verdict: 'maybe' } as never })).rejects.toThrow();
    expect(main.getEvent('Ev1')).toBeUndefined();
  });

  it('waits for the writes in flight when it closes', async () => {
    const { main, writer } = await setUp();
    const pending = Array.from({ length: 50 }, (_, i) => writer.recordAnswer(row(i)));
    await writer.close();
    expect(await Promise.all(pending)).toEqual(Array(50).fill(true));
    expect(main.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 50 });
  });

  it('writes on the main connection, and says why, when the worker cannot open the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-writer-bad-'));
    const notADir = join(dir, 'file');
    writeFileSync(notADir, 'not a folder');
    const main = Store.open(dir);
    cleanup.push(() => main.close());
    const why: string[] = [];
    const writer = await backgroundWriter(notADir, main, (w) => why.push(w));
    cleanup.push(() => writer.close());
    expect(writer.kind).toBe('direct');
    expect(why[0]).toMatch(/writer did not start/);
    expect(await writer.recordAnswer(row(1))).toBe(true);
    expect(main.getEvent('Ev1')?.status).toBe('pending');
  });
});
