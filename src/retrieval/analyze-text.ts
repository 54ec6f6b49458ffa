import { loadAnalysisData } from './load-analysis-data.js';
import { normalizeArabic, tokenize } from './normalize-arabic.js';
import { stemArabic } from './stem-arabic.js';

export interface Analysis {
  /** The normalized text, kept for the conversation log. */
  normalized: string;
  /** Stems of content words, with MSA equivalents of dialect words added. */
  stems: string[];
  /** Adjacent stem pairs (`a_b`): they reward passages that use the question's phrases. */
  pairs: string[];
  /** Character 3- and 4-grams of content words: they still match when a word is misspelled. */
  grams: string[];
}

const GRAM_SIZES = [3, 4];
const BOUNDARY = '_';

function wordGrams(word: string, into: string[]): void {
  const padded = BOUNDARY + word + BOUNDARY;
  for (const size of GRAM_SIZES) {
    if (padded.length <= size) {
      into.push(padded);
      continue;
    }
    for (let i = 0; i + size <= padded.length; i++) into.push(padded.slice(i, i + size));
  }
}

/** Replace Iraqi dialect words and phrases by the word plus its MSA equivalents. */
function expandDialect(tokens: string[], dialect: Map<string, string[]>): string[] {
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const phrase = i + 1 < tokens.length ? dialect.get(`${token} ${tokens[i + 1]}`) : undefined;
    if (phrase) {
      words.push(...phrase);
      i++;
      continue;
    }
    words.push(token);
    const msa = dialect.get(token);
    if (msa) words.push(...msa);
  }
  return words;
}

// Sorani typed on an Arabic or Persian keyboard has no ە ێ ۆ ڵ ڕ: «ژمارهى پوليسى كومهلگا» is
// «ژمارەی پۆلیسی کۆمەڵگا». Words are compared with those letters folded to the Arabic ones, on
// both sides; the rare Sorani pair this merges (کەر / کەڕ) costs retrieval far less than missing
// every Kurdish message typed without them. (The normalized text itself keeps them.)
const SORANI_LETTERS: Record<string, string> = { 'ە': 'ه', 'ێ': 'ي', 'ۆ': 'و', 'ڵ': 'ل', 'ڕ': 'ر', 'ھ': 'ه' };
const SORANI = /[ەێۆڵڕھ]/g;
function foldSoraniLetters(text: string): string {
  return text.replace(SORANI, (ch) => SORANI_LETTERS[ch]!);
}

// Chat spelling stretches letters («شلووون», «معناااه») and doubles the last one («هسهه», «ليشش»).
// Arabic writes a doubled consonant once (with a shadda), so three letters in a row are one. Two at
// the end of a word are one only for the letters chat doubles and written Arabic does not end a word
// with twice (ا و ي ه ش, and Latin: «shgadd», «pleeease»): «عدد», «السبب», «قرر», «حجج» keep theirs.
// Folding every final pair had cost the MSA benchmark 0.0016 of R@1 (`npm run bench:retrieval`,
// pooled-ar 0.8255 -> 0.8239) for 1.2 points of facts on the tunable rounds 3-5 (noisy 69.9% ->
// 77.7%); these letters keep 0.9 of the 1.2 (noisy 75.7%) and the benchmark at 0.8255.
function unstretch(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, '$1').replace(/([a-zاويهش])\1(?=\P{L}|$)/gu, '$1');
}

/**
 * The one analysis applied to documents and queries alike: normalize, tokenize, expand Iraqi
 * dialect words with their MSA equivalents, drop function words, stem, and cut character n-grams.
 * Parameters were chosen with `npm run bench:retrieval` (see README); re-run it after any change.
 */
export function analyzeText(text: string): Analysis {
  const { stopwords, dialect } = loadAnalysisData();
  const normalized = normalizeArabic(text);
  const stems: string[] = [];
  const grams: string[] = [];
  for (const word of expandDialect(tokenize(unstretch(foldSoraniLetters(normalized))), dialect)) {
    if (stopwords.has(word)) continue;
    const stem = stemArabic(word);
    // «بمصطلح» and «والذي» are function words behind a clitic: check the stem too.
    if (stem !== word && stopwords.has(stem)) continue;
    if (stem.length < 2 && !/\d/.test(stem)) continue;
    stems.push(stem);
    // N-grams come from the whole word (article included): measured better than from the stem.
    wordGrams(word, grams);
  }
  const pairs: string[] = [];
  for (let i = 0; i + 1 < stems.length; i++) pairs.push(`${stems[i]}_${stems[i + 1]}`);
  return { normalized, stems, pairs, grams };
}
