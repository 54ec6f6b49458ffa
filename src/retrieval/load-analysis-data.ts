import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeArabic, tokenize } from './normalize-arabic.js';

// The stopword list and dialect lexicon are reviewed data files, not code: linguists can edit them
// without touching the analyzer. They are read once, at first use.
const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));
const FILES = ['stopwords-ar.txt', 'iraqi-dialect.tsv'];

/** A data file's lines, trimmed, without blank lines and `#` comments. */
export function dataLines(file: string): string[] {
  return readFileSync(DATA_DIR + file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export interface AnalysisData {
  stopwords: Set<string>;
  /** Normalized dialect word or phrase → normalized MSA tokens added beside it. */
  dialect: Map<string, string[]>;
}

let cached: AnalysisData | undefined;

export function loadAnalysisData(): AnalysisData {
  if (cached) return cached;
  const stopwords = new Set(dataLines('stopwords-ar.txt').map(normalizeArabic));
  const dialect = new Map<string, string[]>();
  for (const line of dataLines('iraqi-dialect.tsv').slice(1)) {
    const [word, msa] = line.split('\t');
    if (!word || !msa) continue;
    dialect.set(tokenize(normalizeArabic(word)).join(' '), tokenize(normalizeArabic(msa)));
  }
  cached = { stopwords, dialect };
  return cached;
}

/** Changes whenever a data file changes: part of the index's content hash. */
export function analysisDataHash(): string {
  const hash = createHash('sha256');
  for (const file of FILES) hash.update(readFileSync(DATA_DIR + file));
  return hash.digest('hex');
}
