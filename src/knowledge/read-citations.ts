// An entry's body says which of its sources supports which sentence, with footnote markers after
// the sentence: `اتصل فوراً بـ911.[^1]` or `[^1,3]` (1-based positions in `sources:`). Citizens
// never see the markers: they are stripped from the text that is indexed and shown, and an answer
// lists only the sources its passage cites (all of them when the passage cites none).

export interface Passage {
  /** The paragraph as a citizen sees it: markers removed, whitespace collapsed. */
  text: string;
  /** 0-based positions in the entry's `sources:` cited anywhere in the paragraph, in order. */
  sources: number[];
}

export interface CitationProblem {
  field: string;
  message: string;
}

const MARKER = /\s?\[\^(\d+(?:\s*,\s*\d+)*)\]/g;
// A sentence ends at . ! ? or ؟ and any markers that follow it.
const SENTENCE_END = /(?<=[.!?؟](?:\[\^[\d,\s]+\])*)\s+/;

const paragraphs = (body: string) => body.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);

function citedIn(text: string): number[] {
  return [...text.matchAll(MARKER)].flatMap((m) => m[1]!.split(',').map((n) => Number(n.trim())));
}

/** Removes citation markers from text meant for reading or indexing. */
export const stripCitations = (text: string) => text.replace(MARKER, '');

/**
 * Splits a body into paragraphs with the sources each cites, and reports markers that point past
 * the source list. With `everySentence`, the first paragraph must cite a source in each sentence:
 * the advice shown to a person in danger is sourced claim by claim.
 */
export function readCitations(body: string, sourceCount: number, everySentence = false): { passages: Passage[]; problems: CitationProblem[] } {
  const problems: CitationProblem[] = [];
  const passages = paragraphs(body).map((raw, i) => {
    const cited = citedIn(raw);
    for (const n of new Set(cited)) {
      if (n < 1 || n > sourceCount) {
        problems.push({ field: 'body', message: `paragraph ${i + 1} cites [^${n}] but the entry has ${sourceCount} source(s)` });
      }
    }
    return { text: stripCitations(raw).trim(), sources: [...new Set(cited)].filter((n) => n >= 1 && n <= sourceCount).map((n) => n - 1) };
  });
  if (everySentence && passages.length) {
    const lead = paragraphs(body)[0]!;
    for (const sentence of lead.split(SENTENCE_END)) {
      if (citedIn(sentence).length === 0) {
        problems.push({ field: 'body', message: `the advice sentence «${stripCitations(sentence).slice(0, 60)}» cites no source: end it with [^n]` });
      }
    }
  }
  return { passages, problems };
}
