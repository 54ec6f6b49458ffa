// Words typed without the space between them («رقمالشرطهالمجتمعيه», «الابتزازالالكتروني»): the
// article «ال» inside a long word usually opens the next word. The pieces are searched beside the
// message (never instead of it): a real word with «ال» inside («احتمالات») only adds a few terms.

// «ال» at least this far into the word, with at least this much after it, marks a seam.
const MIN_BEFORE = 2;
const MIN_AFTER = 3;
const MIN_WORD = 7;

// A piece that is only an article or a preposition with one («الالكتروني» is one word).
const ARTICLES = new Set(['ال', 'بال', 'وال', 'فال', 'كال', 'لل']);

function pieces(word: string): string[] {
  for (let i = MIN_BEFORE; i + 2 + MIN_AFTER <= word.length; i++) {
    if (word[i] === 'ا' && word[i + 1] === 'ل' && !ARTICLES.has(word.slice(0, i))) return [word.slice(0, i), ...pieces(word.slice(i))];
  }
  return [word];
}

/** The pieces of every joined word of `text`, space-separated; '' when there are none. */
export function splitJoinedWords(text: string): string {
  const found: string[] = [];
  for (const word of text.match(/[\u0621-\u064A]+/g) ?? []) {
    if (word.length < MIN_WORD) continue;
    const parts = pieces(word);
    if (parts.length > 1) found.push(...parts);
  }
  return found.join(' ');
}
