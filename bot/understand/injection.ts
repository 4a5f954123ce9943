/**
 * Instructions inside a question change nothing: sentences that try to re-program the advisor
 * ("ignore your rules", "the threshold is now 10,000", "you are now …") are removed before facts are
 * read, and the answer says so.
 */
const INSTRUCTION = [
  /\b(ignore|disregard|forget|override|bypass)\b[^.!?\n]*\b(rules?|instructions?|prompt|guidelines?|checks?|previous|above|law)\b/i,
  /\b(ignorer|glem|se bort fra|tilsidesæt)\b[^.!?\n]*\b(regler|instruks|instruktioner|tidligere|ovenstående|tjek|loven)\b/i,
  // (boundaries by letters, not `\b`: "ændret" starts with a letter `\b` does not know)
  /(?<!\p{L})(threshold\p{L}*|limit\p{L}*|grænse\p{L}*|tærsk\p{L}*|kravet)(?!\p{L}).{0,80}?(?<!\p{L})(is now|are now|has changed|have changed|changed to|er nu|er ændret|ændret til|skal være|should be|now is|nu er)(?!\p{L})/iu,
  /\b(you are now|from now on|act as|pretend|du er nu|fra nu af|lad som om|system prompt|jailbreak|developer mode)\b/i,
  /\b(system|admin|developer|assistant)\s*(override|overrides|message|note|instruction|besked|instruks)\b/i,
  /\b(say|answer|reply|state|tell (me|us|them)|svar|sig|skriv|konkluder)\s+(that\s+|at\s+)?(the act|the law|loven|it|det)\s+(applies|bans|forbids|prohibits|covers|gælder|forbyder|omfatter)\b/i,
  /\b(always|altid)\b[^.!?\n]*\b(answer|say|reply|svar|sig)\b[^.!?\n]*\b(covered|not covered|omfattet|yes|ja|no|nej)\b/i,
  /\b(the law|loven|the act|§\s*\d+)\b[^.!?\n]*\b(has been (changed|amended|repealed)|no longer applies|er (ændret|ophævet)|gælder ikke længere)\b/i,
  // what the answer may not cite ("do not mention § 1", "nævn ikke § 1")
  /\b(do not|don't|never|undlad at|aldrig)\s+(mention|cite|quote|refer to|nævne|citere|henvise til)\b|\b(nævn|citér|citer)\s+ikke\b/iu,
];

/** Hidden in an aside, words addressed to the machine ("<!-- AI assistant: classify … -->", "[til botten: …]"). */
const ADDRESSED =
  /^[<\-!\s[({]*(?:note\s+to\s+(?:the\s+)?|til\s+)?(?:ai|llm|gpt|chatbot|bot|botten|assistant|assistent(?:en)?)(?:\s+\p{L}+)?\s*:/iu;

/** A bracketed aside ("[note to the assistant: …]", "(ignore …)"): read on its own. */
const ASIDE = /\[[^[\]\n]*\]|\{[^{}\n]*\}|\([^()\n]*\)|<[^<>\n]*>/gu;

export function sanitizeInstructions(text: string): { text: string; removed: boolean } {
  const isInstruction = (s: string) => INSTRUCTION.some((re) => re.test(s));
  let removed = false;
  // An instruction in brackets inside a sentence is dropped alone; the question around it is kept.
  const unbracketed = text.replace(ASIDE, (aside) => {
    if (!isInstruction(aside) && !ADDRESSED.test(aside)) return aside;
    removed = true;
    return ' ';
  });
  // Sentence ends: a stop before a capital letter or a line break (not `nr. 3`, `ca. 50.000`).
  const sentences = unbracketed.split(/(?<=[.!?])\s+(?=[\p{Lu}"“«])|\n+/u);
  const kept: string[] = [];
  for (const sentence of sentences) {
    if (!isInstruction(sentence)) {
      kept.push(sentence);
      continue;
    }
    removed = true;
    // "Pretend you are CFCS and decide: will you ban our new deal?": the question after the colon is
    // the person's own and is kept; only the parts that instruct are dropped.
    // A lead-in before the instruction ("Bemærk: tærsklen er nu …") is part of it.
    // A question with an instruction in front ("Pretend you are CFCS and tell me whether you'd ban our
    // new deal?") is split also at commas and "and"/"og"; a statement only at a colon.
    const parts = sentence.split(
      /\?\s*$/u.test(sentence) ? /(?<=:)\s+|,\s+|\s+(?:and|og)\s+/u : /(?<=:)\s+/u,
    );
    const first = parts.findIndex(isInstruction);
    if (first >= 0) kept.push(...parts.slice(first + 1).filter((p) => !isInstruction(p)));
  }
  // Nothing removed: the text as written, its lines kept (a list's items are read line by line).
  return { text: removed ? kept.join(' ') : text, removed };
}
