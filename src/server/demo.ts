/** The demo engagement seeded on an empty database, so a newcomer can try the whole journey at once. */
import type { EngagementContent, Text } from '../shared/engagement';

const t = (en: [string, string], pl: [string, string], ar: [string, string]): Text => ({
  en: { standard: en[0], easy: en[1] },
  pl: { standard: pl[0], easy: pl[1] },
  ar: { standard: ar[0], easy: ar[1] },
});

export const DEMO_SLUG = 'library-your-say';

export const DEMO_TITLE = t(
  ['Your library, your say', 'Tell us about your library'],
  ['Twoja biblioteka, Twój głos', 'Powiedz nam o swojej bibliotece'],
  ['مكتبتك، رأيك', 'أخبرنا عن مكتبتك'],
);

export const DEMO_CONTENT: EngagementContent = {
  defaultLocale: 'en',
  locales: ['en', 'pl', 'ar'],
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
      ),
    },
    {
      id: 'feel',
      type: 'faces',
      allowSkip: true,
      title: t(
        ['How do you feel about the library as it is now?', 'How do you feel about the library now?'],
        ['Jak oceniasz bibliotekę w obecnej formie?', 'Co myślisz o bibliotece teraz?'],
        ['ما شعورك تجاه المكتبة بوضعها الحالي؟', 'ما شعورك تجاه المكتبة الآن؟'],
      ),
    },
    {
      id: 'most',
      type: 'single',
      allowSkip: true,
      title: t(
        ['Which matters most to you?', 'What is most important to you?'],
        ['Co jest dla Ciebie najważniejsze?', 'Co jest dla Ciebie najważniejsze?'],
        ['ما الأهم بالنسبة لك؟', 'ما هو الأهم لك؟'],
      ),
      options: [
        {
          id: 'hours',
          label: t(
            ['Longer opening hours', 'Open for longer'],
            ['Dłuższe godziny otwarcia', 'Otwarte dłużej'],
            ['ساعات عمل أطول', 'تفتح لوقت أطول'],
          ),
        },
        {
          id: 'computers',
          label: t(
            ['Computers and help to use them', 'Computers and help'],
            ['Komputery i pomoc w ich obsłudze', 'Komputery i pomoc'],
            ['أجهزة الحاسوب والمساعدة في استخدامها', 'حواسيب ومساعدة'],
          ),
        },
        {
          id: 'children',
          label: t(
            ['Activities for children', 'Things for children to do'],
            ['Zajęcia dla dzieci', 'Zajęcia dla dzieci'],
            ['أنشطة للأطفال', 'أشياء يفعلها الأطفال'],
          ),
        },
        {
          id: 'space',
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
      ),
      options: [
        {
          id: 'books',
          label: t(
            ['Borrowing books', 'Books to take home'],
            ['Wypożyczanie książek', 'Książki do domu'],
            ['استعارة الكتب', 'كتب تأخذها للبيت'],
          ),
        },
        { id: 'wifi', label: t(['Free wifi', 'Free internet'], ['Darmowe wifi', 'Darmowy internet'], ['واي فاي مجاني', 'إنترنت مجاني']) },
        {
          id: 'groups',
          label: t(
            ['Groups and classes', 'Groups and classes'],
            ['Grupy i zajęcia', 'Grupy i zajęcia'],
            ['مجموعات ودروس', 'مجموعات ودروس'],
          ),
        },
        {
          id: 'advice',
          label: t(
            ['Advice sessions (money, housing)', 'Help with money or housing'],
            ['Porady (pieniądze, mieszkanie)', 'Pomoc z pieniędzmi lub mieszkaniem'],
            ['جلسات نصح (المال، السكن)', 'مساعدة في المال أو السكن'],
          ),
        },
      ],
    },
    {
      id: 'else',
      type: 'text',
      allowSkip: true,
      title: t(
        ['Is there anything else you would like to tell us?', 'Anything else you want to tell us?'],
        ['Czy chcesz nam powiedzieć coś jeszcze?', 'Chcesz nam coś jeszcze powiedzieć?'],
        ['هل هناك أي شيء آخر تود إخبارنا به؟', 'هل تريد أن تخبرنا بشيء آخر؟'],
      ),
    },
  ],
};
