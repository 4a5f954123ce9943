/**
 * The terminal chat: one thread, many turns, facts carried over. Works at a prompt and with piped
 * input (one message per line, an answer printed for each, exit at the end of input).
 * `/ny` or `/new` starts a new thread; `/json` toggles the answer object; `/quit` ends.
 */
import { createInterface } from 'node:readline';
import type { Answer } from '../../guardrails/contract.js';
import type { Advisor } from '../pipeline.js';
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
  return `[${LABEL[a.verdict]}${a.escalation !== 'none' ? ` · escalation ${a.escalation}` : ''}]\n${a.answer}\n`;
}

export function runTerminalChat(advisor: Advisor, opts: ChatOptions = {}): Promise<void> {
  const input = opts.input ?? process.stdin;
  const output = opts.output ?? process.stdout;
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const asOf = opts.asOf ?? today();
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  let turns: string[] = [];
  let json = false;
  const say = (s: string) => output.write(s.endsWith('\n') ? s : `${s}\n`);
  if (interactive) {
    say('Leverandørsikkerhedsrådgiveren · the supplier-security advisor');
    say(
      'Spørg på dansk eller engelsk. /ny starter en ny tråd, /quit afslutter. Ask in Danish or English; /new, /quit.',
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
        say('(ny tråd / new thread)');
      } else if (text === '/json') {
        json = !json;
      } else if (text) {
        turns.push(text);
        const answer = advisor.advise({ turns, asOf });
        say(json ? JSON.stringify(answer, null, 2) : renderForTerminal(answer));
      }
      if (interactive) rl.prompt();
    });
    rl.on('close', () => resolve());
  });
}
