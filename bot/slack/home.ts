/**
 * Publishes a person's App Home: what the bot does and their open cases (blocks.ts `homeView`) and, for
 * members of the adviser channel, the adviser desk (desk.ts) with the figures of the chosen period. The
 * chart is uploaded once per distinct set of figures and shown from Slack. Should Slack refuse the desk's
 * table, the home is published again with the figures as text; a chart that cannot be drawn or uploaded
 * is left out. Never throws: returns what happened.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { type Block, enforceBlockLimits, homeView, LIMITS } from './blocks.js';
import { errorCode, isAdviser, type SlackDeps, type WebClient } from './core.js';
import { DEFAULT_PERIOD, DESK_CASES, DESK_PERIODS, deskBlocks } from './desk.js';

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Uploaded charts by the hash of their figures: the same figures are not uploaded twice. */
const charts = new LRUCache<string, string>({ max: 64 });

/** The period kept in the home view's private_metadata, or the default. */
export function periodOf(privateMetadata: unknown): number {
  try {
    const days = (
      JSON.parse(typeof privateMetadata === 'string' ? privateMetadata : '{}') as { period?: unknown }
    ).period;
    return DESK_PERIODS.includes(days as (typeof DESK_PERIODS)[number]) ? (days as number) : DEFAULT_PERIOD;
  } catch {
    return DEFAULT_PERIOD;
  }
}

async function uploadChart(
  client: WebClient,
  deps: SlackDeps,
  png: Buffer,
  key: string,
): Promise<string | undefined> {
  const known = charts.get(key);
  if (known !== undefined) return known;
  try {
    const res = (await client.files.uploadV2({
      file: png,
      filename: 'leverandorsikkerhed-tal.png',
      title: 'Tal / Figures',
    })) as { files?: { files?: { id?: string }[] }[] };
    const id = res.files?.[0]?.files?.[0]?.id;
    if (typeof id === 'string') charts.set(key, id);
    return id;
  } catch (e) {
    deps.log.error({ error: errorCode(e) }, 'the desk chart could not be uploaded');
    return undefined;
  }
}

export async function publishHome(
  client: WebClient,
  deps: SlackDeps,
  user: string,
  o: { periodDays?: number; nowMs?: number; team?: string } = {},
): Promise<'published' | 'published_desk' | 'published_desk_text' | 'failed'> {
  const { store, log } = deps;
  const base = homeView(await store.openCasesFor(user, o.team ?? ''), deps.slashCommand);
  const baseBlocks = base.blocks as Block[];
  let adviser = false;
  try {
    adviser = await isAdviser(client, deps, user);
  } catch (e) {
    log.warn({ error: errorCode(e) }, 'adviser membership could not be checked; App Home without the desk');
  }
  const publish = async (blocks: Block[], meta?: string) => {
    await client.views.publish({
      user_id: user,
      view: {
        ...base,
        blocks: enforceBlockLimits(blocks, LIMITS.viewBlocks),
        ...(meta ? { private_metadata: meta } : {}),
      },
    });
  };
  try {
    if (!adviser) {
      await publish(baseBlocks);
      return 'published';
    }
    const periodDays = o.periodDays ?? DEFAULT_PERIOD;
    const today = deps.today();
    const lastDay = today;
    const figures = await store.deskFigures({
      since: addDays(today, 1 - periodDays),
      until: addDays(today, 1),
    });
    let chartFileId: string | undefined;
    try {
      const key = createHash('sha256').update(JSON.stringify(figures)).digest('hex');
      // the chart names the last day included, as the table does
      chartFileId =
        charts.get(key) ??
        (await uploadChart(
          client,
          deps,
          // loaded on the first desk that shows figures: the charting library is large, and most replicas never draw
          (await import('../desk/chart.js')).chartPng({ ...figures, until: lastDay }),
          key,
        ));
    } catch (e) {
      log.error({ error: errorCode(e) }, 'the desk chart could not be drawn');
    }
    const openAll = await store.openCasesOldestFirst(1000);
    const desk = {
      open: openAll.slice(0, DESK_CASES),
      openTotal: openAll.length,
      mine: await store.casesClaimedBy(user, DESK_CASES),
      figures,
      lastDay,
      periodDays,
      nowMs: o.nowMs ?? Date.now(),
      chartFileId,
    };
    const meta = JSON.stringify({ period: periodDays });
    try {
      await publish([...baseBlocks, { type: 'divider' }, ...deskBlocks(desk)], meta);
      return 'published_desk';
    } catch (e) {
      if (errorCode(e) !== 'invalid_blocks') throw e;
      log.warn({ error: 'invalid_blocks' }, 'the desk was refused; published with the figures as text');
      await publish([...baseBlocks, { type: 'divider' }, ...deskBlocks({ ...desk, table: false })], meta);
      return 'published_desk_text';
    }
  } catch (e) {
    log.error({ error: errorCode(e) }, 'App Home could not be published');
    return 'failed';
  }
}
