/**
 * The demo engagement seeded on an empty database, so a newcomer can try the whole journey at once: every
 * question type, pictures (Twemoji, CC BY 4.0: see public/pictograms/ATTRIBUTION.md), a recorded clip.
 * English, Polish and Arabic are complete; Gaelic, Ukrainian, Urdu and Chinese have the main texts, and
 * the rest falls back to English (marked lang="en" on the page).
 */
import type { EngagementContent, Picture, Text } from '../shared/engagement';

type Pair = [standard: string, easy: string];
const t = (en: Pair, pl: Pair, ar: Pair, more: Partial<Record<'gd' | 'uk' | 'ur' | 'zh-Hans', string>> = {}): Text => ({
  en: { standard: en[0], easy: en[1] },
  pl: { standard: pl[0], easy: pl[1] },
  ar: { standard: ar[0], easy: ar[1] },
  ...Object.fromEntries(Object.entries(more).map(([lng, standard]) => [lng, { standard }])),
});

const pic = (name: string, en: string, pl: string, ar: string): Picture => ({
  src: `/pictograms/${name}.svg`,
  alt: t([en, en], [pl, pl], [ar, ar]),
});

export const DEMO_SLUG = 'library-your-say';

export const DEMO_TITLE = t(
  ['Your library, your say', 'Tell us about your library'],
  ['Twoja biblioteka, Twój głos', 'Powiedz nam o swojej bibliotece'],
  ['مكتبتك، رأيك', 'أخبرنا عن مكتبتك'],
  {
    gd: 'An leabharlann agad, do bheachd',
    uk: 'Ваша бібліотека, ваша думка',
    ur: 'آپ کی لائبریری، آپ کی رائے',
    'zh-Hans': '你的图书馆，你的意见',
  },
);

export const DEMO_CONTENT: EngagementContent = {
  defaultLocale: 'en',
  locales: ['en', 'pl', 'ar', 'gd', 'uk', 'ur', 'zh-Hans'],
  title: DEMO_TITLE,
  purpose: t(
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
    {
      gd: 'Tha a’ chomhairle a’ dealbhadh uairean fosglaidh is seirbheisean na leabharlainn airson an ath-bhliadhna. Cuidichidh na freagairtean agad le co-dhùnadh.',
      uk: 'Рада планує години роботи та послуги бібліотеки на наступний рік. Ваші відповіді допоможуть вирішити, що змінити.',
      ur: 'کونسل اگلے سال کے لیے لائبریری کے اوقات اور خدمات کی منصوبہ بندی کر رہی ہے۔ آپ کے جوابات فیصلہ کرنے میں مدد کرتے ہیں۔',
      'zh-Hans': '议会正在规划明年图书馆的开放时间和服务。你的回答会帮助决定要做哪些改变。',
    },
  ),
  privacy: t(
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
    {
      gd: 'Chan eil ainm ri do fhreagairtean mura fàg thu fiosrachadh conaltraidh. Cumaidh sinn iad dà bhliadhna, airson a’ cho-chomhairle seo a-mhàin.',
      uk: 'Ваші відповіді анонімні, якщо ви не залишите контактів. Ми зберігаємо їх два роки й використовуємо лише для цієї консультації.',
      ur: 'آپ کے جوابات گمنام ہیں جب تک آپ رابطے کی تفصیلات نہ دیں۔ ہم انہیں دو سال رکھتے ہیں اور صرف اسی مشاورت کے لیے استعمال کرتے ہیں۔',
      'zh-Hans': '除非你选择留下联系方式，你的回答是匿名的。我们保存两年，只用于这次咨询。',
    },
  ),
  questions: [
    {
      id: 'visit',
      type: 'yesno',
      allowSkip: true,
      title: t(
        ['Have you used the library in the last year?', 'Have you been to the library this year?'],
        ['Czy korzystałeś(-aś) z biblioteki w ostatnim roku?', 'Czy byłeś(-aś) w bibliotece w tym roku?'],
        ['هل استخدمت المكتبة خلال العام الماضي؟', 'هل ذهبت إلى المكتبة هذا العام؟'],
        {
          gd: 'An do chleachd thu an leabharlann sa bhliadhna a chaidh?',
          uk: 'Чи користувалися ви бібліотекою за останній рік?',
          ur: 'کیا آپ نے پچھلے سال لائبریری استعمال کی؟',
          'zh-Hans': '过去一年你去过图书馆吗？',
        },
      ),
      picture: pic('library', 'A library building', 'Budynek biblioteki', 'مبنى مكتبة'),
      audio: {
        en: { standard: '/audio/visit-en.ogg', easy: '/audio/visit-en-easy.ogg' },
        pl: { standard: '/audio/visit-pl.ogg' },
      },
    },
    {
      id: 'feel',
      type: 'faces',
      allowSkip: true,
      title: t(
        ['How do you feel about the library as it is now?', 'How do you feel about the library now?'],
        ['Jak oceniasz bibliotekę w obecnej formie?', 'Co myślisz o bibliotece teraz?'],
        ['ما شعورك تجاه المكتبة بوضعها الحالي؟', 'ما شعورك تجاه المكتبة الآن؟'],
        {
          gd: 'Dè do bheachd air an leabharlann mar a tha i an-dràsta?',
          uk: 'Що ви відчуваєте щодо бібліотеки зараз?',
          ur: 'آپ لائبریری کے بارے میں ابھی کیسا محسوس کرتے ہیں؟',
          'zh-Hans': '你觉得图书馆现在怎么样？',
        },
      ),
      picture: pic('books', 'Books', 'Książki', 'كتب'),
    },
    {
      id: 'most',
      type: 'single',
      allowSkip: true,
      title: t(
        ['Which matters most to you?', 'What is most important to you?'],
        ['Co jest dla Ciebie najważniejsze?', 'Co jest dla Ciebie najważniejsze?'],
        ['ما الأهم بالنسبة لك؟', 'ما هو الأهم لك؟'],
        {
          gd: 'Dè as cudromaiche dhut?',
          uk: 'Що для вас найважливіше?',
          ur: 'آپ کے لیے سب سے اہم کیا ہے؟',
          'zh-Hans': '对你来说什么最重要？',
        },
      ),
      options: [
        {
          id: 'hours',
          picture: pic('clock', 'A clock', 'Zegar', 'ساعة'),
          label: t(
            ['Longer opening hours', 'Open for longer'],
            ['Dłuższe godziny otwarcia', 'Otwarte dłużej'],
            ['ساعات عمل أطول', 'تفتح لوقت أطول'],
          ),
        },
        {
          id: 'computers',
          picture: pic('computer', 'A computer', 'Komputer', 'حاسوب'),
          label: t(
            ['Computers and help to use them', 'Computers and help'],
            ['Komputery i pomoc w ich obsłudze', 'Komputery i pomoc'],
            ['أجهزة الحاسوب والمساعدة في استخدامها', 'حواسيب ومساعدة'],
          ),
        },
        {
          id: 'children',
          picture: pic('child', 'A child', 'Dziecko', 'طفل'),
          label: t(
            ['Activities for children', 'Things for children to do'],
            ['Zajęcia dla dzieci', 'Zajęcia dla dzieci'],
            ['أنشطة للأطفال', 'أشياء يفعلها الأطفال'],
          ),
        },
        {
          id: 'space',
          picture: pic('sofa', 'A sofa', 'Kanapa', 'أريكة'),
          label: t(
            ['A warm, quiet place to sit', 'A warm, quiet place'],
            ['Ciepłe, ciche miejsce do siedzenia', 'Ciepłe, ciche miejsce'],
            ['مكان دافئ وهادئ للجلوس', 'مكان دافئ وهادئ'],
          ),
        },
      ],
    },
    {
      id: 'services',
      type: 'multiple',
      allowSkip: true,
      title: t(
        ['Which of these would you use? Choose all that apply.', 'What would you use? You can choose more than one.'],
        [
          'Z których z tych usług byś korzystał(a)? Wybierz wszystkie pasujące.',
          'Z czego byś korzystał(a)? Możesz wybrać więcej niż jedno.',
        ],
        ['أي من هذه ستستخدم؟ اختر كل ما ينطبق.', 'ماذا ستستخدم؟ يمكنك اختيار أكثر من واحد.'],
        {
          gd: 'Cò dhiubh seo a chleachdadh tu?',
          uk: 'Чим із цього ви б користувалися?',
          ur: 'آپ ان میں سے کیا استعمال کریں گے؟',
          'zh-Hans': '你会使用以下哪些服务？',
        },
      ),
      options: [
        {
          id: 'books',
          picture: pic('books', 'Books', 'Książki', 'كتب'),
          label: t(
            ['Borrowing books', 'Books to take home'],
            ['Wypożyczanie książek', 'Książki do domu'],
            ['استعارة الكتب', 'كتب تأخذها للبيت'],
          ),
        },
        {
          id: 'wifi',
          picture: pic('wifi', 'Wifi signal', 'Sygnał wifi', 'إشارة واي فاي'),
          label: t(['Free wifi', 'Free internet'], ['Darmowe wifi', 'Darmowy internet'], ['واي فاي مجاني', 'إنترنت مجاني']),
        },
        {
          id: 'groups',
          picture: pic('group', 'A group of people', 'Grupa ludzi', 'مجموعة من الناس'),
          label: t(
            ['Groups and classes', 'Groups and classes'],
            ['Grupy i zajęcia', 'Grupy i zajęcia'],
            ['مجموعات ودروس', 'مجموعات ودروس'],
          ),
        },
        {
          id: 'advice',
          picture: pic('money', 'Money', 'Pieniądze', 'مال'),
          label: t(
            ['Advice sessions (money, housing)', 'Help with money or housing'],
            ['Porady (pieniądze, mieszkanie)', 'Pomoc z pieniędzmi lub mieszkaniem'],
            ['جلسات نصح (المال، السكن)', 'مساعدة في المال أو السكن'],
          ),
        },
      ],
    },
    {
      id: 'share',
      type: 'priorities',
      tokens: 5,
      allowSkip: true,
      title: t(
        ['Share 5 tokens between the things that matter most to you', 'Give 5 points to what matters to you'],
        ['Podziel 5 żetonów między to, co jest dla Ciebie najważniejsze', 'Daj 5 punktów temu, co jest dla Ciebie ważne'],
        ['وزّع 5 نقاط على الأمور الأهم بالنسبة لك', 'أعطِ 5 نقاط لما يهمك'],
        {
          gd: 'Roinn 5 puingean eadar na rudan as cudromaiche dhut',
          uk: 'Розподіліть 5 жетонів між тим, що для вас найважливіше',
          ur: 'اپنے لیے سب سے اہم چیزوں میں 5 ٹوکن بانٹیں',
          'zh-Hans': '把 5 点分给对你最重要的事情',
        },
      ),
      hint: t(
        [
          'Press + to give a token, − to take it back. You can give more than one to the same thing.',
          'Press + to give a point. Press − to take it back.',
        ],
        ['Naciśnij +, aby dać żeton, − aby go zabrać.', 'Naciśnij +, aby dać punkt. Naciśnij −, aby go zabrać.'],
        ['اضغط + لإعطاء نقطة، و− لاستعادتها.', 'اضغط + لتعطي نقطة. اضغط − لتأخذها.'],
      ),
      picture: pic('coin', 'A coin', 'Moneta', 'عملة'),
      options: [
        {
          id: 'hours',
          picture: pic('clock', 'A clock', 'Zegar', 'ساعة'),
          label: t(
            ['Longer opening hours', 'Open for longer'],
            ['Dłuższe godziny otwarcia', 'Otwarte dłużej'],
            ['ساعات عمل أطول', 'تفتح لوقت أطول'],
          ),
        },
        {
          id: 'books',
          picture: pic('books', 'Books', 'Książki', 'كتب'),
          label: t(['More books', 'More books'], ['Więcej książek', 'Więcej książek'], ['كتب أكثر', 'كتب أكثر']),
        },
        {
          id: 'computers',
          picture: pic('computer', 'A computer', 'Komputer', 'حاسوب'),
          label: t(['More computers', 'More computers'], ['Więcej komputerów', 'Więcej komputerów'], ['حواسيب أكثر', 'حواسيب أكثر']),
        },
        {
          id: 'events',
          picture: pic('group', 'A group of people', 'Grupa ludzi', 'مجموعة من الناس'),
          label: t(
            ['Events and groups', 'Things to do together'],
            ['Wydarzenia i grupy', 'Wspólne zajęcia'],
            ['فعاليات ومجموعات', 'أنشطة معًا'],
          ),
        },
      ],
    },
    {
      id: 'voice',
      type: 'voice',
      allowSkip: true,
      title: t(
        ['Would you like to tell us something in your own voice?', 'Do you want to tell us something? You can talk.'],
        ['Czy chcesz nam coś powiedzieć własnym głosem?', 'Chcesz nam coś powiedzieć? Możesz mówić.'],
        ['هل تود أن تخبرنا بشيء بصوتك؟', 'هل تريد أن تخبرنا بشيء؟ يمكنك التكلم.'],
        {
          gd: 'Am bu toil leat rudeigin innse dhuinn nad ghuth fhèin?',
          uk: 'Хочете розповісти нам щось своїм голосом?',
          ur: 'کیا آپ اپنی آواز میں ہمیں کچھ بتانا چاہیں گے؟',
          'zh-Hans': '你想用自己的声音告诉我们一些事情吗？',
        },
      ),
      hint: t(
        ['Press Record, speak, then press Stop recording. You can listen and record again.', 'Press Record. Talk. Press Stop.'],
        ['Naciśnij Nagraj, mów, a potem Zatrzymaj nagrywanie.', 'Naciśnij Nagraj. Mów. Naciśnij Zatrzymaj.'],
        ['اضغط سجّل، تكلّم، ثم اضغط أوقف التسجيل.', 'اضغط سجّل. تكلّم. اضغط إيقاف.'],
      ),
      picture: pic('microphone', 'A microphone', 'Mikrofon', 'ميكروفون'),
    },
    {
      id: 'else',
      type: 'text',
      allowSkip: true,
      picture: pic('speech', 'A speech bubble', 'Dymek', 'فقاعة كلام'),
      title: t(
        ['Is there anything else you would like to tell us?', 'Anything else you want to tell us?'],
        ['Czy chcesz nam powiedzieć coś jeszcze?', 'Chcesz nam coś jeszcze powiedzieć?'],
        ['هل هناك أي شيء آخر تود إخبارنا به؟', 'هل تريد أن تخبرنا بشيء آخر؟'],
        {
          gd: 'A bheil dad sam bith eile ann a bu toil leat innse dhuinn?',
          uk: 'Чи хочете ви розповісти нам ще щось?',
          ur: 'کیا آپ ہمیں کچھ اور بتانا چاہیں گے؟',
          'zh-Hans': '你还有什么想告诉我们的吗？',
        },
      ),
    },
  ],
};
