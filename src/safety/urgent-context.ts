// What around a danger word decides whether the message is an emergency: signs that it is happening
// now, pleas, and the framings that make it a question about the subject instead (the law, the
// news, prevention, fiction, the long past, hypotheticals, figures of speech). Same phrase syntax
// as urgent-lexicon.ts; how each list weighs is in detect-urgent.ts.

/** Bare cries for help: urgent, but no category of their own (the reply leads with 911). */
export const CRIES_FOR_HELP = [
  'الحكوني|الحكونا|الحقوني|الحقونا|انجدوني|انجدونا|انقذوني|انقذونا|ساعدوني بسرعه|فزعه|افزعولي|افزعوا',
  'help me|help us|save me|save us|please help|someone help|sos|its an emergency|it s an emergency|this is an emergency',
  'فريام كهون|فریام کەون|فريامان كهون|فریامان کەون|يارمهتيم بدهن|یارمەتیم بدەن|يارمهتيمان بدهن|یارمەتیمان بدەن|رزگارم كهن|ڕزگارم کەن',
  'il7goni|el7agooni|l7goni|il7agoni|el7goni|ilhagoni|ilhaguni|sa3doni|sa3dooni|in9ithoni',
];

/** Signs that it is happening now, which override framing such as "what is the penalty for…". */
export const IMMEDIACY = [
  'هسه|هسع|هسا|هسة|هالحين|هلا|هلأ|الان|حاليا|هالساعه|هالوكت|بهاللحظه|اللحظه|الليله|فورا|بسرعه|عاجل|عاجلا|دخيلكم|دخيل|الحكوني|الحقوني|الحكونا|الحقونا|ساعدوني|انقذوني|فزعه|تعالوا|تعالو',
  'now|right now|tonight|quick|quickly|hurry|asap|urgent|urgently|please help|help me|help us',
  'ايستا|ئێستا|ئيستا|ئیستا|زوو|خيرا|خێرا|فريا|فریا',
  'hassa|hasa|hesa|hessa|halla|hala|alan|il7in|hal7in|bsur3a|bsura3|basur3a|ilyom|illila|allaila',
];

/** Asking what to do, or fear: a sign of now only when nothing frames the message as general. */
export const PLEAS = [
  'شسوي|شاسوي|شنسوي|ماذا افعل|ماذا نفعل|شنو اسوي|شنو نسوي|شلون اتصرف|ارجوكم|رجاءا|رجاء|خايف|خايفه|خائف|خائفه|خايفين|مرعوب|مرعوبه|تكايه|تکایە',
  'what do i do|what should i do|what do we do|what can i do|please|plz|pls|scared|terrified|afraid',
  'shasawi|shsawi|shnsawi|ashsawi|khayif|5ayif|5ayfa|khayfa',
];

/**
 * Framing that makes a message about a subject rather than a danger. Only `strong` and `weak`
 * phrases give way to it, and only without IMMEDIACY.
 */
export const NOT_AN_EMERGENCY = [
  // the law and rights
  'عقوبه|عقوبته|عقوبتها|عقوبتهم|عقوبات|العقوبه|يعاقب|يعاكب|تعاقب|معاقب|القانون|قانون|المحكمه|محكمه|حكم|الحكم|جريمه|جرائم|يسجن|سجن|محامي|دعوه|شكوى|شكوه|قضيه|الدستور|دستور|حقوق|ممنوع|منعه|يمنع|منع|penalty|punishment|punished|sentence|law|laws|legal|ilegal|illegal|crime|court|lawyer|constitution|prohibit|prohibits|rights|سزا|سزاي|سزای|یاسا|ياسا|یاسای|ياساي|یاسادا|ياسادا|عێراقدا',
  'الماده|ماده ~ 0*|1*|2*|3*|4*|5*|6*|7*|8*|9*|اولا|ثانيا|ثالثا|رابعا|الاولى|الاولي',
  // news and numbers
  'احصائيه|احصائيات|احصاءات|نسبه|معدل|معدلات|كم حاله|كم عدد|عدد الحالات|عدد حالات|اعداد|ارقام|رقم|اخبار|خبر|الاخبار|سمعت|شفت بالاخبار|تقرير|دراسه|بحث|statistics|rate|rates|news|report|study|research|how many|number of|number|ههوال|هەواڵ|ژماره|ژمارە|ئامار*|ريژه*|ڕێژە*',
  // prevention, awareness, definitions, teaching, how-to in general
  'علامات|اعراض|اسباب|شلون احمي|كيف احمي|نحمي|احمي|حمايه|الوقايه|وقايه|نوعي|توعيه|التوعيه|محاضره|ندوه|حمله|يعني|معنى|تعريف|شنو هو|شنو هي|ما هو|ما هي|شنو الفرق|الفرق|انواع|اسعافات اوليه|تدريب|دوره|نصايح|نصائح|اثكف|اعلم|نعلم|مطفاه|طفايه|ليش|لماذا|معنا|كيف ابلغ|شلون ابلغ|وين ابلغ|كيف اتكلم|شلون احجي|خط ساخن|الخط الساخن|مصادر|اطروحه|رساله ماجستير|التحكيك|تحكيك|signs|symptoms|causes|prevent|prevention|awareness|what is|what are|define|definition|difference|types|tips|first aid|training|course|teach|extinguisher|why|mean|meaning|hotline|thesis|sources|counseling|counselling|services|talk to|talk about|how to report|how can i report|نيشانهكاني|نیشانەکانی|هوكار|هۆکار',
  // fiction and games
  'فلم|فيلم|افلام|مسلسل|مسلسلات|روايه|قصه|لعبه|العاب|ببجي|فري فاير|كول اوف|كاونتر|بلايستيشن|يوتيوب|تيك توك|movie|film|series|show|novel|story|game|games|pubg|fortnite|gta|call of duty|song|فیلم|یاری|ياري',
  // hypotheticals
  'اذا|لو|لا سمح الله|في حال|بحال|افرض|نفرض|مستقبلا|بالمستقبل|if|in case|what if|suppose|ئهگهر|ئەگەر',
];

/**
 * Long past and over: the danger words describe what happened years ago, so a «هسه» in the same
 * message («وهسه صار بخير») is about today's question, not today's danger.
 */
/** «وهسه رجع يهددني»: the danger from the past is back, so the long past no longer calms it. */
export const ONGOING = ['بعده|بعدها|بعدو|لحد هسه|لهسه|لحد الان|مستمر|مستمره|من جديد|مره ثانيه|still|again', 'رجع|رجعت ~ يهدد*|تهدد*|يبتز*|تبتز*|يضرب*|يلاحك*'];

export const LONG_PAST = [
  'قبل ~ سنين|سنوات|اشهر|شهور|شهرين|شهر|سنه|سنتين|عام|عامين|اعوام',
  'من جنت|لما جنت|من كنت|لما كنت ~ بالرابع|بالخامس|بالسادس|بالثالث|بالثاني|بالاول|بالمتوسطه|بالابتدائيه|بالاعداديه|بالثانويه|بالمدرسه|طالب|طالبه',
  'وانتهت السالفه|انتهت السالفه|خلصت السالفه|وخلصت السالفه|انتهى الموضوع|وانتهى الموضوع|خلص الموضوع',
  'من زمان|ايام زمان|بالسنين|السنه الماضيه|السنه اللي فاتت|العام الماضي|بالتسعينات|بالثمانينات|وانحلت|وانحل|انحلت|وخلص|وهو بخير|وهي بخير|اني بخير|انا بخير|صرت بخير|من جنت زغير*|من جنت صغير*|لما جنت زغير*|لما كنت صغير*|عندما كنت صغير*|ساعدتوني|ساعدتونا|كلشي انحل|انحل|صار احسن|صارت احسن|ورجع سالم|ورجعت سالمه',
  'in|back in|عام|سنه|بسنه|بعام|من سنه ~ 19*|20*',
  'من ~ سنين|سنوات',
  'years ago|last year|months ago|in the past|back in|is fine now|is ok now|was resolved|when i was a child|as a child|you helped me|you helped us',
  'السنه الفاتت|السنه الفايته|العام الفائت|زمان لما|لما كنا صغار|لما كنا زغار|من كنا صغار|من كنا زغار|اللي صار امس|الي صار امس|صار امس|صار البارحه|اللي صار البارحه|بس لكيناه|بس لكيناها|لكيناه الحمدلله|لكيناها الحمدلله|الحمدلله لكيناه|الحمدلله لكيناها|لكيناه الحمد لله|لكيناها الحمد لله',
  'ساڵی ڕابردوو|سالي رابردوو|پار',
];

/** The sender says the question is general: only a sign of now makes it urgent. */
export const JUST_ASKING = [
  'بس اسال|بس دا اسال|سؤال عام|سوال عام|احتياط|للاحتياط|بشكل عام|عموما|بصوره عامه|للمعلومات|للمعلومه|فضول|من باب العلم',
  'لو صار|اذا صار|لو صارت|اذا صارت|لو يصير|اذا يصير|اذا حدث|في حال حدوث|اذا شفت|لو شفت',
  'ئەگەر کەسێک|ئەگەر یەکێک|ئهگهر كهسيك|ئه گه ر كه سيك|ئهگهر يهكيك',
  // What happened in a film or a series: a question about the scene, not a danger.
  'in a movie|in the movie|in a film|in the film|in a series|in a show|بفلم|بالفلم|بفيلم|بالفيلم|بمسلسل|بالمسلسل|بفيلمێک|لە فیلمێک',
  'if there is|if there was|if there s|if i see|if you see|if someone|just asking|asking for|in general|generaly|for a course|for school|for homework|out of curiosity',
  // The future and "how would I know": a question about what might happen, not what is happening.
  'بالمستقبل|مستقبلا|في المستقبل|بعدين اذا|لو بعدين|in the future|someday|one day|ba3dain|ba3den',
  'شلون اعرف|كيف اعرف|شلون اكدر اعرف|كيف يمكنني ان اعرف|شلون اميز|how do i know|how can i tell|how would i know',
  // Saying it is only a question, supposing, or asking what the rules are (round 3's tune half).
  'مجرد سؤال|مجرد سوال|سؤال بس|بس سؤال|سوال بس|بس سوال|من باب المعرفه|للمعرفه|فقط اسال|اسال فقط|افرض|نفرض|لنفرض|suppose|let s say|just a question',
  'اذا واحد|لو واحد|اذا شخص|لو شخص|اذا احد|لو احد|ida wa7ad|iza wa7ad|lo wa7ad|law wa7ad|ida sar|iza sar|lo sar|law sar|ida 9ar|lo 9ar|ida sarat|lo sarat',
  'انتظر|انطر|ننتظر|ننطر|تنتظر|ينتظرون|نستنى|لازم ننتظر ~ 24|ساعه|ساعات|يوم',
  'لو تلقيت|اذا تلقيت|لو وصلتني|اذا وصلتني|لو اجتني|اذا اجتني|لو وصلني|اذا وصلني|تەنها پرسیارە|تهنها پرسياره|تنها پرسياره|ته نها پرسياره',
  // Prevention: what to do so that it does not happen, which no first-person danger outweighs.
  'حتى ما يصير|حتى مايصير|حتى ميصير|حتى لا يحدث|لكي لا يحدث|حتى ما يصير عدنا|7ata mayseer|7ata ma yseer|7atta mayseer|to prevent|so it doesn t happen|so that it doesn t happen',
];

/**
 * Everyday hyperbole that uses danger words: «الجو نار», «رح اموت من الضحك», «ذبحني الحر».
 * Phrases, not single words: «حريق بالمطبخ» is a fire even though «المطبخ» is everyday.
 */
export const FIGURES_OF_SPEECH = [
  'الجو|الحر|الشمس|الدنيا|الصيف|الاسعار|السعر|سعر|اسعار|الغلاء ~ نار|ولع|ولعت|انفجر|انفجرت|طار|طارت|يكتل|يقتل|كاتل|قاتل|ذابح|يذبح',
  'اموت|اموتن|متت|مت|انفجرت|انفجر|ذبحني|ذبحتني|كتلني|قتلني|قتلتني|كتلتني|موتني|يموتني|موتتني|هلكني|فجرنا|فجرتنا|dying|died|dead|killing me|kiled me|مردم|کوشتمی|كوشتمي ~ من|of|لە|له ~ الضحك|الجوع|الحر|البرد|الملل|الشوك|الشوق|العطش|الدراسه|الزحمه|الحلاوه|الطيبه|الاعصاب|laughter|laughing|heat|boredom|hunger|پێکەنین*|پيكهنين*|برسێتی|برسيتي',
  'الحر|البرد|الجوع|العطش|الملل|الضحك|الامتحان|الامتحانات|الدراسه|الشغل|الدوام|المباراه|الحلاوه|الاعصاب|هالمسلسل|هالاغنيه|الاغنيه|the heat|this heat|the exam|گەرما|گهرما|گەرمای|گهرماي ~ كتلني|قتلني|كتلتني|قتلتني|ذبحني|ذبحتني|يكتل|يقتل|is killing me|kiling me|كوشتمي|کوشتمی|كوشتم|کوشتم',
  'قتل|كتل|ذبح ~ روحه|نفسه|روحها|نفسها|روحي|نفسي ~ بالدراسه|بالشغل|بالدوام|عالدراسه|على الدراسه|بالامتحان|بالرياضه|بالجيم',
  'حرك|حرق ~ كلبي|قلبي|اعصابي',
  'مذبحه|انذبح|انذبحنا|ذبحونا|ذبحتنا ~ بالمباراه|المباراه|خمسه|صفر|بالدوري',
  'قاتله|قاتل|تقتل|تجنن|نار ~ من الطيبه|من الحلاوه|من الحلاوة|طيبه|حلوه',
  'lol|lmao|haha*',
  // Arabizi hyperbole: «ra7 amoot min el d7ak».
  'amoot|ymoot|tmoot|mitt|mit ~ min|mn|mnel|min el|mn el ~ d7ak|d7ik|el d7ak|il d7ik|el 7ar|il 7ar|eljoo3|el joo3',
];
