// The learned signal beside BM25: a softmax over the entries on hashed character and word features,
// trained by `npm run train:entries` (scripts/train-entry-model.ts) and shipped as data. It learns
// which spellings, dialect words and phrasings point to which entry, beyond the words an entry uses.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldForSafety } from '../safety/fold-for-safety.js';
import { loadLinear, softmax, type StoredLinear } from '../safety/linear-model.js';
import { messageFeatures } from '../safety/message-features.js';

interface StoredEntryModel {
  knowledgeHash: string;
  entries: string[];
  model: StoredLinear;
}

export interface EntryModel {
  /** The entries the model knows, in the order of `probabilities`. */
  entries: string[];
  /** Probability of each entry the model knows, for a question. */
  probabilities(text: string): number[];
  /** Whether the knowledge base changed since the model was trained. */
  stale: boolean;
}

const FILE = fileURLToPath(new URL('./data/entry-model.json', import.meta.url));

export function loadEntryModel(knowledgeHash: string): EntryModel | undefined {
  if (!existsSync(FILE)) return undefined;
  const stored = JSON.parse(readFileSync(FILE, 'utf8')) as StoredEntryModel;
  const model = loadLinear(stored.model);
  return {
    stale: stored.knowledgeHash !== knowledgeHash,
    entries: stored.entries,
    probabilities: (text) => softmax(model.scores(messageFeatures(text, foldForSafety(text)))),
  };
}
