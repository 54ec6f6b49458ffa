// The learned urgency signal: a logistic model (urgent or not) and a softmax over the eight
// categories, trained by `npm run train:urgent` (scripts/train-urgent.ts) and shipped as data.
// Its two thresholds were chosen by cross-validation: `possible` catches 98.5% of the labelled
// emergencies, `urgent` raises at most 1% of calm messages on its own.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLinear, sigmoid, softmax, type StoredLinear } from './linear-model.js';
import { messageFeatures } from './message-features.js';
import type { UrgentCategory } from './urgent-categories.js';

interface StoredModel {
  thresholds: { possible: number; urgent: number };
  categories: UrgentCategory[];
  urgent: StoredLinear;
  category: StoredLinear;
}

const stored = JSON.parse(readFileSync(fileURLToPath(new URL('./data/urgent-model.json', import.meta.url)), 'utf8')) as StoredModel;
const urgentModel = loadLinear(stored.urgent);
const categoryModel = loadLinear(stored.category);

export const URGENCY_THRESHOLDS = stored.thresholds;

export interface ModelReading {
  level: 'urgent' | 'possible' | 'calm';
  /** Probability that the message signals danger now. */
  score: number;
  /** The likeliest category, when the message looks urgent at all. */
  category?: UrgentCategory;
}

// A story-first message puts the danger at its end («… وهسه اخوي بلع الحبوب»): a long message is
// also scored on its last words, and the higher score counts.
export const WINDOW_WORDS = 40;

// Beyond this many words the start of a message adds nothing to its reading but time.
const MAX_WORDS = 200;

// A message of one or two words gives the model too little to read (it was trained on sentences);
// the lexicon alone judges those («حريق!», «الحگوني», "help").
export const MIN_WORDS = 3;

export function scoreUrgency(text: string, folded: string): ModelReading {
  if (folded.split(' ').length < MIN_WORDS) return { level: 'calm', score: 0 };
  const head = folded.split(' ', MAX_WORDS).join(' ');
  let slots = messageFeatures(head, head);
  let score = sigmoid(urgentModel.scores(slots)[0]!);
  const words = folded.split(' ');
  if (words.length > WINDOW_WORDS) {
    const tail = words.slice(-WINDOW_WORDS).join(' ');
    const tailSlots = messageFeatures(tail, tail);
    const tailScore = sigmoid(urgentModel.scores(tailSlots)[0]!);
    if (tailScore > score) [score, slots] = [tailScore, tailSlots];
  }
  const { possible, urgent } = stored.thresholds;
  if (score < possible) return { level: 'calm', score };
  const probabilities = softmax(categoryModel.scores(slots));
  const best = probabilities.indexOf(Math.max(...probabilities));
  return { level: score >= urgent ? 'urgent' : 'possible', score, category: stored.categories[best] };
}
