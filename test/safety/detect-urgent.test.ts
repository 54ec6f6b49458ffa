import { describe, expect, it } from 'vitest';
import { detectUrgent } from '../../src/safety/detect-urgent.js';

// A handful per category, written apart from the labelled set in test/eval/ (which the eval floor
// covers): if one of these changes, someone in danger would be answered like a curious reader.
describe('detectUrgent', () => {
  it.each([
    ['suicide', 'اريد انتحر'],
    ['suicide', 'والله تعبت من الحياة وراح اموت نفسي'],
    ['suicide', 'I am going to kill myself tonight'],
    ['suicide', 'دەمەوێت خۆم بکوژم'],
    ['suicide', 'ariid anta7ir'],
    ['overdose', 'اخوي بلع شريط حبوب كامل وما ديگعد'],
    ['overdose', 'my brother is unconscious and not breathing'],
    ['violence', 'ابويه ديضرب امي هسه'],
    ['violence', 'زوجي يكتلني الحقوني'],
    ['weapons', 'اكو رمي بالشارع كدام بيتنا'],
    ['weapons', 'واحد ماسك سچينة ويهدد علينا'],
    ['fire', 'البيت ديحترك'],
    ['fire', 'حريق!'],
    ['fire', 'ئاگر کەوتووەتە ماڵەکەمان'],
    ['kidnapping', 'خطفوا ابني من كدام المدرسة'],
    ['kidnapping', 'بنتي ضاعت من العصر وما لكيناها'],
    ['sexual-violence', 'واحد ديتحرش بيه بالكيا هسه'],
    ['blackmail', 'واحد يبتزني ويگول اذا ما تدفع الليلة انشر صورك'],
    ['blackmail', 'he is threatening to post my photos unless I pay'],
  ])('calls a %s message urgent: %s', (category, text) => {
    expect(detectUrgent(text)).toEqual({ level: 'urgent', category });
  });

  it('treats a bare cry for help as urgent without a category', () => {
    expect(detectUrgent('الحگوني')).toEqual({ level: 'urgent', category: 'unspecified' });
  });

  it.each([
    'شنو عقوبة القتل؟',
    'شنو عقوبة الابتزاز الالكتروني بالعراق',
    'كم حالة انتحار صارت السنة الماضية',
    'شلون احمي ابني من المخدرات',
    'علامات الشخص اللي يفكر بالانتحار',
    'هالامتحان كتلني',
    'الحر نار اليوم',
    'لعبة ببجي بيها رمي هواي',
    'قبل سنتين صار حريق بسوق الشورجة',
    'ما علاقة غياب الامن بالفقر والجريمة',
    'شلون اتصل بالشرطه المجتمعيه',
    'اذا ابني يتعاطى واخذته للعلاج راح يحبسوه؟',
    '',
    '🙂🙂',
    // Jokes and exaggeration, told by a laugh that folding would drop.
    'ابويه راح يكتلني اذا شاف فاتورة النت 😂',
    'ههههه امي راح تذبحني من تشوف درجاتي',
    'دایکم دەمکوژێت ئەگەر نمرەکانم ببینێت 😂',
    // A film's scene, a case closed long ago, "just a question", a general Sorani "if someone".
    'in a movie they made a guy throw up after he swallowed poison. is that right?',
    'من جنت بالرابع اعدادي واحد ابتزني بصوري وانتهت السالفة',
    'الي يعنف مرته شكد عقوبته؟ مجرد سؤال',
    'ئەگەر کەسێک شتێکی ژەهراوی قووت بدات، باشە بیڕشێنینەوە؟',
  ])('does not call this urgent: %s', (text) => {
    expect(detectUrgent(text).level).not.toBe('urgent');
  });

  it('still calls a laughing message urgent when it says the danger is now', () => {
    expect(detectUrgent('ههههه لا والله مو شقه، ابوي هسه ديضربني بالعصا الحكوني').level).toBe('urgent');
    expect(detectUrgent('ibni shirab nafut hesa, shlon at9arraf').level).toBe('urgent');
  });

  it('reads the whole of a 10,000-character message, not just its start', () => {
    const long = 'سؤال عن الشرطة المجتمعية '.repeat(400) + ' اريد انتحر';
    expect(detectUrgent(long)).toEqual({ level: 'urgent', category: 'suicide' });
  });

  it.each([
    ['a zero-width non-joiner inside a word', 'اريد ان\u200cتحر', 'suicide'],
    ['a zero-width space and a word joiner', 'ا\u200bريد ا\u2060نتحر', 'suicide'],
    ['a zero-width joiner and a direction mark', 'ابو\u200dي ديضر\u200fبني', 'violence'],
    ['Sorani typed with ه and a non-joiner for ە', 'ده\u200cمه\u200cوێت بمرم', 'suicide'],
    ['Sorani with ه and a non-joiner: he is hitting me', 'مێرده\u200cكه\u200cم لێم ده\u200cدات', 'violence'],
  ])('is not fooled by %s', (_how, text, category) => {
    expect(detectUrgent(text)).toEqual({ level: 'urgent', category });
  });

  it.each([
    ['شلون اتصل بالشرطه المجتمعيه', 'calm'],
    ['اذا ابني يتعاطى واخذته للعلاج راح يحبسوه؟', 'calm'],
    ['كم حالة انتحار صارت السنة الماضية', 'possible'],
    ['how to protect my kids from kidnappers', 'possible'],
  ])('answers a question near danger as possibly urgent, and an ordinary one as calm: %s', (text, level) => {
    expect(detectUrgent(text).level).toBe(level);
  });

  it('does not take "help me write" for a cry for help', () => {
    expect(detectUrgent('Help me write an essay about climate change').level).toBe('calm');
    expect(detectUrgent('help me').level).toBe('urgent');
  });

  it('catches what someone else said they will do, in English', () => {
    expect(detectUrgent('my brother says he is going to kill himself tonight what do i do').level).not.toBe('calm');
  });
});
