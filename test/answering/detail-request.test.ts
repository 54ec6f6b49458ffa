import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerQuestion } from '../../src/answering/answer-question.js';
import { detailAsked } from '../../src/answering/detect-detail-request.js';
import { shippedEngine, type ShippedEngine } from '../support/knowledge-app.js';

let answerQuestion: AnswerQuestion;
let contractOf: ShippedEngine['contractOf'];
beforeAll(async () => ({ answerQuestion, contractOf } = await shippedEngine()));

describe('a question for an address, a link, opening hours or a booking the knowledge does not hold', () => {
  it.each([
    ['عنوان مستشفى ابن رشد بالضبط وشوكت يفتح', 'address', /ليس لدينا عنوان موثّق/],
    ['شنو اسم صفحة الشرطة المجتمعية على الفيسبوك؟ اريد رابطها', 'link', /ليس لدينا رابط أو صفحة رسمية موثّقة/],
    ['What is the address of Ibn Rushd hospital?', 'address', /no verified address/],
    ['شلون احجز موعد بمستشفى ابن رشد', 'booking', /ليس لدينا طريقة حجز موثّقة/],
    ['مركز القناة يفتح يوم الجمعة؟', 'hours', /ليس لدينا أوقات دوام موثّقة/],
    ['رايحين سفرة لاسطنبول، رقم الطوارئ بتركيا شنو؟', 'abroad', /لبلدان أخرى/],
  ])('«%s» says the %s is not verified, never answers as if it were, and offers the entry', (message, detail, reply) => {
    const answer = answerQuestion(message);
    expect(answer).toMatchObject({ kind: 'fallback', reason: 'missing-detail', detail });
    const contract = contractOf(message);
    expect(contract).toMatchObject({ kind: 'fallback', fallback: true });
    expect(contract.answer).toMatch(reply);
    expect(contract.answer).toContain('911');
    // The place the citizen named is one tap away.
    expect(contract.suggestions.length).toBeGreaterThan(0);
  });

  it.each([
    'هل يتضمن الدستور العراقي لسنة 2005 باباً مستقلاً بعنوان الواجبات؟',
    'انخدعت برابط وانسحبت فلوس من حسابي، هذا احتيال الكتروني، وين ابلغ؟',
    'وين اعالج ابني من الادمان ببغداد؟',
    // A person from another country, or a second nationality, is not a question about that country.
    'انا لاجئ سوري بدهوك، اكدر اتصل على 122؟',
    'اكدر يكون عندي جنسيتين عراقية وامريكية؟',
  ])('still answers «%s», which mentions such a detail without asking for it', (message) => {
    expect(answerQuestion(message).kind).toBe('answered');
  });

  it('tells asking from mentioning', () => {
    expect(detailAsked('مستشفى ابن رشد وين عنوانه بالضبط')).toBe('address');
    expect(detailAsked('نصبوا عليّ بصفحة بالفيسبوك، وين أبلغ؟')).toBeUndefined();
    expect(detailAsked('رابط صفحة الشرطة المجتمعية بالتلكرام')).toBe('link');
    expect(detailAsked('وين دائرة الجنسية وشوكت دوامهم؟')).toBe('hours');
  });
});
