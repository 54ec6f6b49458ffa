// Danger first (DESIGN.md, "Safety first"): runs before retrieval, offline, in well under a
// millisecond, with no LLM and no network. Two signals decide it together:
//   - the reviewed lexicon and its tiers (urgent-lexicon.ts, urgent-context.ts), which say exactly
//     why a message is urgent, and
//   - a learned model (urgent-model.ts) over character and word features, trained on every labelled
//     message, which generalises to phrasings, scripts and spellings nobody listed.
// Three outcomes: urgent (911 first, the category's advice, an urgent flag), possibly urgent (the
// normal answer with a line of 911 on top and a flag for moderators to look at), and calm. A missed
// emergency costs far more than an extra line: when either signal sees danger, it is at least
// possibly urgent.
import { compileExpression, compileLexicon } from './compile-lexicon.js';
import { foldForSafety } from './fold-for-safety.js';
import { URGENT_CATEGORIES, type UrgentCategory } from './urgent-categories.js';
import { CRIES_FOR_HELP, FIGURES_OF_SPEECH, IMMEDIACY, JUST_ASKING, LONG_PAST, NOT_AN_EMERGENCY, ONGOING, PLEAS } from './urgent-context.js';
import { URGENT_LEXICON } from './urgent-lexicon.js';
import { MIN_WORDS, scoreUrgency, URGENCY_THRESHOLDS, WINDOW_WORDS } from './urgent-model.js';

export type UrgentSignal =
  /** `unspecified`: a cry for help («الحگوني») or a danger the model sees that names no category. */
  | { level: 'urgent'; category: UrgentCategory | 'unspecified' }
  | { level: 'possible'; category?: UrgentCategory }
  | { level: 'calm' };

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

type LexiconReading =
  /** The tiers say urgent: `always`, or `strong`/`weak` with nothing framing it as a question. */
  | { verdict: 'urgent'; tier: 'always' | 'strong' | 'weak' | 'cry'; category: UrgentCategory | 'unspecified' }
  /** A danger phrase, but framed (the law, prevention, the past, a joke): not urgent by itself. */
  | { verdict: 'framed'; category: UrgentCategory }
  | { verdict: 'none' };

// Laughter is read on the raw message (folding drops emoji and collapses «ههههه»): «ابويه راح
// يكتلني اذا شاف فاتورة النت 😂» is a joke. It frames the message like a figure of speech, so a
// danger phrase beside it is at most possibly urgent (911 still on top), and a sign of now still
// makes it urgent.
const LAUGHTER = /[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F639}\u{1F61C}\u{1F61D}]|(^|[^\p{L}])ه{3,}(?=$|[^\p{L}])|(^|[^\p{L}])(ha){2,}h?(?=$|[^\p{L}])/iu;

function readLexicon(folded: string, joking = false): LexiconReading {
  const found = new Map<'always' | 'strong' | 'weak', UrgentCategory | undefined>();
  const firstMatch = (tier: 'always' | 'strong' | 'weak') => {
    if (!found.has(tier)) found.set(tier, compiled.find((c) => c[tier].test(folded))?.category);
    return found.get(tier);
  };
  // «قبل سنتين … وهسه بخير»: a «now» next to the long past is about today's question, unless the
  // danger is back («وهسه رجع يهددني»).
  const past = longPast.test(folded) && !ongoing.test(folded);
  const happeningNow = now.test(folded) && !past;
  const crying = cry.test(folded);
  // The long past, saying the question is general, or joking outweigh even first-person danger
  // words, but not a sign of now; a bare cry for help still counts.
  if (!happeningNow && (past || joking || justAsking.test(folded) || figureOfSpeech.test(folded))) {
    if (crying) return { verdict: 'urgent', tier: 'cry', category: 'unspecified' };
    const named = firstMatch('always') ?? firstMatch('strong') ?? firstMatch('weak');
    return named ? { verdict: 'framed', category: named } : { verdict: 'none' };
  }
  const aboutTheSubject = framing.test(folded) || past;
  const pleading = plea.test(folded) && !aboutTheSubject;
  const bare = folded.split(' ').length <= BARE_WORDS;

  const always = firstMatch('always');
  if (always) return { verdict: 'urgent', tier: 'always', category: always };
  const strong = firstMatch('strong');
  if (strong && (happeningNow || !aboutTheSubject)) return { verdict: 'urgent', tier: 'strong', category: strong };
  const weak = firstMatch('weak');
  if (weak && (happeningNow || pleading || (bare && !aboutTheSubject))) return { verdict: 'urgent', tier: 'weak', category: weak };
  if (crying) return { verdict: 'urgent', tier: 'cry', category: 'unspecified' };
  const framed = strong ?? weak;
  return framed ? { verdict: 'framed', category: framed } : { verdict: 'none' };
}

// "Help me write an essay about fire safety" asks for help with a task, not for rescue.
const HELP_WITH_A_TASK = compileExpression(['help me|help us|ساعدوني|ساعدني ~ write|with|understand|find|choose|learn|know|make|translate|solve|do my|اكتب|افهم|اختار|احل|اترجم|بالواجب|بالبحث'], 'gu');

export function detectUrgent(text: string): UrgentSignal {
  const folded = foldForSafety(text).replace(HELP_WITH_A_TASK, ' ').trim();
  if (!folded) return { level: 'calm' };
  const lexicon = readLexicon(folded, LAUGHTER.test(text));
  const model = scoreUrgency(text, folded);
  if (lexicon.verdict === 'urgent') {
    // A cry for help stands on its own. A danger phrase that the model, trained on thousands of
    // calm messages sharing its words, finds calm is still shown 911 but answered: «شنو لازم اسوي
    // حتى ما يصير حريق بالبيت» is not a fire.
    // First-person danger (`always`) needs the model to be all but certain it is calm (a third of
    // its possibly-urgent threshold: no labelled emergency scored that low) before it is doubted.
    // Only a message the model reads whole (three words to a paragraph) is doubted this way.
    const words = folded.split(' ').length;
    const short = words >= MIN_WORDS && words <= WINDOW_WORDS;
    const doubted = short && (lexicon.tier === 'always' ? model.score < URGENCY_THRESHOLDS.possible / 3 : model.level === 'calm');
    if (lexicon.tier === 'cry' || !doubted) return { level: 'urgent', category: lexicon.category };
    return { level: 'possible', ...(lexicon.category === 'unspecified' ? {} : { category: lexicon.category }) };
  }
  // Framed by the lexicon as a question about the subject (the law, the news, prevention, the past,
  // a hypothetical, a joke): at most possibly urgent, whatever the model says.
  if (lexicon.verdict === 'framed') return { level: 'possible', category: lexicon.category };
  if (model.level === 'urgent') return { level: 'urgent', category: model.category ?? 'unspecified' };
  if (model.level === 'possible') return { level: 'possible', ...(model.category ? { category: model.category } : {}) };
  return { level: 'calm' };
}
