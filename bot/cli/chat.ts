/**
 * The terminal chat: one thread, many turns, facts carried over. Works at a prompt and with piped
 * input (one message per line, an answer printed for each, exit at the end of input).
 * `/ny` or `/new` starts a new thread; `/json` toggles the answer object; `/facts` (`/fakta`) shows what
 * was understood and from where; `/set end_users 60000` corrects a fact and answers again; `/quit` ends.
 */
import { createInterface } from 'node:readline';
import type { Answer } from '../../guardrails/contract.js';
import { understoodLine } from '../compose/understood.js';
import type { Advisor } from '../pipeline.js';
import { isCorrection, parseCorrection } from '../understand/correction.js';
import { today } from './args.js';

export interface ChatOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  asOf?: string;
}

const LABEL: Record<Answer['verdict'], string> = {
  covered: 'OMFATTET / COVERED',
  not_covered: 'IKKE OMFATTET / NOT COVERED',
  needs_facts: 'MANGLER OPLYSNINGER / NEEDS FACTS',
  informational: 'INFORMATION',
  out_of_scope: 'UDEN FOR OMRÅDET / OUT OF SCOPE',
};

export function renderForTerminal(a: Answer): string {
  const read = understoodLine(a);
  return `[${LABEL[a.verdict]}${a.escalation !== 'none' ? ` · escalation ${a.escalation}` : ''}]\n${a.answer}\n${read ? `\n${read}\n` : ''}`;
}

/** `/facts`: every reading, with where it came from and the words it was read from. */
export function renderFacts(a: Answer | undefined): string {
  if (!a || a.understood.length === 0)
    return 'Ingen oplysninger endnu. / No facts yet. Ret med / correct with: /set end_users 60000';
  const rows = a.understood.map((r) => `  ${r.fact} = ${JSON.stringify(r.value)}  [${r.source}: ${r.span}]`);
  return [...rows, 'Ret med / correct with: /set FACT VALUE (e.g. /set end_users 60000)'].join('\n');
}

export function runTerminalChat(advisor: Advisor, opts: ChatOptions = {}): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const asOf = opts.asOf ?? today();
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  let turns: string[] = [];
  let json = false;
  let last: Answer | undefined;
  const say = (s: string) => output.write(s.endsWith('\n') ? s : `${s}\n`);
  if (interactive) {
    say('Leverandørsikkerhedsrådgiveren · the supplier-security advisor');
    say(
      'Spørg på dansk eller engelsk. /ny ny tråd, /fakta hvad jeg har forstået, /set ret en oplysning, /quit afslut. Ask in Danish or English; /new, /facts, /set, /quit.',
    );
    rl.setPrompt('> ');
    rl.prompt();
  }
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      const text = line.trim();
      if (text === '/quit' || text === '/exit') {
        rl.close();
        return;
      }
      if (text === '/ny' || text === '/new') {
        turns = [];
        last = undefined;
        say('(ny tråd / new thread)');
      } else if (text === '/json') {
        json = !json;
      } else if (text === '/facts' || text === '/fakta') {
        say(renderFacts(last));
      } else if (isCorrection(text)) {
        const c = parseCorrection(text);
        if (!c.ok) say(`Kan ikke rette / cannot correct: ${c.error}`);
        else if (!turns.some((t) => !isCorrection(t)))
          say('Stil først et spørgsmål. / Ask a question first.');
        else {
          turns.push(text);
          last = advisor.advise({ turns, asOf });
          say(json ? JSON.stringify(last, null, 2) : renderForTerminal(last));
        }
      } else if (text) {
        turns.push(text);
        last = advisor.advise({ turns, asOf });
        say(json ? JSON.stringify(last, null, 2) : renderForTerminal(last));
      }
      if (interactive) rl.prompt();
    });
    rl.on('close', () => resolve());
  });
}
