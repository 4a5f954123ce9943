/**
 * A small, known history for the desk's figures: answers of each kind on known days (through the real
 * pipeline, so they are real answers), votes and 👎 reasons, and cases opened, claimed and closed at known
 * times. Rows are written through the store and then dated.
 */
import { createAdvisor } from '../../bot/pipeline.js';
import { recordFeedbackReason } from '../../bot/store/feedback-reasons.js';
import { parseAnswer, type Store } from '../../bot/store/index.js';

const advisor = createAdvisor();

export const SEED_QUESTIONS: { q: string; day: string }[] = [
  { q: 'Er en teleudbyder med 60.000 slutbrugere omfattet af loven?', day: '2026-11-02' },
  { q: 'Er en teleudbyder med 80.000 slutbrugere omfattet af loven?', day: '2026-11-03' },
  { q: 'Vi er en kommune og vil købe kameraer fra Hikvision. Må vi det?', day: '2026-11-04' },
  { q: 'Hvornår skal vi senest indbringe en afgørelse for domstolene?', day: '2026-11-05' },
  { q: 'Hvad koster en pizza i Aarhus?', day: '2026-11-06' },
  { q: 'hvad koster en pizza i aarhus? ', day: '2026-11-07' },
  { q: 'Er vi omfattet af loven?', day: '2026-11-08' },
  { q: 'Er vi omfattet af loven?', day: '2026-11-09' },
  { q: 'Er vi omfattet af loven?', day: '2026-11-10' },
  { q: 'Jeg vil gerne tale med en rådgiver.', day: '2026-11-11' },
  {
    q: 'We run a backbone network with 80,000 end users and want to buy routers from a new supplier. Does the act apply?',
    day: '2026-11-12',
  },
  { q: 'Er en teleudbyder med 60.000 slutbrugere omfattet af loven?', day: '2026-09-01' }, // before the period
];

let n = 0;
export function seedAnswer(store: Store, q: string, day: string, user = 'U0ASKER'): string {
  const parsed = parseAnswer(advisor.advise({ turns: [q], asOf: day }));
  if (!parsed.success) throw new Error(`seed: ${q}`);
  n += 1;
  const id = `a_seed${n}`;
  const ts = `${1_700_100_000 + n}.000100`;
  store.recordAnswer({ id, channel: 'C0GENERAL', threadTs: ts, user, question: q, answer: parsed.data });
  store.db.prepare('UPDATE answers SET created_at = ? WHERE id = ?').run(`${day}T09:00:00.000Z`, id);
  return id;
}

const at = (day: string, hour: number, min = 0) =>
  `${day}T${String(hour).padStart(2, '0')}:${String(min).padStart(2, '0')}:00.000Z`;

/** Dates a case's history: opened at `opened`, claimed and resolved at the given times. */
function dateCase(store: Store, id: number, times: Record<string, string>) {
  store.db.prepare('UPDATE cases SET created_at = ? WHERE id = ?').run(times.opened, id);
  for (const [kind, t] of Object.entries(times))
    store.db.prepare('UPDATE case_events SET created_at = ? WHERE case_id = ? AND kind = ?').run(t, id, kind);
}

export function seedDesk(store: Store): { answers: string[]; cases: number[] } {
  const answers = SEED_QUESTIONS.map((s) => seedAnswer(store, s.q, s.day));
  store.recordFeedback(answers[0]!, 'U0A', true);
  store.recordFeedback(answers[1]!, 'U0A', true);
  store.recordFeedback(answers[2]!, 'U0B', false);
  store.recordFeedback(answers[3]!, 'U0B', false);
  store.recordFeedback(answers[6]!, 'U0C', false);
  recordFeedbackReason(
    store,
    { answerId: answers[2]!, user: 'U0B', reason: 'wrong_verdict' },
    at('2026-11-04', 10),
  );
  recordFeedbackReason(
    store,
    { answerId: answers[3]!, user: 'U0B', reason: 'missing_source', comment: 'Hvilken ret?' },
    at('2026-11-05', 10),
  );
  recordFeedbackReason(
    store,
    { answerId: answers[6]!, user: 'U0C', reason: 'misread_facts' },
    at('2026-11-08', 10),
  );
  store.db.prepare("UPDATE feedback SET created_at = '2026-11-10T10:00:00.000Z'").run();

  const open = (answerId: string, asker: string, question: string) => {
    const a = store.getAnswer(answerId)!;
    const c = store.openCase({
      answerId,
      asker,
      channel: 'C0GENERAL',
      threadTs: a.thread_ts,
      question,
      facts: a.answer.facts,
      answer: a.answer,
    });
    store.setCasePost(
      c.id,
      'C0ADVISE',
      `${1_700_200_000 + c.id}.000100`,
      `https://example.slack.com/archives/C0GENERAL/p${a.thread_ts.replace('.', '')}`,
    );
    return c.id;
  };
  // claimed after 2 h and closed after 26 h; claimed after 30 min, still open; closed after 4 h unclaimed;
  // two still waiting, the oldest from 9 November
  const c1 = open(answers[2]!, 'U0KOMMUNE', SEED_QUESTIONS[2]!.q);
  store.claimCase(c1, 'U0ADVISER');
  store.resolveCase(c1, 'U0ADVISER');
  dateCase(store, c1, {
    opened: at('2026-11-04', 9),
    posted: at('2026-11-04', 9),
    claimed: at('2026-11-04', 11),
    resolved: at('2026-11-05', 11),
  });
  const c2 = open(answers[9]!, 'U0RAADGIV', SEED_QUESTIONS[9]!.q);
  store.claimCase(c2, 'U0ADVISER');
  dateCase(store, c2, {
    opened: at('2026-11-11', 9),
    posted: at('2026-11-11', 9),
    claimed: at('2026-11-11', 9, 30),
  });
  const c3 = open(answers[3]!, 'U0DOMSTOL', SEED_QUESTIONS[3]!.q);
  store.resolveCase(c3, 'U0OTHERADV');
  dateCase(store, c3, {
    opened: at('2026-11-05', 9),
    posted: at('2026-11-05', 9),
    resolved: at('2026-11-05', 13),
  });
  const c4 = open(answers[6]!, 'U0VENTER', SEED_QUESTIONS[6]!.q);
  dateCase(store, c4, { opened: at('2026-11-09', 8), posted: at('2026-11-09', 8) });
  const c5 = open(answers[10]!, 'U0ROUTER', SEED_QUESTIONS[10]!.q);
  dateCase(store, c5, { opened: at('2026-11-12', 14), posted: at('2026-11-12', 14) });
  return { answers, cases: [c1, c2, c3, c4, c5] };
}
