/**
 * The form of the question (answer contract v2, `direct_answer`): whether the person asks if the act
 * applies, if they may do something, if something stands in their way, if the authority can act, or
 * something that is not a yes/no question at all. The word classes are data
 * (`knowledge/vocabulary/question-forms.yaml`); this file only finds the clause that asks and tries them.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { KnowledgeLoadError } from '../../knowledge/load-error.js';
import { KNOWLEDGE_DIR } from '../../knowledge/paths.js';
import { readYamlFile } from '../../knowledge/yaml.js';
import { withDanishSpellings, wordClass } from './words.js';

export const QUESTION_FORMS = ['cfcs_power', 'obstacle', 'permission', 'coverage'] as const;
export type QuestionForm = (typeof QUESTION_FORMS)[number] | 'polar' | 'open' | 'none';

export interface QuestionReading {
  form: QuestionForm;
  /** The question asks whether something is still in time (a deadline question). */
  inTime?: boolean;
  /** The question is about the writer's organisation itself ("er vi omfattet?"). */
  aboutWriter?: boolean;
  /** The question asks whether it is too late: the opposite polarity of "in time". */
  tooLate?: boolean;
  /** Which turn asks (an index into the turns read). */
  turn?: number;
  /** The clause that asks, as the person wrote it ('' when nothing asks). */
  clause: string;
  /** The person says CFCS has already prohibited it. */
  prohibited: boolean;
  /**
   * The question is asked under a condition that CFCS prohibits it ("Hvis CFCS forbyder …, hvad er så
   * …?"): it asks what follows from a prohibition, so the act's reach is given, not asked.
   */
  supposesProhibition?: boolean;
}

const FILE = join(KNOWLEDGE_DIR, 'vocabulary', 'question-forms.yaml');
const Schema = z
  .object({
    ref: z.string(),
    forms: z.object({
      prohibited_said: z.array(z.string().min(1)),
      cfcs_power: z.array(z.string().min(1)),
      obstacle: z.array(z.string().min(1)),
      permission: z.array(z.string().min(1)),
      coverage: z.array(z.string().min(1)),
    }),
    in_time: z.array(z.string().min(1)),
    supposed_prohibition: z.array(z.string().min(1)),
    writer_subject: z.string().min(1),
    too_late: z.array(z.string().min(1)),
    act_words: z.array(z.string().min(1)),
    polar_openers: z.string().min(1),
    open_openers: z.string().min(1),
    conditional_openers: z.string().min(1),
    embedded_polar: z.string().min(1),
    abbreviations: z.array(z.string().min(1)),
    elliptic: z.string().min(1),
  })
  .strict();

interface Compiled {
  forms: Record<(typeof QUESTION_FORMS)[number] | 'prohibited_said', RegExp>;
  polar: RegExp;
  open: RegExp;
  conditional: RegExp;
  embedded: RegExp;
  inTime: RegExp;
  supposedProhibition: RegExp;
  writer: RegExp;
  tooLate: RegExp;
  actWords: RegExp;
  /** Ends with an abbreviation's full stop: no sentence end. */
  abbreviation: RegExp;
  /** A question that only points back ("Is it?", "Er den det?"): it asks what the sentence before says. */
  elliptic: RegExp;
}

let compiled: Compiled | undefined;
const words = (sources: string[]) => wordClass(sources);

/** Loads and compiles the vocabulary once; a broken file names itself and what is wrong. */
export function questionVocabulary(): Compiled {
  if (compiled) return compiled;
  const data = readYamlFile(FILE, Schema);
  try {
    const f = data.forms;
    compiled = {
      forms: {
        prohibited_said: words(f.prohibited_said),
        cfcs_power: words(f.cfcs_power),
        obstacle: words(f.obstacle),
        permission: words(f.permission),
        coverage: words(f.coverage),
      },
      abbreviation: new RegExp(
        `(?<![\\p{L}])(?:${data.abbreviations.map((a) => a.replace(/\./g, '\\.')).join('|')})\\.$`,
        'iu',
      ),
      polar: new RegExp(withDanishSpellings(data.polar_openers), 'iu'),
      open: new RegExp(withDanishSpellings(data.open_openers), 'iu'),
      conditional: new RegExp(withDanishSpellings(data.conditional_openers), 'iu'),
      inTime: wordClass(data.in_time),
      supposedProhibition: wordClass(data.supposed_prohibition),
      tooLate: wordClass(data.too_late),
      actWords: wordClass(data.act_words),
      writer: new RegExp(withDanishSpellings(data.writer_subject), 'iu'),
      embedded: new RegExp(withDanishSpellings(data.embedded_polar), 'iu'),
      elliptic: new RegExp(data.elliptic, 'iu'),
    };
  } catch (e) {
    throw new KnowledgeLoadError(FILE, null, `a pattern does not compile: ${(e as Error).message}`);
  }
  return compiled;
}

/** Sentences of a message, with what ends them. */
function sentences(text: string, v: Compiled): Array<{ s: string; asks: boolean }> {
  const out: Array<{ s: string; asks: boolean }> = [];
  let held = '';
  for (const m of text.matchAll(/[^.!?\n]+(?:[.!?]+|\n|$)/gu)) {
    const s = held + m[0];
    const next = text[(m.index ?? 0) + m[0].length] ?? '';
    // "50.000", "e.g.", "cfcs.dk" and "nr. 3" go on: a full stop right before a digit or a letter, or
    // after an abbreviation, ends nothing.
    if (/\.$/.test(m[0]) && (/[\p{L}\d]/u.test(next) || (v.abbreviation.test(s.trimEnd()) && next !== ''))) {
      held = s;
      continue;
    }
    held = '';
    const t = s.trim();
    if (t.replace(/[.!?]/g, '').trim()) out.push({ s: t, asks: t.endsWith('?') });
  }
  const t = held.trim();
  if (t.replace(/[.!?]/g, '').trim()) out.push({ s: t, asks: t.endsWith('?') });
  return out;
}

/** The clause of a sentence that asks: after a leading condition, and without a lead-in. */
function askingClause(sentence: string, v: Compiled): string {
  const lead =
    /^[\s"'«»()\-–—:]*(?:(?:og|and|men|but|so|så|altså|ok|okay|nå|well|hej|hi)(?![\p{L}])[,\s]*)?/iu;
  const s = sentence.replace(lead, '');
  // "Dumt spørgsmål måske, men hvem …", "Kollega påstår X – hvornår …", "If CFCS bans it, do we …": the
  // question is the clause that opens like one, after a lead-in or a condition.
  // "Which is it for the law – are we a significant provider?": after a dash or colon, a clause that
  // opens as a yes/no question is the one asked.
  const tail = s.split(/[:–—]|\s-\s/).slice(1);
  for (let i = 0; i < tail.length; i++) {
    const rest = tail.slice(i).join(' ').replace(lead, '').trim();
    const form = v.open.test(rest) ? 'open' : formOf(rest, v);
    if ((v.polar.test(rest) || !['open', 'none', 'polar'].includes(form)) && !v.conditional.test(rest))
      return rest;
  }
  if (v.open.test(s) || (v.polar.test(s) && !v.conditional.test(s))) return s;
  const parts = s.split(/[,;:–—]|\s-\s/);
  for (let i = 1; i < parts.length; i++) {
    const rest = parts.slice(i).join(',').replace(lead, '').trim();
    if (v.polar.test(rest) || v.open.test(rest)) return rest;
  }
  return s;
}

/** Reads the form of one clause. */
function formOf(clause: string, v: Compiled): QuestionForm {
  const opensOpen = v.open.test(clause);
  for (const form of QUESTION_FORMS) if (v.forms[form].test(clause) && !opensOpen) return form;
  if (opensOpen) return v.embedded.test(clause) ? 'polar' : 'open';
  if (v.polar.test(clause) || v.embedded.test(clause) || /\?\s*$/.test(clause)) return 'polar';
  return 'none';
}

/**
 * The question the thread asks: the last clause of the last turn that asks something (a follow-up
 * that only adds facts answers the question before it).
 */
export function readQuestion(turns: string[]): QuestionReading {
  const v = questionVocabulary();
  const prohibited = turns.some((t) => v.forms.prohibited_said.test(t));
  const reading = (sentence: string, turn: number): QuestionReading => {
    const clause = askingClause(sentence, v);
    const condition = sentence.slice(0, Math.max(0, sentence.lastIndexOf(clause)));
    return {
      form: formOf(clause, v),
      clause,
      prohibited,
      inTime: v.inTime.test(clause) || v.tooLate.test(clause),
      tooLate: v.tooLate.test(clause),
      aboutWriter: v.writer.test(clause),
      supposesProhibition: v.conditional.test(condition.trim()) && v.supposedProhibition.test(condition),
      turn,
    };
  };
  for (let i = turns.length - 1; i >= 0; i--) {
    const ss = sentences(turns[i] ?? '', v);
    const asking = ss.filter((x) => x.asks);
    const last = asking[asking.length - 1];
    // "The supplier insists the contract is still binding. Is it?": the sentence before is what is asked.
    const at = last ? ss.indexOf(last) : -1;
    if (last && at > 0 && v.elliptic.test(last.s)) return reading(`${ss[at - 1]!.s} ${last.s}`, i);
    if (last) return reading(last.s, i);
    // No question mark: a sentence that opens like a question still asks ("er vi omfattet").
    const opener = [...ss].reverse().find((x) => v.polar.test(askingClause(x.s, v)) || v.open.test(x.s));
    if (opener) return reading(opener.s, i);
  }
  return { form: 'none', clause: '', prohibited };
}
