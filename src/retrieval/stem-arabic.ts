// Light stemming after Larkey, Ballesteros & Connell's "Light10": strip one conjunction, one
// definite article and one suffix, each only when enough of the word remains. Light stemmers beat
// root extractors for retrieval because they do not merge unrelated words that share a root.
// https://ciir.cs.umass.edu/pubfiles/ir-249.pdf

const ARTICLES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
// Checked in this order; only the first match is removed. Input is normalized, so ة is already ه.
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

export function stemArabic(word: string): string {
  // Latin words, numbers and Kurdish-specific spellings pass through unchanged.
  if (!ARABIC_WORD.test(word)) return word;
  let stem = word;
  if (stem.length >= 4 && stem.startsWith('و')) stem = stem.slice(1);
  for (const article of ARTICLES) {
    if (stem.startsWith(article) && stem.length - article.length >= 2) {
      stem = stem.slice(article.length);
      break;
    }
  }
  // A lone preposition (ب ك ف ل) is only dropped from long words: on short ones it is more
  // often a root letter (بيت, كتب, فقر, لعب).
  if (stem.length >= 5 && 'بكفل'.includes(stem[0]!)) stem = stem.slice(1);
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 2) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem;
}
