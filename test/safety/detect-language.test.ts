import { describe, expect, it } from 'vitest';
import { detectLanguage, uiLanguageOf } from '../../src/safety/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    ['شلون اتصل بالشرطه المجتمعيه', 'ar'],
    ['شگد يطول العلاج؟ چم يوم', 'ar'],
    ['چۆن پەیوەندی بە پۆلیسی کۆمەڵگاوە بکەم؟', 'ckb'],
    ['How do I contact the community police?', 'en'],
    ['shlon at9il bil shurta', 'arabizi'],
    ['3ndi su2al 3an el mukhadarat', 'arabizi'],
    // Arabizi with English loans and few digit-letters is still Arabizi; English with "a" and "to" is not.
    ['shifit film Taken, hal il 5atf hwaya ysir bil 3raq?', 'arabizi'],
    ['mamindi flus lil muhami, il mahkama tintini muhami?', 'arabizi'],
    ['What happens to my mom if she is caught with pills in the car?', 'en'],
    ['😀 123', 'und'],
  ])('tells %s is %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('shows Arabizi writers and unknown scripts the Arabic interface', () => {
    expect(uiLanguageOf('arabizi')).toBe('ar');
    expect(uiLanguageOf('und')).toBe('ar');
    expect(uiLanguageOf('ckb')).toBe('ckb');
  });
});

describe('Kurdish typed without its own letters', () => {
  it.each([
    ['پولیسی کومه لگا چیه و چی ده کات؟'],
    ['ژماره ی فریاکه وتن له به غدا چه نده؟'],
    ['ناتوانم بهردهوام بم، ئهمشهو ههموو حهبهکان دهخوم'],
    // An Arabic keyboard: no ک ی ژ either, only ه ى و for ە ی ۆ, and ئ before an opening vowel.
    ['ئاگر له مالهكهمان بهربووه، زوو وهرن'],
    ['مندالهكهم ماددهى هوشبهر بهكار دينيت، چون قسهى لهگهل بكهم'],
    // Split at every ە: the pieces of one word («ده کات», «له گه ل») are read as that word.
    ['منداله كه م له بازار ون بووه، ته مه نى چوار ساله'],
    ['ده توانم قسه بکه م له گه ل پولیس؟'],
  ])('is still Kurdish: %s', (text) => {
    expect(detectLanguage(text)).toBe('ckb');
  });

  it('does not take Arabic with «من» or Persian-keyboard letters for Kurdish', () => {
    expect(detectLanguage('هل يحق لرجال الأمن احتجاز شخص من غير مذكرة صادرة من قاضٍ؟')).toBe('ar');
    expect(detectLanguage('شلون نحمي البيت من الحرايق بالصيف؟')).toBe('ar');
    expect(detectLanguage('قلت له زور الورقة بس ما رضى، شنو عقوبة التزوير؟')).toBe('ar');
    expect(detectLanguage('شنو ماده 40 له قانون المخدرات')).toBe('ar');
    // Laughter is not a piece of a Sorani word.
    expect(detectLanguage('هه هه شنو هذا')).toBe('ar');
  });
});
