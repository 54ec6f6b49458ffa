import { describe, expect, it } from 'vitest';
import { composeAnswer } from '../../src/answering/compose-answer.js';
import { evaluateAnswers, foldForGrading } from '../../src/answering/evaluate-answers.js';
import { shippedEngine } from '../support/knowledge-app.js';
import { runCli } from '../support/run-cli.js';

describe('grading by the fact in the answer text', () => {
  it('folds hamza forms, ta marbuta, alef maqsura, diacritics and Arabic-Indic digits before matching', () => {
    expect(foldForGrading('المادةُ ٤٠ إلى مستشفى')).toBe('الماده 40 الي مستشفي');
  });

  it('counts an answer that carries the fact, not one that only shares the topic, and never a fallback', async () => {
    const { answerQuestion, translate } = await shippedEngine();
    const textOf = (a: Parameters<typeof composeAnswer>[0]) => composeAnswer(a, translate(a.uiLanguage), { sources: false });
    const m = evaluateAnswers(
      answerQuestion,
      [
        { q: 'اذا ابني يتعاطى واخذته للعلاج راح يحبسوه؟', kind: 'dialect', fact: 'من تلقاء نفسه' },
        { q: 'اذا ابني يتعاطى واخذته للعلاج راح يحبسوه؟', kind: 'dialect', fact: 'ثلاثين يوما' },
        { q: 'شلون اطبخ دولمه', kind: 'msa', fact: 'دولمه' },
      ],
      textOf,
    );
    expect(m.facts).toEqual({ graded: 3, carried: 1 / 3, byKind: { dialect: [1, 2], msa: [0, 1] }, oneTap: 1 / 3 });
  });

  it('counts a fact one tap away when a suggestion under a fallback carries it, and only then', async () => {
    const { answerQuestion, translate } = await shippedEngine();
    const textOf = (a: Parameters<typeof composeAnswer>[0]) => composeAnswer(a, translate(a.uiLanguage), { sources: false });
    const question = 'اذا المتعاطي اجه للعلاج بنفسه يفرق عن اللي ينلزم بالسيطرة؟';
    const items = [
      { q: question, kind: 'dialect', fact: 'لا تقام الدعوي' },
      { q: question, kind: 'dialect', fact: 'دولمه' },
    ];
    // What the buttons would show: here, a stand-in that quotes Article 40 for the first suggestion.
    const suggested = (a: Parameters<typeof composeAnswer>[0]) => (a.kind === 'fallback' ? a.suggestions.map((s, i) => (i === 0 ? `${s.title}: لا تُقام الدعوى` : s.title)) : []);
    const m = evaluateAnswers(answerQuestion, items, textOf, suggested);
    expect(m.facts).toMatchObject({ carried: 0, oneTap: 1 / 2 });
    expect(evaluateAnswers(answerQuestion, items, textOf).facts.oneTap).toBe(0);
  });

  it('refuses to list the misses of a sealed half', async () => {
    const result = await runCli('src/cli/eval.ts', ['--questions', 'test/eval-sources-2/sealed', '--misses']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sealed/);
  });
});
