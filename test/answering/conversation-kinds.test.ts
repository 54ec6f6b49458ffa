import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerQuestion } from '../../src/answering/answer-question.js';
import { composeAnswer } from '../../src/answering/compose-answer.js';
import { detectSmalltalk } from '../../src/answering/detect-smalltalk.js';
import type { Translate } from '../../src/i18n/create-i18n.js';
import { shippedEngine, type ShippedEngine } from '../support/knowledge-app.js';

let answerQuestion: AnswerQuestion;
let translate: Translate;
let contractOf: ShippedEngine['contractOf'];
beforeAll(async () => ({ answerQuestion, translate, contractOf } = await shippedEngine()));

describe('small talk', () => {
  it.each([
    ['مرحبا', 'greeting', /أهلاً بك/],
    ['السلام عليكم', 'greeting', /أهلاً بك/],
    ['hi', 'greeting', /Hello/],
    ['شكرا', 'thanks', /العفو/],
    ['thank you so much', 'thanks', /welcome/],
    ['منو انت', 'identity', /برنامج آلي ولست إنساناً/],
    ['are you a person?', 'identity', /not a person/],
    ['شتكدر تسوي', 'capabilities', /حقوقك/],
    ['سڵاو', 'greeting', /بەخێربێیت/],
    ['هههههه', 'nonsense', /لم أفهم/],
    ['غبي', 'insult', /لأساعدك/],
    ['مع السلامة', 'goodbye', /911/],
  ])('answers «%s» warmly, as small talk (%s), pointing to what the bot does', (message, topic, reply) => {
    expect(detectSmalltalk(message)).toBe(topic);
    const contract = contractOf(message);
    expect(contract).toMatchObject({ kind: 'smalltalk', fallback: false, urgent: false, sources: [] });
    expect(contract.answer).toMatch(reply);
  });

  it('takes a greeting followed by a question as the question', () => {
    expect(detectSmalltalk('مرحبا، شلون اتصل بالشرطة المجتمعية؟')).toBeUndefined();
    expect(contractOf('مرحبا، شلون اتصل بالشرطة المجتمعية؟').kind).toBe('answered');
  });
});

describe('the answer contract', () => {
  it('says the kind of every answer', () => {
    expect(contractOf('منو وزير الداخليه').kind).toBe('answered');
    expect(contractOf('اريد انتحر').kind).toBe('urgent');
    expect(contractOf('شلون اطبخ دولمه').kind).toBe('fallback');
    expect(contractOf('🙂🙂').kind).toBe('empty');
  });

  it('answers a question near danger as possibly urgent: the usual answer, with 911 on top', () => {
    const contract = contractOf('شلون احمي اطفالي من الخطف');
    expect(contract.kind).toBe('possibly-urgent');
    expect(contract.urgent).toBe(false);
    expect(contract.answer.split('\n')[0]).toMatch(/911.*122/);
  });

  it('shows at most two sources, those of the paragraph shown', () => {
    const contract = contractOf('اريد انتحر');
    expect(contract.sources.length).toBeGreaterThan(0);
    expect(contract.sources.length).toBeLessThanOrEqual(2);
  });
});

describe('Arabizi', () => {
  it('is read in Arabic script too, so that it finds the Arabic entries', () => {
    const contract = contractOf('shnu ra8m el tawari2 bel 3iraq');
    expect(contract.language).toBe('arabizi');
    expect(contract.answer).toContain('911');
  });
});
