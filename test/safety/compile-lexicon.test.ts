import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileExpression, compileLexicon } from '../../src/safety/compile-lexicon.js';
import { foldForSafety } from '../../src/safety/fold-for-safety.js';
import { URGENT_LEXICON } from '../../src/safety/urgent-lexicon.js';
import * as context from '../../src/safety/urgent-context.js';

// The screen before each list's expression must never change an answer, only its cost: every
// labelled message (and each message cut at every word, so that phrases meet the string's ends) is
// tested by the screened list and by its bare expression.
const messages = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return messages(path);
    if (!name.endsWith('.jsonl')) return [];
    return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { q?: unknown }).q).filter((q): q is string => typeof q === 'string');
  });

describe('compileLexicon', () => {
  const lists = [
    ...Object.values(URGENT_LEXICON).flatMap((tiers) => [tiers.always, tiers.strong, tiers.weak]),
    ...Object.values(context).filter((v): v is string[] => Array.isArray(v)),
  ].map((phrases) => ({ lexicon: compileLexicon(phrases), bare: compileExpression(phrases) }));
  const folded = ['test/eval', 'test/eval-blind', 'test/eval-sources-2', 'test/eval-sources-3', 'test/eval-sources-4', 'test/eval-sources-5'].flatMap(messages).map((q) => foldForSafety(q));
  const texts = [...new Set(folded.flatMap((text) => {
    const words = text.split(' ');
    return [text, ...words.map((_, i) => words.slice(i).join(' ')), ...words.map((_, i) => words.slice(0, i + 1).join(' '))];
  }))];

  it('matches exactly what its bare expression matches, on every labelled message', () => {
    expect(texts.length).toBeGreaterThan(5000);
    let matches = 0;
    const differences: string[] = [];
    for (const text of texts) {
      for (const { lexicon, bare } of lists) {
        const expected = bare.test(text);
        if (expected) matches++;
        if (lexicon.test(text) !== expected) differences.push(text);
      }
    }
    expect(differences).toEqual([]);
    // Not a vacuous comparison: the lists do match the emergencies.
    expect(matches).toBeGreaterThan(1000);
  });

  it('finds a phrase after proclitics and a `word*` phrase by the start of a longer word', () => {
    const lexicon = compileLexicon(['حريق', 'مسدس* ~ يهدد']);
    expect(lexicon.test(foldForSafety('والحريق بالبيت'))).toBe(true);
    expect(lexicon.test(foldForSafety('مسدساته بيده وهو يهدد'))).toBe(true);
    expect(lexicon.test(foldForSafety('حريقه'))).toBe(false);
    expect(lexicon.test(foldForSafety('يهدد بمسدس'))).toBe(false);
  });
});
