// Questions that ask for a detail the knowledge base does not hold: an exact address, a page or
// link, opening hours, a booking, or another country's numbers and laws. The entries name
// hospitals, offices and pages but hold almost none of these details (UNVERIFIED.md: addresses and
// numbers nobody verified), and they speak of Iraq only. Answered with the entry that names the
// place, such a question got a text without the one thing asked for; citizens acting on it would
// go looking in the wrong place. When the text shown lacks the detail, the bot says so and offers
// the entry instead (answer-question.ts).

export type Detail = 'address' | 'link' | 'hours' | 'booking' | 'abroad';

// Other countries and their cities, as citizens name them (whole words: «سوري» and «امريكية» are
// people, «سوريا» and «امريكا» places).
const ABROAD = String.raw`تركيا|اسطنبول|الاردن|عمّان|سوريا|ايران|مصر|السعوديه|السعودية|الكويت|لبنان|الامارات|دبي|قطر|المانيا|ألمانيا|امريكا|أمريكا|اميركا|بريطانيا|لندن|اوروبا|أوروبا|turkey|istanbul|jordan|amman|syria|iran|egypt|saudi|kuwait|lebanon|uae|dubai|qatar|germany|america|usa|britain|uk|london|europe|تورکیا|توركيا|ئێران|ئيران|ئەڵمانیا|ئه لمانيا`;
const PLACE_ABROAD = new RegExp(`(^|[\\s،,؟?.]|[بل]|في )(${ABROAD})(?=$|[\\s،,؟?.])`, 'iu');
// What a citizen asks of a country: its numbers, its police, its laws.
const ABOUT_A_COUNTRY = /رقم|ارقام|number|ژمار|الطوارئ|طوارئ|الاسعاف|اسعاف|emergency|ambulance|police|الشرطه|الشرطة|شرطه|قانون|law|عقوب|penalt|legal|مسموح|ممنوع|allowed/i;

// Asking for it, not mentioning it: «عنوان المستشفى» asks for an address, «بعنوان الواجبات» («titled
// "duties"») does not; «اريد الرابط» asks for a link, «انخدعت برابط» («I fell for a link») does not.
const ASKED: [Exclude<Detail, 'abroad'>, RegExp][] = [
  ['address', /(^|[\s،,؟?و])(عنوان|عنوانه|عنوانها|عنوانهم|ناونیشان\S*|ناونيشان\S*|address|3inwan\S*)(?=$|[\s،,؟?.])/i],
  ['link', /(^|[\s،,؟?و])(ال)?(رابط|رابطها|رابطه|رابطهم|لينك|link)(?=$|[\s،,؟?.])|(^|[\s،,؟?و])(ال)?صفح[ةه]\S{0,3}.{0,25}(فيس|تلكرام|تلگرام|تليجرام|انستا)/i],
  ['hours', /(شوكت|متى|اوقات|ساعات|وقت|وكت|شكد|شنو) ?(ال)?(يفتح|يفتحون|دوام|دوامه|دوامهم)|(يفتح|يفتحون|تفتح) (يوم|ايام|بالليل|الصبح|بالعطل|العطل)|دوام\S* مال|opening hours|working hours|open on|shwakit yiftah/i],
  ['booking', /(^|\s)(احجز|نحجز|يحجز|حجز موعد)(?=$|\s)|appointment/i],
];

// What the text shown must hold for the detail to be there. Not the word for it: «لا نملك عنوان
// المستشفى أو أوقات دوامه» («we have no address or hours for it») mentions both and holds neither.
const HELD: Record<Exclude<Detail, 'abroad'>, RegExp> = {
  address: /(^|\s)(شارع|محل[ةه]|قرب|مقابل)\s|street/i,
  link: /https?:\/\/|www\.|\.com|\.iq|@[A-Za-z_]/i,
  hours: /\d{1,2}(:\d\d)? ?(صباح|مساء|ظهر|am|pm)|من الساع[ةه] \d|24 ساع|24 hours|مدار الساع/i,
  booking: /حجز|موعد|appointment|book/i,
};

/** The detail the question asks for, if it asks for one. */
export function detailAsked(question: string): Detail | undefined {
  const asked = ASKED.find(([, pattern]) => pattern.test(question))?.[0];
  if (asked) return asked;
  return PLACE_ABROAD.test(question) && ABOUT_A_COUNTRY.test(question) ? 'abroad' : undefined;
}

/** Whether `text` (an answer as shown) holds the detail `question` asks for. */
export function holdsDetail(detail: Detail, text: string, question = ''): boolean {
  if (detail !== 'abroad') return HELD[detail].test(text);
  // The country asked about must be the one the text speaks of.
  const country = question.match(PLACE_ABROAD)?.[2];
  return country !== undefined && text.toLowerCase().includes(country.toLowerCase());
}
