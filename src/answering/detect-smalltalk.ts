// Conversation, not only questions: greetings, thanks, goodbyes, "who are you", "what can you do",
// insults and nonsense get a short, warm reply (i18n keys smalltalk.*) instead of "I have no
// approved answer". Only when that is all the message says: «مرحبا، شلون اتصل بالشرطة؟» is a
// question and goes to retrieval. Phrases use the urgent lexicon's syntax and folding.
import { compileExpression } from '../safety/compile-lexicon.js';
import { foldForSafety, TASHKEEL_TATWEEL } from '../safety/fold-for-safety.js';

export const SMALLTALK_TOPICS = ['greeting', 'thanks', 'goodbye', 'identity', 'capabilities', 'insult', 'nonsense'] as const;
export type SmalltalkTopic = (typeof SMALLTALK_TOPICS)[number];

export const PHRASES: Record<SmalltalkTopic, string[]> = {
  greeting: [
    'مرحبا|مرحبه|مرحبتين|هلا|هلو|هلاو|اهلا|اهلين|هاي|السلام عليكم|سلام عليكم|السلام|سلام|صباح الخير|صباح النور|مساء الخير|مساء النور|شلونك|شلونكم|شخبارك|شخباركم|كيفك|كيف حالك|عساك بخير|يا هلا|الو',
    'hi|hello|hey|hiya|good morning|good evening|good afternoon|howdy|greetings|how are you|salam|salaam|salam alaikum|marhaba|mar7aba|hala|halaw|shlonak|shlonkum|sba7 el 5er|sabah el kheir',
    'سڵاو|سلاو|سلاو ليكم|بەیانی باش|بهياني باش|ئێوارە باش|ئيواره باش|چۆنی|چوني|چۆنن|باشی|slaw|silaw|chony',
  ],
  thanks: [
    'شكرا|شكرن|شكراً|مشكور|مشكورين|مشكوره|تسلم|تسلمين|تسلمون|الله يخليك|الله يخليكم|جزاك الله خير|جزاكم الله خير|ممنون|ممنونك|عاشت ايدك|عاشت ايدكم|يعطيك العافيه|بارك الله فيك|احسنت|زين|تمام|اوكي|اوك',
    'thanks|thank you|thank u|thx|ty|tnx|cheers|great|ok|okay|shukran|shokran|mashkoor|mashkor|tislam|3ashat idak',
    'سوپاس|سوپاس بۆ تۆ|زۆر سوپاس|زور سوپاس|دەستخۆش|دهستخوش|دەست خۆش|spas|supas',
  ],
  goodbye: [
    'مع السلامه|مع السلامة|باي|بای|وداعا|في امان الله|الله وياك|الله وياكم|تصبح على خير|تصبحون على خير|اشوفك بعدين|نشوفكم',
    'bye|goodbye|good bye|see you|see ya|good night|take care|ma3a salama|maasalama',
    'خوات لەگەڵ|خوات لهگهل|خوا حافیز|خواحافیز|خواحافيز|بەخێر بچیت|شەو باش|شهو باش',
  ],
  identity: [
    'منو انت|منو انتي|من انت|من انتي|شنو انت|منو حضرتك|انت منو|انت شنو|انت بوت|انت روبوت|انت انسان|انت شخص|انت حقيقي|انت ذكاء اصطناعي|منو سواك|منو مسويك|منو صنعك|من صنعك|من صممك|منو برمجك|من برمجك|منو وراك|شنو اسمك|ما اسمك|اسمك شنو',
    'who are you|what are you|are you a bot|are you a robot|are you human|are you a human|are you a person|are you real|are you ai|who made you|who created you|who built you|whats your name|what is your name|your name|minu inta|mnu inta|inta bot',
    'تۆ کێیت|تو كييت|تۆ چیت|تۆ مرۆڤیت|تۆ ڕۆبۆتیت|کێ دروستی کردوویت|كي دروستي كردوويت|ناوت چییە|ناوت چيه',
  ],
  capabilities: [
    'شتكدر تسوي|شتكدرين تسوين|شنو تكدر تسوي|شنو تسوي|شنو شغلك|ماذا تستطيع|ماذا تفعل|بشنو تساعدني|شلون تساعدني|كيف تساعدني|شنو تعرف|شنو الخدمات|ساعدني|مساعده|help|مساعدة',
    'what can you do|what do you do|how can you help|how do you work|what do you know|help|help me please|menu|options|start',
    'چی دەتوانیت بکەیت|چي دهتوانيت بكهيت|چۆن یارمەتیم دەدەیت|يارمهتي|یارمەتی',
  ],
  insult: [
    'غبي|غبيه|حمار|زباله|تافه|سخيف|كلب|ابن الكلب|انجب|انجبي|مو فاهم|متخلف|فاشل|ما تفتهم|ما تفهم شي|ما تفيد|بلا فايده|خرا|تبا لك',
    'stupid|idiot|dumb|useless|shut up|you suck|trash|garbage|moron|fuck|shit|wtf|ghabi|7mar|hmar',
    'گەمژە|گهمژه|گێل|كهر|کەر|بێسوود|بيسوود',
  ],
  nonsense: ['ه|هه|ههه|هههه|ههههه|هههههه|هههههههه|خخخ|خخخخ|كككك|lol|lmao|haha|hahaha|hehe|xd'],
};

// What may stand beside the phrases without making the message a question: vocatives and fillers.
const FILLERS = new Set(
  ['يا', 'بوت', 'امان', 'أمان', 'اخي', 'اخوي', 'حبيبي', 'عيني', 'والله', 'جدا', 'كلش', 'هواي', 'وياك', 'الله', 'يخليك', 'مره', 'ثانيه', 'bot', 'aman', 'very', 'much', 'so', 'a', 'lot', 'again', 'dear', 'bro', 'brother', 'sir', 'please', 'pls', 'plz', 'زۆر', 'زور', 'برا', 'كاكه', 'کاکە']
    .map(foldForSafety),
);

const compiled = SMALLTALK_TOPICS.map((topic) => ({ topic, pattern: compileExpression(PHRASES[topic], 'gu') }));

/** The topic of a message that is only small talk; undefined when it asks or says anything else. */
export function detectSmalltalk(text: string): SmalltalkTopic | undefined {
  const folded = foldForSafety(text);
  if (!folded) return undefined;
  let rest = ` ${folded} `;
  let first: SmalltalkTopic | undefined;
  for (const { topic, pattern } of compiled) {
    const before = rest;
    rest = rest.replace(pattern, ' ');
    if (rest !== before && !first) first = topic;
  }
  if (!first) return undefined;
  const left = rest.split(' ').filter((w) => w && !FILLERS.has(w));
  return left.length === 0 ? first : undefined;
}

const OPENING = new RegExp(`^(?:${compileExpression([...PHRASES.greeting, ...PHRASES.thanks]).source})(?: (?:${[...FILLERS].join('|')}))*`, 'u');

/**
 * A question without the greeting or thanks it opens with («مرحبا، شلون اتصل بالشرطة؟» → «شلون اتصل
 * بالشرطة»): the greeting's words only dilute what retrieval looks for. The message itself when it
 * opens otherwise, or when nothing would be left.
 */
export function withoutOpening(text: string): string {
  const opening = OPENING.exec(foldForSafety(text));
  if (!opening) return text;
  // Folding keeps one word for each run of letters and digits (after removing diacritics), so the
  // opening's words are the message's first words.
  const words = text.replace(TASHKEEL_TATWEEL, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const count = opening[0].trim().split(' ').length;
  return words.length > count ? words.slice(count).join(' ') : text;
}
