import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerQuestion } from '../../src/answering/answer-question.js';
import { composeAnswer } from '../../src/answering/compose-answer.js';
import type { Translate } from '../../src/i18n/create-i18n.js';
import { createAnswerQuestion } from '../../src/answering/answer-question.js';
import { openDatabase } from '../../src/database/open-database.js';
import { indexKnowledge } from '../../src/knowledge/index-knowledge.js';
import { createLogger } from '../../src/logger.js';
import { shippedEngine, type ShippedEngine } from '../support/knowledge-app.js';
import { entryFile, tempDir } from '../support/temp-dir.js';

let answerQuestion: AnswerQuestion;
let translate: Translate;
let contractOf: ShippedEngine['contractOf'];
beforeAll(async () => ({ answerQuestion, translate, contractOf } = await shippedEngine()));

describe('answerQuestion on the shipped knowledge', () => {
  it('puts 911 first for a message that signals danger, with the approved advice and its source', () => {
    const contract = contractOf('اريد انتحر');
    expect(contract).toMatchObject({ urgent: true, fallback: false, topic: 'emergency', confidence: 1 });
    expect(contract.answer.split('\n')[0]).toContain('911');
    expect(contract.sources[0]).toMatchObject({ id: 'emergency-urgent-suicide' });
  });

  it('lists under the advice only the sources its sentences cite', () => {
    const titles = contractOf('اريد انتحر').sources.map((s) => s.title);
    expect(titles.some((t) => t.includes('الصحة العالمية'))).toBe(true);
    // Cited only by the details, which the citizen is not shown.
    expect(titles.some((t) => t.includes('مدير الشرطة المجتمعية'))).toBe(false);
  });

  it('answers the question at the end of a long story, not the story', () => {
    const story = 'صديقي يشتغل بمحل موبايلات وكل يوم يجي زباين يسألون عن شغلات غريبة وهو يكول انه ملّ من الشغل ويريد يغير مهنته، رقم الطوارئ بالعراق شكد؟';
    const contract = contractOf(story);
    expect(contract.kind).toBe('answered');
    expect(contract.answer).toMatch(/911/);
  });

  it('answers a two-word question with the entry\'s lead, not a side paragraph', () => {
    // «سجن المتعاطي» asks for the penalty, which the lead gives; a later paragraph only discusses
    // which article holds it.
    expect(contractOf('سجن المتعاطي').answer).toMatch(/لا تقل عن سنة ولا تزيد على ثلاث سنوات/);
    expect(contractOf('علاج الادمان').answer).toMatch(/مستشفيات ومراكز حكومية/);
  });

  it('answers "since when" with the paragraph that holds the date, then the lead for context', () => {
    const answer = answerQuestion('متى أطلقت وزارة الداخلية خط الطوارئ الموحد 911؟');
    expect(answer.kind).toBe('answered');
    const text = composeAnswer(answer, translate('ar'), { sources: false });
    const date = text.indexOf('9 كانون الثاني 2025');
    const lead = text.indexOf('مجاني بالكامل');
    expect(date).toBeGreaterThan(-1);
    // The date first (what was asked), then what 911 is (free, 24 hours), not the date alone.
    expect(lead).toBeGreaterThan(date);
    expect(contractOf('متى أطلقت وزارة الداخلية خط الطوارئ الموحد 911؟').sources.length).toBeLessThanOrEqual(2);
  });

  it('offers the entries that came close under a fallback, never under an answer or a plainly unrelated message', () => {
    const near = contractOf('اذا المتعاطي اجه للعلاج بنفسه يفرق عن اللي ينلزم بالسيطرة؟');
    expect(near).toMatchObject({ kind: 'fallback', fallback: true });
    expect(near.suggestions.map((s) => s.id)).toContain('drugs-treatment-no-prosecution');
    expect(near.suggestions.length).toBeLessThanOrEqual(2);
    expect(near.answer).toContain('ربما تقصد');
    expect(contractOf('شلون اطبخ دولمه').suggestions).toEqual([]);
    expect(contractOf('سجن المتعاطي').suggestions).toEqual([]);
  });

  it('puts 911 first in English and in Kurdish too', () => {
    expect(contractOf('I want to kill myself').answer.split('\n')[0]).toMatch(/^🚨 If you .*911/);
    expect(contractOf('دەمەوێت خۆم بکوژم').answer.split('\n')[0]).toMatch(/^🚨 ئەگەر.*911/);
  });

  it('answers a question about a dangerous subject as a question, not an emergency', () => {
    expect(contractOf('شنو عقوبة الابتزاز الالكتروني')).toMatchObject({ urgent: false });
  });

  it('answers a parent asking about treatment from Article 40 of the drug law', () => {
    const contract = contractOf('اذا ابني يتعاطى واخذته للعلاج راح يحبسوه؟');
    expect(contract).toMatchObject({ fallback: false, urgent: false, topic: 'drugs' });
    expect(contract.sources[0]).toMatchObject({ id: 'drugs-treatment-no-prosecution' });
    expect(contract.answer).toMatch(/40/);
  });

  it('gives 911 for the old community-police number 497, saying it is the former one', () => {
    const contract = contractOf('رقم الشرطه المجتمعيه 497 بعده يشتغل؟');
    expect(contract).toMatchObject({ fallback: false, urgent: false });
    expect(contract.answer).toContain('911');
    expect(contract.answer).toMatch(/497/);
  });

  it('answers a dialect question about the minister from the founding text, with its source', () => {
    const result = contractOf('منو وزير الداخليه');
    expect(result.fallback).toBe(false);
    expect(result.answer).toContain('الشمري');
    expect(result.topic).toBe('police');
    expect(result.sources[0]?.url).toMatch(/^https:\/\//);
    expect(result.answer).toContain(result.sources[0]!.url!);
  });

  it('explains community security from the campaign text and cites it', () => {
    const answer = answerQuestion('شنو يعني الامن المجتمعي؟');
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    expect(answer.entry.topic).toBe('security');
    expect(composeAnswer(answer, translate('ar'))).toMatch(/المصدر: .+/);
  });

  it('falls back honestly, with the topics and 911, when nothing approved answers', () => {
    const result = contractOf('شلون اطبخ دولمه');
    expect(result.fallback).toBe(true);
    expect(result.sources).toEqual([]);
    expect(result.topic).toBeNull();
    expect(result.answer).toContain('ليس لديّ جواب معتمد');
    expect(result.answer).toContain('911');
    expect(result.answer).toContain('الشرطة المجتمعية');
  });

  it('falls back in English for an English question it cannot answer', () => {
    const result = contractOf('what is the capital of France');
    expect(result.language).toBe('en');
    expect(result.fallback).toBe(true);
    expect(result.answer).toMatch(/^I have no approved answer/);
    expect(result.answer).toContain('911');
  });

  it('answers an English reader in English, says it is a translation, and keeps the Arabic original', () => {
    const answer = answerQuestion('What is the emergency number in Iraq? 911');
    const text = composeAnswer(answer, translate(answer.uiLanguage));
    expect(answer.kind).toBe('answered');
    if (answer.kind !== 'answered') return;
    expect(answer.untranslated).toBe(false);
    expect(text.split('\n')[0]).toMatch(/^[A-Za-z].*911/);
    expect(text).toContain('Translation pending review by a native speaker.');
    expect(answer.original).toMatch(/[\u0600-\u06FF].*911|911.*[\u0600-\u06FF]/s);
  });

  it('falls back to the Arabic text, saying so, when an entry has no translation yet', async () => {
    const dir = tempDir({ 'police/a.md': entryFile({ questions: '\n  - "من يحمي الحي"' }, 'الشرطة المجتمعية تحمي الحي.\n\nتفاصيل.') });
    const knowledge = indexKnowledge(openDatabase(':memory:'), dir, createLogger('silent'));
    const answer = createAnswerQuestion({ knowledge, threshold: 0 })('من يحمي الحي', { uiLanguage: 'en' });
    const text = composeAnswer(answer, translate('en'));
    expect(answer.kind).toBe('answered');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['The answer is in Arabic, from our verified sources:', 'الشرطة المجتمعية تحمي الحي.']));
    expect(text).not.toContain('Translation pending review');
  });

  it('reports a confidence in 0..1 that is higher for an answer than for a fallback', () => {
    const good = contractOf('منو وزير الداخليه').confidence;
    const bad = contractOf('شلون اطبخ دولمه').confidence;
    for (const c of [good, bad]) expect(c).toBeGreaterThanOrEqual(0), expect(c).toBeLessThanOrEqual(1);
    expect(good).toBeGreaterThan(bad);
  });
});

describe('answerQuestion on bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t  '],
    ['emoji only', '😀🙏🇮🇶'],
    ['punctuation only', '؟؟؟!!!'],
  ])('asks for a question in words when the message is %s', (_name, text) => {
    const answer = answerQuestion(text);
    expect(answer.kind).toBe('empty');
    expect(composeAnswer(answer, translate(answer.uiLanguage))).toBe(translate('ar')('empty'));
  });

  it('answers a 10,000-character message quickly and without crashing', () => {
    const text = 'منو وزير الداخليه '.repeat(560).slice(0, 10_000);
    const started = performance.now();
    const result = contractOf(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.answer.length).toBeGreaterThan(0);
    expect(result.answer).toContain('الشمري');
  });

  it('gives a Latin-only question that is not English words a fallback, not a crash', () => {
    const result = contractOf('xq zzv 123 qqq');
    expect(result.fallback).toBe(true);
    expect(result.answer).toContain('911');
  });
});
