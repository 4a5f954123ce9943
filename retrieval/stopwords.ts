/**
 * Stop words: the Snowball project's Danish and English lists
 * (https://snowballstem.org/algorithms/danish/stop.txt, .../english/stop.txt), lower case; `before`
 * and `after` are kept as content words (they decide which agreements the act reaches).
 */
export const DANISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde
  ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind
  når være dog noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende
  mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan`
    .split(/\s+/)
    .filter(Boolean)
    // Additions: informal question words that carry no content.
    .concat(
      'vores jeres hvordan hvilke hvilken hvornår hvorfor kan får få bare lige så nogen alligevel mv'.split(
        ' ',
      ),
    ),
);

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `i me my myself we us our ours ourselves you your yours yourself yourselves he him his himself she her
  hers herself it its itself they them their theirs themselves what which who whom this that these those
  am is are was were be been being have has had having do does did doing would should could ought i'm
  you're he's she's it's we're they're i've you've we've they've i'd you'd he'd she'd we'd they'd i'll
  you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't
  didn't won't wouldn't shan't shouldn't can't cannot couldn't mustn't let's that's who's what's here's
  there's when's where's why's how's a an the and but if or because as until while of at by for with
  about against between into through during above below to from up down in out on off over
  under again further then once here there when where why how all any both each few more most other some
  such no nor not only own same so than too very can will just`
    .split(/\s+/)
    .filter(Boolean)
    // Additions: informal question words that carry no content.
    .concat("we'd we're us does also anything something there's get".split(' ')),
);
