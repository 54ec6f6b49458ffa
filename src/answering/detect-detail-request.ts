// Questions that ask for a contact detail: an exact address, a page or link, opening hours, a
// booking. The knowledge base names hospitals, offices and pages but holds almost none of these
// details (UNVERIFIED.md: addresses and numbers nobody verified). Answered with the entry that
// names the place, such a question got a text without the one thing asked for; citizens acting on
// it would go looking in the wrong place. When the text shown lacks the detail, the bot says so
// and offers the entry instead (answer-question.ts).

export type Detail = 'address' | 'link' | 'hours' | 'booking';

// Asking for it, not mentioning it: «عنوان المستشفى» asks for an address, «بعنوان الواجبات» («titled
// "duties"») does not; «اريد الرابط» asks for a link, «انخدعت برابط» («I fell for a link») does not.
const ASKED: [Detail, RegExp][] = [
  ['address', /(^|[\s،,؟?و])(عنوان|عنوانه|عنوانها|عنوانهم|ناونیشان\S*|address|3inwan\S*)(?=$|[\s،,؟?.])/i],
  ['link', /(^|[\s،,؟?و])(ال)?(رابط|رابطها|رابطه|رابطهم|لينك|link)(?=$|[\s،,؟?.])|(^|[\s،,؟?و])(ال)?صفح[ةه]\S{0,3}.{0,25}(فيس|تلكرام|تلگرام|تليجرام|انستا)/i],
  ['hours', /(شوكت|متى|اوقات|ساعات|وقت) ?(يفتح|يفتحون|الدوام|دوام|دوامهم)|opening hours|shwakit yiftah/i],
  ['booking', /(^|\s)(احجز|نحجز|يحجز|حجز موعد)(?=$|\s)|appointment/i],
];

// What the text shown must hold for the detail to be there.
const HELD: Record<Detail, RegExp> = {
  // Not «عنوان» itself: «لا نملك عنوان المستشفى» («we have no address for it») mentions one.
  address: /(^|\s)(شارع|محل[ةه]|قرب|مقابل)\s|street/i,
  link: /https?:\/\/|www\.|\.com|\.iq|@[A-Za-z_]/i,
  hours: /الساع[ةه]|صباح|مساء|الدوام|24 ساع|hours|\d{1,2}:\d\d/i,
  booking: /حجز|موعد|appointment|book/i,
};

/** The detail the question asks for, if it asks for one. */
export function detailAsked(question: string): Detail | undefined {
  return ASKED.find(([, asked]) => asked.test(question))?.[0];
}

/** Whether `text` (an answer as shown) holds the detail. */
export function holdsDetail(detail: Detail, text: string): boolean {
  return HELD[detail].test(text);
}
