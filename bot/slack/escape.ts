/**
 * What a person wrote, made inert before the bot posts it anywhere (case posts, relays, fallback texts,
 * modals, App Home): no mention (`<@U…>`), broadcast (`<!channel>`, `<!here>`, `<!subteam^…>`), channel link
 * or labelled link (`<https://…|any label>`) from user text is ever live.
 *
 * - `escapeText(plain)`: for text as the person typed it (a modal's input, a stored question): `&`, `<` and
 *   `>` become entities, so Slack shows them and parses nothing.
 * - `inertSlackText(raw)`: for a message's `text` as Slack delivers it (markup live, the person's own `<`,
 *   `>` and `&` already escaped): every `<…>` becomes what it showed as plain words (`@U0123`, `@channel`,
 *   `#general`, `label (https://…)`, so a link's target is always visible), then it is escaped like plain text.
 */

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One piece of Slack markup (`<…>`, without the brackets) as the words it stood for. */
function markupWords(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? '' : inner.slice(bar + 1);
  if (target.startsWith('@')) return `@${label !== '' ? label.replace(/^@/, '') : target.slice(1)}`;
  if (target.startsWith('#')) return `#${label !== '' ? label : target.slice(1)}`;
  if (target.startsWith('!')) {
    const word = target.slice(1);
    if (word.startsWith('subteam^')) return label !== '' ? `@${label.replace(/^@/, '')}` : '@team';
    if (word.startsWith('date^')) return label;
    return `@${word}`;
  }
  // a link: its target stays visible, a label cannot hide it
  return label !== '' && label !== target ? `${label} (${target})` : target;
}

/** A received message's text with its Slack markup turned into plain words and the entities undone. */
export function plainSlackText(raw: string): string {
  return raw
    .replace(/<([^<>]*)>/g, (_m, inner: string) => markupWords(inner))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A received message's text, safe to post: markup shown as words, nothing live. */
export function inertSlackText(raw: string | undefined): string {
  return escapeText(plainSlackText(raw ?? ''));
}
