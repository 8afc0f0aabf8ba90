/**
 * The demo engagement seeded on an empty database, so a newcomer meets the whole product at once: every
 * question type, pictures, a recorded clip, every text in all seven shipped locales in standard and easy
 * read (machine-made outside English: see demo-text.ts), and expenses inside the journey with a published
 * rate card (receipts for public transport and taxi, a £50 taxi cap, £20 for their time).
 */
import type { EngagementContent } from '../shared/engagement';
import { DEFAULT_RATE_CARD, type RateCard } from '../shared/ratecard';
import { pic, tx } from './demo-text';

export const DEMO_SLUG = 'library-your-say';

/** The default card (HMRC mileage, day subsistence, receipts for public transport and taxi, taxi capped at
 *  £50.00) with payment for time, so the claim shows every screen. */
export const DEMO_RATE_CARD: RateCard = { ...DEFAULT_RATE_CARD, timePaymentPence: 2000 };

export const DEMO_TITLE = tx(
  ['Your library, your say', 'Tell us about your library'],
  ['Twoja biblioteka, Twój głos', 'Powiedz nam o swojej bibliotece'],
  ['مكتبتك، رأيك', 'أخبرنا عن مكتبتك'],
  ['An leabharlann agad, do bheachd', 'Innis dhuinn mun leabharlann agad'],
  ['Ваша бібліотека, ваша думка', 'Розкажіть нам про вашу бібліотеку'],
  ['آپ کی لائبریری، آپ کی رائے', 'ہمیں اپنی لائبریری کے بارے میں بتائیں'],
  ['你的图书馆，你的意见', '告诉我们你对图书馆的想法'],
);

const HOURS = tx(
  ['Longer opening hours', 'Open for longer'],
  ['Dłuższe godziny otwarcia', 'Otwarte dłużej'],
  ['ساعات عمل أطول', 'تفتح لوقت أطول'],
  ['Uairean fosglaidh nas fhaide', 'Fosgailte nas fhaide'],
  ['Довші години роботи', 'Працює довше'],
  ['زیادہ دیر تک کھلنے کے اوقات', 'زیادہ دیر کھلی رہے'],
  ['更长的开放时间', '开得更久'],
);

export const DEMO_CONTENT: EngagementContent = {
  defaultLocale: 'en',
  locales: ['en', 'pl', 'ar', 'gd', 'uk', 'ur', 'zh-Hans'],
  title: DEMO_TITLE,
  purpose: tx(
    [
      'The council is planning library opening hours and services for next year. Your answers help decide what changes.',
      'We are planning the library for next year. We want to know what you think. Your answers help us decide.',
    ],
    [
      'Rada planuje godziny otwarcia i usługi biblioteki na przyszły rok. Twoje odpowiedzi pomogą zdecydować o zmianach.',
      'Planujemy bibliotekę na przyszły rok. Chcemy wiedzieć, co myślisz. Twoje odpowiedzi nam pomogą.',
    ],
    [
      'يخطط المجلس لساعات عمل المكتبة وخدماتها للعام المقبل. إجاباتك تساعد في تحديد التغييرات.',
      'نحن نخطط للمكتبة للعام القادم. نريد أن نعرف رأيك. إجاباتك تساعدنا على القرار.',
    ],
    [
      'Tha a’ chomhairle a’ dealbhadh uairean fosglaidh is seirbheisean na leabharlainn airson an ath-bhliadhna. Cuidichidh na freagairtean agad le co-dhùnadh.',
      'Tha sinn a’ dealbhadh na leabharlainn airson an ath-bhliadhna. Tha sinn airson faighinn a-mach dè do bheachd. Cuidichidh na freagairtean agad sinn.',
    ],
    [
      'Рада планує години роботи та послуги бібліотеки на наступний рік. Ваші відповіді допоможуть вирішити, що змінити.',
      'Ми плануємо бібліотеку на наступний рік. Ми хочемо знати, що ви думаєте. Ваші відповіді нам допоможуть.',
    ],
    [
      'کونسل اگلے سال کے لیے لائبریری کے اوقات اور خدمات کی منصوبہ بندی کر رہی ہے۔ آپ کے جوابات فیصلہ کرنے میں مدد کرتے ہیں۔',
      'ہم اگلے سال کے لیے لائبریری کا منصوبہ بنا رہے ہیں۔ ہم جاننا چاہتے ہیں کہ آپ کیا سوچتے ہیں۔ آپ کے جوابات ہماری مدد کرتے ہیں۔',
    ],
    [
      '议会正在规划明年图书馆的开放时间和服务。你的回答会帮助决定要做哪些改变。',
      '我们在计划明年的图书馆。我们想知道你的想法。你的回答能帮助我们。',
    ],
  ),
  privacy: tx(
    [
      'Your answers are anonymous unless you choose to leave contact details. They are kept for two years and used only for this consultation.',
      'We do not need your name. We keep your answers for 2 years. We only use them for this.',
    ],
    [
      'Twoje odpowiedzi są anonimowe, chyba że zostawisz dane kontaktowe. Przechowujemy je przez dwa lata i używamy tylko do tych konsultacji.',
      'Nie potrzebujemy Twojego imienia. Trzymamy odpowiedzi przez 2 lata. Używamy ich tylko do tego.',
    ],
    [
      'إجاباتك مجهولة الهوية ما لم تختر ترك بيانات الاتصال. نحتفظ بها لمدة عامين ونستخدمها لهذه الاستشارة فقط.',
      'لا نحتاج اسمك. نحتفظ بإجاباتك لمدة سنتين. نستخدمها لهذا فقط.',
    ],
    [
      'Chan eil ainm ri do fhreagairtean mura fàg thu fiosrachadh conaltraidh. Cumaidh sinn iad dà bhliadhna, airson a’ cho-chomhairle seo a-mhàin.',
      'Chan fheum sinn d’ ainm. Cumaidh sinn na freagairtean agad 2 bhliadhna. Cleachdaidh sinn iad airson seo a-mhàin.',
    ],
    [
      'Ваші відповіді анонімні, якщо ви не залишите контактів. Ми зберігаємо їх два роки й використовуємо лише для цієї консультації.',
      'Нам не потрібне ваше ім’я. Ми зберігаємо ваші відповіді 2 роки. Ми використовуємо їх лише для цього.',
    ],
    [
      'آپ کے جوابات گمنام ہیں جب تک آپ رابطے کی تفصیلات نہ دیں۔ ہم انہیں دو سال رکھتے ہیں اور صرف اسی مشاورت کے لیے استعمال کرتے ہیں۔',
      'ہمیں آپ کا نام نہیں چاہیے۔ ہم آپ کے جوابات 2 سال رکھتے ہیں۔ ہم انہیں صرف اسی کے لیے استعمال کرتے ہیں۔',
    ],
    [
      '除非你选择留下联系方式，你的回答是匿名的。我们保存两年，只用于这次咨询。',
      '我们不需要你的名字。我们把你的回答保存 2 年。只用在这件事上。',
    ],
  ),
  rateCard: DEMO_RATE_CARD,
  questions: [
    {
      id: 'visit',
      type: 'yesno',
      allowSkip: true,
      title: tx(
        ['Have you used the library in the last year?', 'Have you been to the library this year?'],
        ['Czy korzystałeś(-aś) z biblioteki w ostatnim roku?', 'Czy byłeś(-aś) w bibliotece w tym roku?'],
        ['هل استخدمت المكتبة خلال العام الماضي؟', 'هل ذهبت إلى المكتبة هذا العام؟'],
        ['An do chleachd thu an leabharlann sa bhliadhna a chaidh?', 'An robh thu san leabharlann am-bliadhna?'],
        ['Чи користувалися ви бібліотекою за останній рік?', 'Чи були ви в бібліотеці цього року?'],
        ['کیا آپ نے پچھلے سال لائبریری استعمال کی؟', 'کیا آپ اس سال لائبریری گئے؟'],
        ['过去一年你去过图书馆吗？', '今年你去过图书馆吗？'],
      ),
      picture: pic('library'),
      audio: {
        en: { standard: '/audio/visit-en.ogg', easy: '/audio/visit-en-easy.ogg' },
        pl: { standard: '/audio/visit-pl.ogg' },
      },
    },
    {
      id: 'feel',
      type: 'faces',
      allowSkip: true,
      title: tx(
        ['How do you feel about the library as it is now?', 'How do you feel about the library now?'],
        ['Jak oceniasz bibliotekę w obecnej formie?', 'Co myślisz o bibliotece teraz?'],
        ['ما شعورك تجاه المكتبة بوضعها الحالي؟', 'ما شعورك تجاه المكتبة الآن؟'],
        ['Dè do bheachd air an leabharlann mar a tha i an-dràsta?', 'Dè do bheachd air an leabharlann a-nis?'],
        ['Що ви відчуваєте щодо бібліотеки зараз?', 'Як вам бібліотека зараз?'],
        ['آپ لائبریری کے بارے میں ابھی کیسا محسوس کرتے ہیں؟', 'آپ کو لائبریری ابھی کیسی لگتی ہے؟'],
        ['你觉得图书馆现在怎么样？', '你觉得图书馆现在好吗？'],
      ),
      picture: pic('books'),
    },
    {
      id: 'most',
      type: 'single',
      allowSkip: true,
      title: tx(
        ['Which matters most to you?', 'What is most important to you?'],
        'Co jest dla Ciebie najważniejsze?',
        ['ما الأهم بالنسبة لك؟', 'ما هو الأهم لك؟'],
        ['Dè as cudromaiche dhut?', 'Dè as cudromaiche dhutsa?'],
        'Що для вас найважливіше?',
        ['آپ کے لیے سب سے اہم کیا ہے؟', 'آپ کے لیے سب سے ضروری کیا ہے؟'],
        ['对你来说什么最重要？', '什么对你最重要？'],
      ),
      options: [
        { id: 'hours', picture: pic('clock'), label: HOURS },
        {
          id: 'computers',
          picture: pic('computer'),
          label: tx(
            ['Computers and help to use them', 'Computers and help'],
            ['Komputery i pomoc w ich obsłudze', 'Komputery i pomoc'],
            ['أجهزة الحاسوب والمساعدة في استخدامها', 'حواسيب ومساعدة'],
            ['Coimpiutairean is cuideachadh gan cleachdadh', 'Coimpiutairean is cuideachadh'],
            ['Комп’ютери та допомога з ними', 'Комп’ютери і допомога'],
            ['کمپیوٹر اور انہیں استعمال کرنے میں مدد', 'کمپیوٹر اور مدد'],
            ['电脑和使用电脑的帮助', '电脑和帮助'],
          ),
        },
        {
          id: 'children',
          picture: pic('child'),
          label: tx(
            ['Activities for children', 'Things for children to do'],
            'Zajęcia dla dzieci',
            ['أنشطة للأطفال', 'أشياء يفعلها الأطفال'],
            ['Cur-seachadan do chloinn', 'Rudan do chloinn ri dhèanamh'],
            ['Заняття для дітей', 'Що робити дітям'],
            ['بچوں کے لیے سرگرمیاں', 'بچوں کے لیے کام'],
            ['儿童活动', '给孩子们做的事'],
          ),
        },
        {
          id: 'space',
          picture: pic('sofa'),
          label: tx(
            ['A warm, quiet place to sit', 'A warm, quiet place'],
            ['Ciepłe, ciche miejsce do siedzenia', 'Ciepłe, ciche miejsce'],
            ['مكان دافئ وهادئ للجلوس', 'مكان دافئ وهادئ'],
            ['Àite blàth, sàmhach airson suidhe', 'Àite blàth, sàmhach'],
            ['Тепле, тихе місце, щоб посидіти', 'Тепле, тихе місце'],
            ['بیٹھنے کے لیے گرم، پرسکون جگہ', 'گرم، پرسکون جگہ'],
            ['温暖安静、可以坐的地方', '温暖安静的地方'],
          ),
        },
      ],
    },
    {
      id: 'services',
      type: 'multiple',
      allowSkip: true,
      title: tx(
        ['Which of these would you use? Choose all that apply.', 'What would you use? You can choose more than one.'],
        [
          'Z których z tych usług byś korzystał(a)? Wybierz wszystkie pasujące.',
          'Z czego byś korzystał(a)? Możesz wybrać więcej niż jedno.',
        ],
        ['أي من هذه ستستخدم؟ اختر كل ما ينطبق.', 'ماذا ستستخدم؟ يمكنك اختيار أكثر من واحد.'],
        ['Cò dhiubh seo a chleachdadh tu? Tagh a h-uile gin a fhreagras.', 'Dè a chleachdadh tu? Faodaidh tu barrachd air aon a thaghadh.'],
        ['Чим із цього ви б користувалися? Виберіть усе, що підходить.', 'Чим би ви користувалися? Можна вибрати кілька.'],
        ['آپ ان میں سے کیا استعمال کریں گے؟ جو بھی لاگو ہو سب چنیں۔', 'آپ کیا استعمال کریں گے؟ آپ ایک سے زیادہ چن سکتے ہیں۔'],
        ['你会使用以下哪些服务？选择所有适用的。', '你会用什么？可以选多个。'],
      ),
      options: [
        {
          id: 'books',
          picture: pic('books'),
          label: tx(
            ['Borrowing books', 'Books to take home'],
            ['Wypożyczanie książek', 'Książki do domu'],
            ['استعارة الكتب', 'كتب تأخذها للبيت'],
            ['Leabhraichean air iasad', 'Leabhraichean ri thoirt dhachaigh'],
            ['Позичати книжки', 'Книжки додому'],
            ['کتابیں ادھار لینا', 'گھر لے جانے کے لیے کتابیں'],
            ['借书', '可以带回家的书'],
          ),
        },
        {
          id: 'wifi',
          picture: pic('wifi'),
          label: tx(
            ['Free wifi', 'Free internet'],
            ['Darmowe wifi', 'Darmowy internet'],
            ['واي فاي مجاني', 'إنترنت مجاني'],
            ['WiFi an-asgaidh', 'Eadar-lìon an-asgaidh'],
            ['Безкоштовний wifi', 'Безкоштовний інтернет'],
            ['مفت وائی فائی', 'مفت انٹرنیٹ'],
            ['免费无线网络', '免费上网'],
          ),
        },
        {
          id: 'groups',
          picture: pic('group'),
          label: tx(
            'Groups and classes',
            'Grupy i zajęcia',
            'مجموعات ودروس',
            'Buidhnean is clasaichean',
            'Групи та заняття',
            'گروپ اور کلاسیں',
            '小组和课程',
          ),
        },
        {
          id: 'advice',
          picture: pic('money'),
          label: tx(
            ['Advice sessions (money, housing)', 'Help with money or housing'],
            ['Porady (pieniądze, mieszkanie)', 'Pomoc z pieniędzmi lub mieszkaniem'],
            ['جلسات نصح (المال، السكن)', 'مساعدة في المال أو السكن'],
            ['Seiseanan comhairle (airgead, taigheadas)', 'Cuideachadh le airgead no taigheadas'],
            ['Консультації (гроші, житло)', 'Допомога з грошима чи житлом'],
            ['مشورے کی نشستیں (پیسے، رہائش)', 'پیسے یا رہائش میں مدد'],
            ['咨询服务（钱、住房）', '钱或住房方面的帮助'],
          ),
        },
      ],
    },
    {
      id: 'share',
      type: 'priorities',
      tokens: 5,
      allowSkip: true,
      title: tx(
        ['Share 5 tokens between the things that matter most to you', 'Give 5 points to what matters to you'],
        ['Podziel 5 żetonów między to, co jest dla Ciebie najważniejsze', 'Daj 5 punktów temu, co jest dla Ciebie ważne'],
        ['وزّع 5 نقاط على الأمور الأهم بالنسبة لك', 'أعطِ 5 نقاط لما يهمك'],
        ['Roinn 5 puingean eadar na rudan as cudromaiche dhut', 'Thoir 5 puingean do na rudan a tha cudromach dhut'],
        ['Розподіліть 5 жетонів між тим, що для вас найважливіше', 'Дайте 5 балів тому, що для вас важливо'],
        ['اپنے لیے سب سے اہم چیزوں میں 5 ٹوکن بانٹیں', 'جو آپ کے لیے اہم ہے اسے 5 پوائنٹ دیں'],
        ['把 5 点分给对你最重要的事情', '把 5 分给对你重要的事'],
      ),
      hint: tx(
        [
          'Press + to give a token, − to take it back. You can give more than one to the same thing.',
          'Press + to give a point. Press − to take it back.',
        ],
        ['Naciśnij +, aby dać żeton, − aby go zabrać.', 'Naciśnij +, aby dać punkt. Naciśnij −, aby go zabrać.'],
        ['اضغط + لإعطاء نقطة، و− لاستعادتها.', 'اضغط + لتعطي نقطة. اضغط − لتأخذها.'],
        [
          'Brùth + airson puing a thoirt seachad, − airson a toirt air ais. Faodaidh tu barrachd air aon a thoirt don aon rud.',
          'Brùth + airson puing a thoirt seachad. Brùth − airson a toirt air ais.',
        ],
        [
          'Натисніть +, щоб дати жетон, −, щоб забрати його. Можна дати кілька одному й тому самому.',
          'Натисніть +, щоб дати бал. Натисніть −, щоб забрати.',
        ],
        [
          'ٹوکن دینے کے لیے + دبائیں، واپس لینے کے لیے − دبائیں۔ آپ ایک ہی چیز کو ایک سے زیادہ دے سکتے ہیں۔',
          'پوائنٹ دینے کے لیے + دبائیں۔ واپس لینے کے لیے − دبائیں۔',
        ],
        ['按 + 给一点，按 − 收回。同一件事可以给多点。', '按 + 给一分。按 − 收回。'],
      ),
      picture: pic('coin'),
      options: [
        { id: 'hours', picture: pic('clock'), label: HOURS },
        {
          id: 'books',
          picture: pic('books'),
          label: tx('More books', 'Więcej książek', 'كتب أكثر', 'Barrachd leabhraichean', 'Більше книжок', 'زیادہ کتابیں', '更多的书'),
        },
        {
          id: 'computers',
          picture: pic('computer'),
          label: tx(
            'More computers',
            'Więcej komputerów',
            'حواسيب أكثر',
            'Barrachd choimpiutairean',
            'Більше комп’ютерів',
            'زیادہ کمپیوٹر',
            '更多电脑',
          ),
        },
        {
          id: 'events',
          picture: pic('group'),
          label: tx(
            ['Events and groups', 'Things to do together'],
            ['Wydarzenia i grupy', 'Wspólne zajęcia'],
            ['فعاليات ومجموعات', 'أنشطة معًا'],
            ['Tachartasan is buidhnean', 'Rudan ri dhèanamh còmhla'],
            ['Події та групи', 'Що робити разом'],
            ['تقریبات اور گروپ', 'مل کر کرنے کے کام'],
            ['活动和小组', '一起做的事'],
          ),
        },
      ],
    },
    {
      id: 'voice',
      type: 'voice',
      allowSkip: true,
      title: tx(
        ['Would you like to tell us something in your own voice?', 'Do you want to tell us something? You can talk.'],
        ['Czy chcesz nam coś powiedzieć własnym głosem?', 'Chcesz nam coś powiedzieć? Możesz mówić.'],
        ['هل تود أن تخبرنا بشيء بصوتك؟', 'هل تريد أن تخبرنا بشيء؟ يمكنك التكلم.'],
        ['Am bu toil leat rudeigin innse dhuinn nad ghuth fhèin?', 'A bheil thu airson rudeigin innse dhuinn? Faodaidh tu bruidhinn.'],
        ['Хочете розповісти нам щось своїм голосом?', 'Хочете нам щось сказати? Можна говорити.'],
        ['کیا آپ اپنی آواز میں ہمیں کچھ بتانا چاہیں گے؟', 'کیا آپ ہمیں کچھ بتانا چاہتے ہیں؟ آپ بول سکتے ہیں۔'],
        ['你想用自己的声音告诉我们一些事情吗？', '你想告诉我们什么吗？你可以说话。'],
      ),
      hint: tx(
        ['Press Record, speak, then press Stop recording. You can listen and record again.', 'Press Record. Talk. Press Stop.'],
        ['Naciśnij Nagraj, mów, a potem Zatrzymaj nagrywanie.', 'Naciśnij Nagraj. Mów. Naciśnij Zatrzymaj.'],
        ['اضغط سجّل، تكلّم، ثم اضغط أوقف التسجيل.', 'اضغط سجّل. تكلّم. اضغط إيقاف.'],
        [
          'Brùth Clàraich, bruidhinn, agus brùth Stad an clàradh. Faodaidh tu èisteachd agus clàradh a-rithist.',
          'Brùth Clàraich. Bruidhinn. Brùth Stad.',
        ],
        [
          'Натисніть «Записати», говоріть, потім натисніть «Зупинити запис». Можна прослухати й записати ще раз.',
          'Натисніть «Записати». Говоріть. Натисніть «Стоп».',
        ],
        ['ریکارڈ دبائیں، بولیں، پھر ریکارڈنگ روکیں دبائیں۔ آپ سن کر دوبارہ ریکارڈ کر سکتے ہیں۔', 'ریکارڈ دبائیں۔ بولیں۔ روکیں دبائیں۔'],
        ['按“录音”，说话，然后按“停止录音”。你可以听一听，再录一次。', '按“录音”。说话。按“停止”。'],
      ),
      picture: pic('microphone'),
    },
    {
      id: 'else',
      type: 'text',
      allowSkip: true,
      picture: pic('speech'),
      title: tx(
        ['Is there anything else you would like to tell us?', 'Anything else you want to tell us?'],
        ['Czy chcesz nam powiedzieć coś jeszcze?', 'Chcesz nam coś jeszcze powiedzieć?'],
        ['هل هناك أي شيء آخر تود إخبارنا به؟', 'هل تريد أن تخبرنا بشيء آخر؟'],
        ['A bheil dad sam bith eile ann a bu toil leat innse dhuinn?', 'Rud sam bith eile a tha thu airson innse dhuinn?'],
        ['Чи хочете ви розповісти нам ще щось?', 'Хочете сказати нам ще щось?'],
        ['کیا آپ ہمیں کچھ اور بتانا چاہیں گے؟', 'کچھ اور جو آپ ہمیں بتانا چاہتے ہیں؟'],
        ['你还有什么想告诉我们的吗？', '还有别的想告诉我们吗？'],
      ),
    },
  ],
};
