// Danger first (DESIGN.md, "Safety first"): runs before retrieval, offline, in well under a
// millisecond, with no LLM and no network. Lexicon and tiers: urgent-lexicon.ts.
import { compileLexicon } from './compile-lexicon.js';
import { foldForSafety } from './fold-for-safety.js';
import { URGENT_CATEGORIES, type UrgentCategory } from './urgent-categories.js';
import { CRIES_FOR_HELP, FIGURES_OF_SPEECH, IMMEDIACY, JUST_ASKING, LONG_PAST, NOT_AN_EMERGENCY, ONGOING, PLEAS } from './urgent-context.js';
import { URGENT_LEXICON } from './urgent-lexicon.js';

export type UrgentSignal =
  | { urgent: false }
  /** `unspecified`: a bare cry for help («الحگوني») that names no danger. */
  | { urgent: true; category: UrgentCategory | 'unspecified' };

const compiled = URGENT_CATEGORIES.map((category) => ({
  category,
  always: compileLexicon(URGENT_LEXICON[category].always),
  strong: compileLexicon(URGENT_LEXICON[category].strong),
  weak: compileLexicon(URGENT_LEXICON[category].weak),
}));
const cry = compileLexicon(CRIES_FOR_HELP);
const now = compileLexicon(IMMEDIACY);
const plea = compileLexicon(PLEAS);
const framing = compileLexicon(NOT_AN_EMERGENCY);
const longPast = compileLexicon(LONG_PAST);
const ongoing = compileLexicon(ONGOING);
const justAsking = compileLexicon(JUST_ASKING);
const figureOfSpeech = compileLexicon(FIGURES_OF_SPEECH);

/** A subject named on its own («حريق», "fire!") is a report, not a question. */
const BARE_WORDS = 2;

export function detectUrgent(text: string): UrgentSignal {
  const folded = foldForSafety(text);
  if (!folded) return { urgent: false };
  // «قبل سنتين … وهسه بخير»: a «now» next to the long past is about today's question, unless the
  // danger is back («وهسه رجع يهددني»).
  const past = longPast.test(folded) && !ongoing.test(folded);
  const happeningNow = now.test(folded) && !past;
  // The long past, saying the question is general, or joking outweigh even first-person danger
  // words, but not a sign of now; a bare cry for help still counts.
  if (!happeningNow && (past || justAsking.test(folded) || figureOfSpeech.test(folded))) {
    return cry.test(folded) ? { urgent: true, category: 'unspecified' } : { urgent: false };
  }
  const aboutTheSubject = framing.test(folded) || past;
  const pleading = plea.test(folded) && !aboutTheSubject;
  const bare = folded.split(' ').length <= BARE_WORDS;

  for (const c of compiled) if (c.always.test(folded)) return { urgent: true, category: c.category };
  if (happeningNow || !aboutTheSubject) {
    for (const c of compiled) if (c.strong.test(folded)) return { urgent: true, category: c.category };
  }
  if (happeningNow || pleading || (bare && !aboutTheSubject)) {
    for (const c of compiled) if (c.weak.test(folded)) return { urgent: true, category: c.category };
  }
  if (cry.test(folded)) return { urgent: true, category: 'unspecified' };
  return { urgent: false };
}
