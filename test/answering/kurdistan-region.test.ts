// Whether 911 works inside the Kurdistan Region is not established (../shared/sources/08 §1.1), and
// the Region publicises numbers of its own. Every emergency reply must give a person there something
// to call, in Arabic and in Kurdish, and must not claim that 911 covers the Region.
import { beforeAll, describe, expect, it } from 'vitest';
import { answerWithEntry } from '../../src/answering/answer-with-entry.js';
import { createAnswerQuestion, type AnswerQuestion } from '../../src/answering/answer-question.js';
import { composeAnswer } from '../../src/answering/compose-answer.js';
import { openDatabase } from '../../src/database/open-database.js';
import { createI18n, type Translate } from '../../src/i18n/create-i18n.js';
import { indexKnowledge, type KnowledgeIndex } from '../../src/knowledge/index-knowledge.js';
import { createLogger } from '../../src/logger.js';
import { renderAnswerHtml } from '../../src/bot/render-answer.js';

let knowledge: KnowledgeIndex;
let answerQuestion: AnswerQuestion;
let translate: Translate;
beforeAll(async () => {
  knowledge = indexKnowledge(openDatabase(':memory:'), 'knowledge', createLogger('silent'));
  answerQuestion = createAnswerQuestion({ knowledge });
  translate = await createI18n();
});

// A Region number, and the plain statement that 911 is not confirmed there, in either language.
const REGION_NUMBER = /(?<!\d)(122|115|119|066106)(?!\d)/;
const NOT_CONFIRMED = /لم نجد تأكيداً رسمياً بأن 911 يعمل داخل (الإقليم|إقليم كوردستان)|پشتڕاستکردنەوەیەکی فەرمیمان نەدۆزیوەتەوە کە 911/;
// A sentence saying 911 works in the Region is a claim unless it is the statement that nothing confirms it.
const SAYS_911_WORKS_THERE = /911[^.\n]*(يعمل|متاح)[^.\n]*(في|داخل) (إقليم كوردستان|الإقليم|أربيل|السليمانية|دهوك)/;

function expectRegionNamed(text: string) {
  expect(text).toMatch(REGION_NUMBER);
  expect(text).toMatch(NOT_CONFIRMED);
  const claims = text.split(/[.\n]/).filter((s) => SAYS_911_WORKS_THERE.test(s) && !s.includes('لم نجد'));
  expect(claims).toEqual([]);
}

const dangerMessages = {
  ar: {
    suicide: 'اريد انتحر',
    overdose: 'ابني بلع حبوب هواية وهسه فاقد الوعي',
    violence: 'زوجي ديضربني هسه',
    weapons: 'اكو واحد يرمي رصاص بالشارع هسه',
    fire: 'حريق بالبيت الحگوني',
    kidnapping: 'خطفوا بنتي هسه من باب المدرسة',
    'sexual-violence': 'واحد اغتصبني قبل شوية',
    blackmail: 'واحد يهددني ينشر صوري اليوم اذا ما ادفع',
  },
  ckb: {
    suicide: 'دەمەوێت خۆم بکوژم',
    violence: 'مێردەکەم ئێستا لێم دەدات',
    fire: 'ئاگر لە ماڵەکەمان کەوتووەتەوە یارمەتی',
  },
} as const;

describe('the Kurdistan Region in every emergency reply', () => {
  it.each(Object.entries(dangerMessages.ar))('an urgent message about %s, in Arabic, names the Region’s numbers and says 911 is unconfirmed there', (category, message) => {
    const answer = answerQuestion(message);
    expect(answer).toMatchObject({ kind: 'urgent', category });
    expectRegionNamed(composeAnswer(answer, translate('ar')));
    expectRegionNamed(renderAnswerHtml(answer, translate('ar')));
  });

  it.each(Object.entries(dangerMessages.ckb))('an urgent message about %s, in Kurdish, gets the Region’s numbers in Kurdish', (category, message) => {
    const answer = answerQuestion(message);
    expect(answer).toMatchObject({ kind: 'urgent', category, uiLanguage: 'ckb' });
    const text = composeAnswer(answer, translate('ckb'));
    expect(text.split('\n')[1]).toMatch(/هەرێمی کوردستان.*122.*115.*119/);
    expectRegionNamed(text);
  });

  it('an urgent cry with no category still names the Region’s numbers', () => {
    const answer = answerQuestion('الحگوني');
    expect(answer).toMatchObject({ kind: 'urgent', category: 'unspecified' });
    expectRegionNamed(composeAnswer(answer, translate('ar')));
  });

  it('every emergency entry that tells people to call 911 names the Region’s numbers in the part that is shown', () => {
    const callers = [...knowledge.entries.values()].filter((e) => e.topic === 'emergency' && e.passages[0]!.text.includes('911'));
    expect(callers.length).toBeGreaterThanOrEqual(15);
    for (const entry of callers) {
      for (const language of ['ar', 'ckb'] as const) {
        const text = composeAnswer(answerWithEntry(knowledge, entry.id, language)!, translate(language));
        try {
          expectRegionNamed(text);
        } catch (error) {
          throw new Error(`${entry.id} (${language}): ${(error as Error).message}`);
        }
      }
    }
  });

  it.each([
    ['ar', 'شنو رقم الطوارئ بالعراق'],
    ['ar', 'رقم الاسعاف شكد'],
    ['ckb', 'ژمارەی فریاکەوتن لە عێراق چەندە؟'],
    ['ckb', 'ژمارەکانی فریاکەوتن لە هەرێمی کوردستان چین؟'],
  ])('asked for the emergency number (%s: %s), the answer names the Region’s numbers', (language, question) => {
    const answer = answerQuestion(question);
    expect(answer).toMatchObject({ kind: 'answered', uiLanguage: language });
    expectRegionNamed(composeAnswer(answer, translate(language as 'ar' | 'ckb')));
  });

  it('the “no approved answer” reply gives the Region’s numbers beside 911', () => {
    const answer = answerQuestion('شلون اطبخ دولمه');
    expect(answer.kind).toBe('fallback');
    expectRegionNamed(composeAnswer(answer, translate('ar')));
    expectRegionNamed(composeAnswer({ ...answer, uiLanguage: 'ckb' }, translate('ckb')));
  });
});
