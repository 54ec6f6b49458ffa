// What danger sounds like in the ways Iraqis write: MSA, Iraqi dialect (گ/چ spellings fold, see
// fold-for-safety.ts), English, Kurdish Sorani and Arabizi. Phrase syntax (compile-lexicon.ts):
//   words separated by spaces follow each other; `a|b` is either word; `word*` also matches longer
//   words (suffixes); `~` skips up to three words. Arabic words may carry the usual proclitics
//   (و ف ب ل ال and the Iraqi progressive د/دي/دا, future راح/رح/ح) without writing them.
// Tiers:
//   always  — danger in the first person or in progress; urgent whatever else the message says.
//   strong  — urgent unless the message is about the law, the news, prevention, fiction, the past or
//             a hypothetical, with no sign that it is happening now.
//   weak    — the subject alone (حريق، انتحار، خطف): urgent only with a sign that it is happening now,
//             or as a bare cry of two words or fewer.
// Reviewed like knowledge: a missed emergency costs far more than a needless 911 line, so when in
// doubt a phrase goes in `strong`.
import type { UrgentCategory } from './urgent-categories.js';

export interface CategoryLexicon {
  always: string[];
  strong: string[];
  weak: string[];
}

const I_WANT = 'اريد|ابي|ابغي|ارید|ناوي|راح|رح|قررت|حاب|اود|اريد|اتمنى|لازم';
const KIN =
  'ابني|بنتي|ابنها|بنتها|ابنه|بنته|اخوي|اخويه|اختي|امي|ابوي|بويه|زوجي|زوجتي|مرتي|رجلي|صديقي|صديقتي|صاحبي|رفيجي|جارنا|جارتنا|عمي|خالي|ولدي|طفلي|طفل|طفله|جاهل|جهال|الجاهل|واحد|شخص|اخي|والدي|والدتي|اهلي';
const KIN_EN = 'son|daughter|brother|sister|mother|mom|mum|father|dad|husband|wife|friend|child|kid|baby|boy|girl|neighbor|neighbour|someone|man|guy';

export const URGENT_LEXICON: Record<UrgentCategory, CategoryLexicon> = {
  suicide: {
    always: [
      `${I_WANT} ~ انتحر*`,
      'انتحر ~ الليله|هسه|باجر|اليوم',
      'اموت|اكتل|اقتل|اذبح|احرق|اشنك|اشنق|اجرح|اعور|اخنك ~ نفسي|روحي|حالي',
      'اخلص|انهي ~ حياتي|عمري|روحي|نفسي|حالي|ع حالي|على حالي',
      'مابيه|ما بيه|ما عندي ~ حيل|سبب ~ اعيش|للعيش|للحياه',
      'تعبت|مليت|زهكت ~ من ~ الحياه|حياتي|عيشتي|العيشه ~ راح|ح|رح|اريد|ابي|وراح|ورح',
      'ارمي|اذب|اطب ~ نفسي|روحي ~ من|بالنهر|بالشط|بدجله|بالفرات|من الجسر',
      'اكطع|اقطع|كطعت|قطعت ~ شرايين*|شريان*|عروكي|عروقي|وريدي',
      `${KIN} ~ انتحر|انتحرت|ديحاول|دتحاول|شنك|شنق|شنكت|شنقت|ذبح|ذبحت|حرك|حركت ~ نفسه|نفسها|حاله|حالها|روحه|روحها`,
      'kil myself|kiling myself|hurt myself|hurting myself|cut myself|cuting myself|end my life|take my own life|taking my own life',
      'suicidal|sucidal',
      'خوم بكوژم|خۆم بکوژم|خوكوشتن بكهم|خۆکوشتن بکەم|خوم دهكوژم|خۆم دەکوژم|دهمهويت بمرم|دەمەوێت بمرم|دمهويت بمرم|ناتوانم بژيم|ناتوانم بژیم|نامهويت بژيم|نامەوێت بژیم|خوم دهكوژم',
      'ariid|areed|arid|abi|abe|rah|ra7|na9i|nawi ~ antahir|ant7r|anta7ir|anta7er|antiher|amawit|amawet|amot|aktil|a9til|aqtil|amut',
      'amawit|amawet|amut|amot|aktil|a9til|aqtil|akhalis ~ nafsi|rohi|ro7i|7ali|hali|3ala 7ali',
      'ma|mo ~ ariid|areed|abi ~ a3ish|a3eesh|a3ich',
    ],
    strong: [
      `${I_WANT} ~ اموت`,
      'ما اريد|ماريد|مااريد|ما ابي|مابي|لا اريد|لا ابي|ما ابغى ~ اعيش|العيش|الحياه|اكمل',
      'هاي|هذه|هذي ~ اخر ~ رساله|كلام|مره تشوفوني',
      'سامحوني|اودعكم|وداعا ~ راح|رح|ما راح|الليله|للابد',
      `${KIN} ~ يفكر|تفكر|ناوي|ناويه|يريد|تريد|يحاول|تحاول|حاول|حاولت|هدد|هددت|ديهدد ~ ينتحر|تنتحر|بالانتحار|الانتحار|يموت نفسه|تموت نفسها|يكتل نفسه|تكتل نفسها`,
      'want|going|gona|wana|plan|planing|about ~ to ~ die|end it al|end everything|comit suicide',
      'dont|do not|no longer ~ want ~ to live|to be alive|to wake up',
      'no reason|nothing left ~ to live',
      `my ~ ${KIN_EN} ~ suicidal|kil himself|kil herself|end his life|end her life|taking his own life|taking her own life|wants to die|tried to kil`,
      'انتحار|انتحر|الانتحار ~ الليله|هسه|الان|اليوم|باجر',
      'اذيت|اذي|ايذاء ~ نفسي',
      'self harm|selfharm',
      'خوكوشتن|خۆکوشتن',
    ],
    weak: ['انتحار|انتحر*|ينتحر|تنتحر|suicide|خوكوشتن|خۆکوشتن|antihar|inti7ar|inte7ar'],
  },
  overdose: {
    always: [
      'بلع|بلعت|بالع|بالعه ~ حبوب|حبايات|ادويه|علبه|شريط|باكيت|سم|مبيد|زاهي|كلور|فلاش|تيزاب|نفط|جاز|مبيض',
      'شرب|شربت ~ سم|مبيد|زاهي|كلور|فلاش|تيزاب|نفط|جاز|مبيض|علبه|شريط',
      'اخذ|اخذت|ماخذ|ماخذه|اكل|اكلت ~ حبوب|حبايات|علبه|شريط|باكيت ~ كامل|كامله|كلها|كله|هوايه|كثيره|مره وحده|سوه',
      'اوفر دوز|اوفردوز|overdose*|overdosing|overdosed|od',
      'فاكد|فاقد|فقد|فكد ~ الوعي|وعيه|وعيها',
      'مغمي|مغمى|اغمي|اغمى|غايب|غايبه ~ عليه|عليها|عن الوعي|وعيه',
      'ما|لا|مايتنفس|ماتتنفس|ماديتنفس ~ يتنفس|تتنفس|ديتنفس|دتتنفس',
      'وكع|وقع|طاح|طاحت|وكعت|وقعت ~ ما|وما ~ يتحرك|تتحرك|يتنفس|تتنفس|يرد|ترد|يحجي|تحجي',
      'يرجف|ترجف|رجفه ~ زبد|رغوه|يطلع',
      'ازرك|ازرق|زركه|زرقه|صار ازرك ~ وجهه|شفايفه|لونه',
      'تسمم|متسمم|متسممه|مسموم|مسمومه|تسممت|تسمموا ~ الان|هسه|بسرعه|كلهم|كلنا|ابني|بنتي|الجاهل|الطفل|اهلي|عايلتي|البيت|من|بالغاز|بالاكل',
      'swalowed|swallowed|took|taken|ate|drank ~ pil*|tablets|bleach|poison|medicine|medication|rat poison',
      'not|isnt|is not|wont|cant ~ breathing|breathe|wake|waking|responding',
      'unconscious|pased out|passed out|colapsed|collapsed|fainted|not responsive|unresponsive',
      'poisoned|poisoning',
      'حهبي زور|حەبی زۆر|زور حهب|زۆر حەب|ژههر|ژەهر|ژههراوي|ژەهراوی|له هوش|لە هۆش|بي هوش|بێ هۆش|بيهوش|بێهۆش|ههناسه نادات|هەناسە نادات|ناتوانيت ههناسه|ناتوانێت هەناسە',
      'bli3|bil3|shirab|shrab|akhadh|a5ath ~ 7bub|7boob|hbub|7ubub|7bob|sim|dawa',
      'ma|mo ~ dyitnafas|yitnafas|ytnafas|dy9i3d|dyg3ud|yg3ud|yi9i3d',
      'faqid|fa9id|faged alwa3i|il wa3i|al wa3i|wa3i',
    ],
    strong: [
      'اغمى|اغمي|اغماء|مغمي|غيبوبه|سكته|جلطه|نزيف|ينزف|تنزف',
      'تسمم|متسمم|تسممت|مسموم',
      'جرعه|جرعات ~ زايده|زايد|مفرطه|كبيره|هوايه|زياده',
      'ما|لا|مادي|ما دي|ماي ~ يكعد|تكعد|ديكعد|دتكعد|يصحى|تصحى|يفيك|تفيك|يفيق|تفيق|يتحرك|تتحرك',
      'drug overdose|took too much|took ~ pils|pil',
    ],
    weak: ['جرعه زايده|تسمم|اغماء|poison|overdose|ژهر|ژەهر'],
  },
  violence: {
    always: [
      'يضربني|تضربني|ديضربني|دتضربني|يضربوني|ديضربوني|ضربني|ضربوني|يعنفني|عنفني|ديعنفني|يعذبني|دعذبني',
      `${KIN} ~ يضرب|ديضرب|دا يضرب|ضرب|يكتل|ديكتل|يعنف|ديعنف|يعذب|ديعذب|يخنك|ديخنك|خنك|يذبح|ديذبح|يطعن|طعن ~ امي|ابي|اختي|اخوي|زوجته|مرته|ابنه|بنته|اطفاله|جهاله|الجهال|الجاهل|الطفل|امه|ابوه|اخته|خالتي|عمتي|جدتي|مرت`,
      'يكتلني|ديكتلني|راح يكتلني|يريد يكتلني|يكتلوني|ديكتلوني|يذبحني|يخنكني|ديخنكني|خنكني|يطعني|طعني|طعنوني',
      'هددني|يهددني|هددوني|يهددوني|مهددني ~ بالكتل|بالقتل|بالذبح|بالسلاح|بالموت|يكتلني|يذبحني',
      'مطعون|مطعونه|انطعن|انطعنت|ينزف|تنزف|نزيف ~ دم|هوايه|ما|وما|هسه|بالشارع|بالبيت',
      'هجموا|هاجموا|دا يهجمون|ديهجمون|يهجمون|مهاجمين ~ علينا|عليه|عليها|بيتنا|البيت|الدار',
      'عركه|معركه|هوسه|طوشه|عركات|مضاربه|دعوه عشائريه ~ هسه|الان|جدام|كدام|قدام|بالشارع|بالمنطقه|ديصير|دتصير|صارت',
      'beating|hitting|hurting|choking|strangling ~ me|her|him|my mom|my mother|my sister|the kids|the children|my wife|my kids',
      'stabbed|bleding badly|being attacked|attacking us|attacking me|broke into our|breaking into our',
      'ليم دهدات|لێم دەدات|ليمان دهدات|لێمان دەدات|دهمكوژيت|دەمکوژێت|دهمانكوژيت|دەمانکوژێت|دهيكوژيت|دەیکوژێت|لێدەدات|ليدهدات',
      'dyudrubni|ydrubni|yidrubni|ydhrubni|dyidrubni|yudrubni|yedrubni|dyedrubni|yikitilni|yk6ilni|ykitlni|y9tilni|yiktilni|dyiktilni',
    ],
    strong: [
      'يضرب|ديضرب|دا يضرب|يعنف|ديعنف ~ امه|مرته|زوجته|اطفاله|جهاله|امي|اختي',
      'عنف اسري|عنف منزلي ~ هسه|الان|ديصير|بيتنا',
      'domestic violence|being abused|abusing me|abuses me',
      'تهديد بالقتل|تهديد بالكتل',
      'going to|gona|wants to|threatening to|trying to ~ kil ~ me|us|her|him|my',
      'he|she|they|someone|husband|father|dad|brother ~ beat|hit|stabbed|attacked ~ me|us|my',
    ],
    weak: ['عنف|ضرب|معركه|عركه|هجوم|violence|attack|fight'],
  },
  weapons: {
    always: [
      'اطلاق|طلاك|رمي|ضرب ~ نار|رصاص|عيارات ~ هسه|الان|علينا|عليه|عليها|بالشارع|بالمنطقه|كدام|جدام|قدام|ديصير|دا يصير|ديصير|صاير|بالحي|بالمحله|بالمدرسه|بالسوك',
      'ديرمون|دا يرمون|يرمون|رموا|رمو|رماني|رموني ~ علينا|عليه|عليها|بالشارع|رصاص|نار|هسه|بالمنطقه|بالمحله|كدام',
      'رمي|رمي|رصاص ~ بالشارع|بالمنطقه|بالمحله|بالحي|كدام بيتنا|جدام بيتنا|قدام بيتنا|علينا',
      'انصاب|انصابت|مصاب|مصابه ~ بطلك|بطلقه|برصاصه|بالرصاص|بالنار|طلك ناري|طلق ناري',
      'ماسك|حامل|شاهر|طلع|طالع|يلوح ~ مسدس|سلاح|كلاشنكوف|كلاشينكوف|بندكيه|بندقيه|سجينه|سكينه|سكين|جاطور|ساطور|خنجر|قامه ~ ويهدد|وديهدد|علينا|عليه|عليها|علي|ويكول|ويريد|بالشارع|بالبيت|ويركض|هسه',
      'هددني|يهددني|ديهددني|هددنا|يهددنا ~ بالسلاح|بالمسدس|بالسجينه|بالسكينه|بالسكين|بالكلاشنكوف|بالبندكيه|بالبندقيه',
      'انفجار|تفجير|انفجرت|انفجر|عبوه|مفخخه|حزام ناسف|رمانه|كنبله|قنبله ~ هسه|الان|بالشارع|كدام|جدام|قدام|بالمنطقه|بالسوك|بالمدرسه|يمنا|يمي|بيتنا|صارت|صار|ديصير|ناسفه|مشبوهه|مزروعه',
      'عبوه|حقيبه|جنطه|كيس|سياره ~ مشبوهه|مشكوك|ناسفه',
      'shooting|shots fired|gunfire|gunshots|shot at|shooting at|been shot|got shot|was shot|has a gun|with a gun|with a knife|has a knife|pointing a gun|waving a gun|explosion|bomb',
      'تهقه|تەقە|تهقه دهكهن|تەقە دەکەن|تهكينهوه|تەقینەوە|تهقينهوه|جهكي|چەکی|جهك|چەک|جهقو|چەقۆ ~ ههيه|هەیە|پێیە|ڕادەوەشێنێت|پيه|لێمان|ليمان',
      'itlaq nar|itla9 nar|itlag nar|rami|ramy|dyirmon|yirmoon|rasas|ra9a9 ~ 3alena|3alayna|bil shari3|bilshari3|hassa|hasa',
    ],
    strong: ['اطلاق نار|اطلاق رصاص|ضرب نار|رمي|رصاص|طلق ناري|انفجار|تفجير|مسلح|مسلحين', 'gun|shooting|explosion|knife|armed'],
    weak: ['سلاح|مسدس|رصاص|انفجار|weapon|gun|تهقه|تەقە'],
  },
  fire: {
    always: [
      'حريك|حريق|حرايك|حرائق ~ بالبيت|ببيتنا|بالشقه|بشقتنا|بالمحل|بمحلنا|بالعماره|بالمطبخ|بالسوك|بالسياره|بسيارتي|بالمول|بالمستشفى|بالمدرسه|بالمعمل|بالبنايه|بالطابك|بالطابق|بالكراج|بالمحطه|بالحي|بالدار|بدارنا|بالغرفه|هسه|الان|صار|صاير|شابه|ديصير|كاعد|مستمر|كبير|كبيره',
      'بيتنا|البيت|الشقه|المحل|المطبخ|العماره|البنايه|السياره|سيارتي|الدار|الغرفه|المعمل|السوك|المول|المدرسه ~ ديحترك|دتحترك|يحترك|تحترك|احترك|احتركت|اشتعل|اشتعلت|شب|شبت|دتشتعل|ديشتعل|يشتعل|تشتعل',
      'شبت|شب|اشتعلت|اشتعل ~ نار|النار|حريك|حريق',
      'ديحترك|دتحترك|يحترك|تحترك|احترك|احتركت|محترك|محتركه|ديشتعل|دتشتعل ~ بالنار|بالدخان|بالحريق|بالبيت|بالشقه|بالطابك|بالطابق|الشقه|البيت|الطابك|هسه|داخل|جوه|بيتنا|محلنا|الجيران|جيرانا|جيراننا',
      'انحصرنا|محاصرين|محصورين|عالكين|عالقين|محبوسين ~ بالنار|بالدخان|بالحريق',
      'ريحه غاز|تسرب غاز|تسريب غاز|الغاز دي|غاز ديطلع|غاز يطلع',
      'fire|burning|on fire|smoke ~ in|at|our|my|the ~ house|home|building|flat|apartment|shop|kitchen|car|school|room|everywhere',
      'house|home|building|flat|apartment|shop|kitchen|car|school|room ~ is|on ~ fire|burning',
      'there is a fire|theres a fire|there s a fire|fire fire|help fire|fire help|trapped',
      'ئاگر|اگر|اكر|ئاكر ~ كهوتووه|کەوتووە|كهوته|کەوتە|ههيه|هەیە|گرت|گرتووە|كرتووه|له|لە|دەسووتێت|دهسووتيت',
      'دهسووتيت|دەسووتێت|سووتا|سووتان|خانووهكهمان|خانووەکەمان|خانوەکە|دووكهڵ|دووکەڵ',
      '7ariq|7reeg|7areeg|7ari9|hariq|7ari2 ~ b|bil|bl|ib|bait|bet|beitna|baitna|betna|hassa|hasa',
      'bait|beit|bet|baitna|beitna|betna|albait ~ dyi7tirig|yi7tirig|yi7tirq|dy7tirig|y7tirig|i7targ|i7tirag|7arig|yi7targ',
    ],
    strong: [
      'حريق|حريك|حرايك|حرائق|اشتعال|اشتعل|احترك|النار ~ شابه|مشتعله|كبير|ما|والدفاع المدني',
      'نار|النار ~ بالبيت|ببيتنا|بالشقه|بشقتنا|بالمحل|بمحلنا|بالعماره|بالسوك|بالسياره|بسيارتي|بالمول|بالمستشفى|بالمعمل|بالبنايه|بالطابك|بالطابق|بالكراج|بالمحطه|بالحي|بالدار|بدارنا|بالغرفه|شابه|كبيره',
      'ولعت|ولع|طلعت|طلع|صارت ~ نار|النار|حريك|حريق',
      'دخان|دخانه|الدخان ~ كثيف|مالي|ماليه|يطلع من|بالبيت|بالشقه|بالعماره|بالبنايه|مانكدر|ما نكدر',
      'fire|burning',
      'ئاگر|سووتان',
    ],
    weak: ['حريق|حريك|نار|دخان|fire|smoke|ئاگر|7ariq|7reeg|7areeg'],
  },
  kidnapping: {
    always: [
      'خطفوا|خطفو|انخطف|انخطفت|اختطفوا|خطفت ~ ابني|بنتي|ولدي|طفلي|الجاهل|الطفل|اخوي|اختي|ابوي|امي|زوجي|زوجتي|ابن|بنت|ابننا|بنتنا|هسه|الان|كدامي|جدامي|قدامي|من كدام|من جدام|من قدام',
      'خطفوني|خطفونا|خطفوه|خطفوها|يخطفوني|ديخطفوني|يريدون يخطفوني|مخطوف هسه|مخطوفه هسه',
      `${KIN} ~ ضاع|ضايع|ضاعت|ضايعه|مفكود|مفقود|مفكوده|مفقوده|اختفى|اختفت|ما رجع|مارجع|ما رجعت|مارجعت|ما لكيناه|ما لقيناه|مالكيناه|مالقيناه|ما لكيناها|ما نلكاه|مانلكاه|طلع وما|طلعت وما|انخطف|انخطفت|خطفوه|خطفوها`,
      'ضاع|ضاعت|اختفى|اختفت|ضايع|ضايعه ~ ابني|بنتي|ولدي|طفلي|الجاهل|الطفل|الطفله|اخوي|اختي|ابننا|بنتنا|ابن|بنت',
      'ما|مال ~ لكيناه|لقيناه|لكيناها|لقيناها|نلكاه|نلكاها|ندري وينه|ندري وينها|نعرف وينه|نعرف وينها',
      'من ~ الصبح|البارحه|امس|ساعات|ساعه|يومين|الظهر|العصر|المغرب ~ ما|وما|مارجع|مارجعت|ما رجع|ما رجعت|غايب|غايبه|مختفي|مختفيه|ضايع|ضايعه|مفقود|مفقوده',
      'kidnaped|kidnapped|kidnaping|kidnapping|abducted|abduct|took my|taken my|snatched|grabbed my',
      `${KIN_EN}|child|kid ~ is missing|went missing|has gone missing|disappeared|is lost|cant find|can t find|cannot find|hasnt come home|hasn t come home|didnt come home|didn t come home|not come back`,
      'cant find|can t find|cannot find|lost ~ my ~ son|daughter|child|kid|baby|boy|girl',
      'ڕفێندرا|رفيندرا|ڕفاندیان|رفانديان|ڕفێنراوە|رفينراوه|ون بووه|ون بووە|ونبووه|ونبووە|بزر بووه|بزر بووە',
      'منالهكهم|منداڵەکەم|منداڵەكەم|كورهكهم|کوڕەکەم|كجهكهم|کچەکەم ~ ون|بزر|نييه|نییە|نايهتهوه|نایەتەوە',
      '5itfo|khatfo|5atfo|khatfu|5tfo|in5itaf|in5itif|inkhitaf|inkhitif|ma5tuf|makhtuf|mafqud|mafgud|mafkud|mafqood|dha3|dhaa3|tha3|dhay3|dhayi3',
    ],
    strong: ['خطف|اختطاف|مخطوف|مخطوفه|مفقود|مفكود|يخطفون|ديخطفون|kidnap|abduct|missing', `${KIN} ~ غايب|غايبه|ما نعرف وين|ما ندري وين`],
    weak: ['خطف|اختطاف|kidnap|ڕفاندن|رفاندن'],
  },
  'sexual-violence': {
    always: [
      'اغتصبني|اغتصبوني|اغتصبها|اغتصبوها|اغتصبه|اغتصبوه|يغتصبني|يغتصبها|ديغتصب|يغتصب|يحاول يغتصب|حاول يغتصب|انغتصبت|اغتصبت',
      'يتحرش|ديتحرش|دا يتحرش|يتحرشون|ديتحرشون|تحرشو|تحرشوا ~ بيه|بي|بيا|بيها|ببنتي|بابني|بطفلي|بالجاهل|بالطفل|بأختي|باختي|هسه|الان|بالشارع|بالباص|بالكيا|بالتكسي|وراي|ويلاحكني|ويلاحقني|بالبيت',
      'اعتدى|اعتدوا|يعتدي|ديعتدي|يحاول يعتدي ~ علي|عليه|عليها|ع|جنسيا|جنسي',
      'لمسني|ديلمسني|يلمسني|يلمس|لمس ~ بنتي|ابني|طفلي|الجاهل|الطفل|مكان|اماكن|جسمي|جسمها|بطريقه',
      'raped|raping|rape me|sexualy asaulted|sexually assaulted|sexual asault|sexual assault|molested|molesting|touched me|touching me|harasing me|harassing me|groped|grabbed me',
      'دهستدريژي|دەستدرێژی ~ سيكسي|سێکسی|جنسي|كرده|کردە|دهكات|دەکات',
      'لاقهكرا|لاقەکرا|لاقه كرا|لاقەکردن|لاقهكردن',
      'ightisab|i5tisab|ightisbo|ightisboni|yitharrash|yit7arash|dyit7arash|y7arish|t7arrash|t7arush ~ biya|bia|bi|biha|bibinti',
    ],
    strong: ['اغتصاب|تحرش|اعتداء جنسي|rape|sexual abuse|sexual assault|harassment'],
    weak: ['اغتصاب|اعتداء جنسي|rape'],
  },
  blackmail: {
    always: [
      'يبتزني|ديبتزني|يبتزوني|ديبتزوني|ابتزني|ابتزوني|دتبتزني|تبتزني|مبتزني',
      'ديبتز|يبتز|تبتز|دتبتز|يبتزون|ديبتزون ~ بنتي|ابني|اختي|اخوي|مرتي|زوجتي|صديقتي|صديقي|بيه|بي|بنتنا|ابننا',
      'ينشر|ينزل|يفضح|يسرب|يرسل|تنشر|تفضح ~ صوري|صورتي|فيديوهاتي|فديوهاتي|مقاطعي|رسايلي|محادثاتي|صورها|فيديوها|صور بنتي|صور اختي|صور مرتي|صور زوجتي',
      'يفضحني|يفضحها|يفضحنا|تفضحني',
      'هددني|يهددني|ديهددني|هددها|يهددها|ديهددها|هدد|يهدد ~ بالصور|بصوري|بصورها|بالفيديو|بفيديو|بالفضيحه|يفضحني|يفضحها|بالنشر|ينشر',
      'يطلب|ديطلب|طلب|يريد|ديريد ~ فلوس|مبلغ|مصاري|دولار|الف|ورقه|ورق ~ لو|او|والا|ولا|اذا ما|ينشر|يفضح|يرسل|صوري|صورها',
      'مهله|مهلة|مهلتي|لحد|الى|باجر|الليله|ساعه|ساعات ~ ينشر|يفضح|يرسل|ينزل|صوري|صورها|الصور|الفيديو',
      'blackmailing|blackmails|extorting|sextortion|sextorting',
      'threatening|threatens|threatened|going|gona|wil ~ to ~ post|leak|share|publish|send|expose ~ my|our|her|his ~ photos|pictures|pics|videos|video|chats|nudes',
      'هرهشه|هەڕەشە ~ ويّنه|وێنە|وينهكانم|وێنەکانم|ڤيديو|ڤیدیۆ',
      'وينهكانم|وێنەکانم|ڤيديوكانم|ڤیدیۆکانم ~ بلاو|بڵاو ~ دهكاتهوه|دەکاتەوە|دهكات|دەکات',
      'yibtazni|yibtazzni|dyibtazni|dyebtazni|ybtazni|ibtazni',
      'ynshur|yinshur|yenshur|dynshur|ra7 ynshur|yfdh7ni|yfda7ni|yfa6hni|yfdahni|yfdhahni ~ sowari|swari|sowar|9wari|suwari|sowarha|swarha',
    ],
    strong: [
      'ابتزاز|ابتزاز الكتروني|يبتز|ابتزاز جنسي',
      'blackmail|blackmailed|extortion',
      'ينشر|راح ينشر|ينزل|يفضح|يسرب|يرسل ~ صور|فيديو|مقاطع|الصور|صوره',
    ],
    weak: ['ابتزاز|blackmail|ibtizaz'],
  },
};

/** Bare cries for help: urgent, but no category of their own (the reply leads with 911). */
export const CRIES_FOR_HELP = [
  'الحكوني|الحكونا|الحقوني|الحقونا|انجدوني|انجدونا|انقذوني|انقذونا|ساعدوني بسرعه|فزعه|افزعولي|افزعوا|النجده|نجده',
  'help me|help us|save me|save us|please help|someone help|sos|its an emergency|it s an emergency|this is an emergency',
  'فريام كهون|فریام کەون|فريامان كهون|فریامان کەون|يارمهتي|یارمەتی|رزگارم كهن|ڕزگارم کەن',
  'il7goni|el7agooni|l7goni|il7agoni|el7goni|ilhagoni|ilhaguni|sa3doni|sa3dooni|in9ithoni',
];

/** Signs that it is happening now, which override framing such as "what is the penalty for…". */
export const IMMEDIACY = [
  'هسه|هسع|هسا|هسة|هالحين|هلا|هلأ|الان|حاليا|هالساعه|هالوكت|بهاللحظه|اللحظه|الليله|فورا|بسرعه|عاجل|عاجلا|ارجوكم|رجاءا|دخيلكم|دخيل|الحكوني|الحقوني|الحكونا|الحقونا|ساعدوني|انقذوني|النجده|فزعه',
  'now|right now|tonight|quick|quickly|hurry|asap|urgent|urgently|please help|help',
  'ايستا|ئێستا|ئيستا|ئیستا|زوو|خيرا|خێرا|فريا|فریا',
  'hassa|hasa|hesa|hessa|halla|hala|alan|il7in|hal7in|bsur3a|bsura3|basur3a|ilyom|illila|allaila',
];

/**
 * Framing that makes a message about a subject rather than a danger: the law, news and numbers,
 * prevention and awareness, definitions, fiction, the past, hypotheticals, and everyday figures of
 * speech (الحر يكتل، هالامتحان كتلني). Only `strong` phrases give way to it, and only without
 * IMMEDIACY.
 */
export const NOT_AN_EMERGENCY = [
  // the law
  'عقوبه|عقوبات|العقوبه|يعاقب|يعاكب|تعاقب|معاقب|القانون|قانون|الماده|ماده|مواد|المحكمه|محكمه|حكم|الحكم|جريمه|جرائم|يسجن|سجن|محامي|دعوه|شكوى|شكوه|قضيه|penalty|punishment|punished|sentence|law|laws|legal|ilegal|illegal|crime|court|lawyer|سزا|یاسا|ياسا',
  // news and numbers
  'احصائيه|احصائيات|احصاءات|نسبه|معدل|معدلات|كم حاله|كم عدد|عدد|اعداد|ارقام|اخبار|خبر|الاخبار|سمعت|شفت بالاخبار|تقرير|دراسه|بحث|statistics|rate|rates|news|report|study|research|how many|number of|ههوال|هەواڵ|ژماره|ژمارە',
  // prevention, awareness, definitions, how-to in general
  'علامات|اعراض|اسباب|شلون احمي|كيف احمي|نحمي|احمي|حمايه|الوقايه|وقايه|نوعي|توعيه|التوعيه|محاضره|ندوه|حمله|يعني|معنى|تعريف|شنو هو|شنو هي|ما هو|ما هي|ما هي|شنو الفرق|الفرق|انواع|اسعافات اوليه|تدريب|دوره|نصايح|نصائح|signs|symptoms|causes|prevent|prevention|awareness|what is|what are|define|definition|difference|types|tips|first aid|training|course|نيشانهكاني|نیشانەکانی|هوكار|هۆکار',
  // fiction and games
  'فلم|فيلم|افلام|مسلسل|مسلسلات|روايه|قصه|لعبه|العاب|ببجي|فري فاير|كول اوف|كاونتر|بلايستيشن|يوتيوب|تيك توك|movie|film|series|show|novel|story|game|games|pubg|fortnite|gta|call of duty|song|فیلم|فيلم|یاری|ياري',
  // the past, over and safe
  'قبل سنه|قبل سنتين|قبل سنين|قبل شهر|قبل شهرين|قبل اشهر|من زمان|زمان|ايام زمان|بالسنين|السنه الماضيه|السنه اللي فاتت|العام الماضي|بالتسعينات|بالثمانينات|years ago|last year|in the past|used to|back in|ساڵی ڕابردوو|سالي رابردوو|پار',
  // hypotheticals
  'اذا|لو|لا سمح الله|في حال|بحال|افرض|نفرض|مستقبلا|بالمستقبل|if|in case|what if|suppose|ئهگهر|ئەگەر',
  // figures of speech
  'الحر|الحراره|حر|الشمس|الامتحان|الامتحانات|امتحان|الدوام|الشغل|الضحك|ضحك|الجوع|جوعان|الشوك|الشوق|الملل|الزحمه|زحمه|الاسعار|اسعار|الغلاء|الكهرباء|الدراسه|المدرسه|الواجب|الواجبات|نار الاسعار|فلفل|حار|حاره|بالاكل|بالاكله|الطبخ|المطبخ|الطباخ|الشاي|الفاليه|جكاره|سجاره|جكايره|نركيله|اركيله|laughing|laugh|heat|hot|exam|exams|homework|traffic|prices|spicy|cooking|دوكان|گهرما|گەرما|تاقیکردنەوە',
];
