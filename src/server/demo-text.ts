/**
 * How the demo engagement spells its texts: every text in all seven shipped locales, standard and easy read.
 * Everything but English is machine-made and marked for review by a native speaker (locales/meta.json).
 */
import type { Picture, Text } from '../shared/engagement';

type Pair = [standard: string, easy: string];
type Words = Pair | string;
const pair = (w: Words): { standard: string; easy: string } =>
  typeof w === 'string' ? { standard: w, easy: w } : { standard: w[0], easy: w[1] };

/** One text in en, pl, ar, gd, uk, ur, zh-Hans (in that order); a plain string is the same in both formats. */
export const tx = (en: Words, pl: Words, ar: Words, gd: Words, uk: Words, ur: Words, zh: Words): Text => ({
  en: pair(en),
  pl: pair(pl),
  ar: pair(ar),
  gd: pair(gd),
  uk: pair(uk),
  ur: pair(ur),
  'zh-Hans': pair(zh),
});

/** Pictograms (OpenMoji, CC BY-SA 4.0: see public/pictograms/ATTRIBUTION.md) with their alt text in every locale. */
const ALT: Record<string, [string, string, string, string, string, string, string]> = {
  library: [
    'A library building',
    'Budynek biblioteki',
    'مبنى مكتبة',
    'Togalach leabharlainn',
    'Будівля бібліотеки',
    'لائبریری کی عمارت',
    '图书馆大楼',
  ],
  books: ['Books', 'Książki', 'كتب', 'Leabhraichean', 'Книжки', 'کتابیں', '书'],
  clock: ['A clock', 'Zegar', 'ساعة', 'Uaireadair', 'Годинник', 'گھڑی', '时钟'],
  computer: ['A computer', 'Komputer', 'حاسوب', 'Coimpiutair', 'Комп’ютер', 'کمپیوٹر', '电脑'],
  child: ['A child', 'Dziecko', 'طفل', 'Leanabh', 'Дитина', 'بچہ', '孩子'],
  sofa: ['A sofa', 'Kanapa', 'أريكة', 'Sòfa', 'Диван', 'صوفہ', '沙发'],
  wifi: ['Wifi signal', 'Sygnał wifi', 'إشارة واي فاي', 'Comharra WiFi', 'Сигнал wifi', 'وائی فائی سگنل', '无线网络信号'],
  group: ['A group of people', 'Grupa ludzi', 'مجموعة من الناس', 'Buidheann dhaoine', 'Група людей', 'لوگوں کا گروپ', '一群人'],
  money: ['Money', 'Pieniądze', 'مال', 'Airgead', 'Гроші', 'پیسے', '钱'],
  coin: ['A coin', 'Moneta', 'عملة', 'Bonn', 'Монета', 'سکہ', '硬币'],
  microphone: ['A microphone', 'Mikrofon', 'ميكروفون', 'Micreofon', 'Мікрофон', 'مائیکروفون', '麦克风'],
  speech: ['A speech bubble', 'Dymek', 'فقاعة كلام', 'Builgean-cainnt', 'Хмаринка з текстом', 'بات کا غبارہ', '对话气泡'],
};

/** each picture's OpenMoji code (its Unicode code point) */
const CODE: Record<keyof typeof ALT & string, string> = {
  library: '1F3DB',
  books: '1F4DA',
  clock: '23F0',
  computer: '1F4BB',
  child: '1F9D2',
  sofa: '1F6CB',
  wifi: '1F4F6',
  group: '1F465',
  money: '1F4B7',
  coin: '1FA99',
  microphone: '1F3A4',
  speech: '1F4AC',
};

export const pic = (name: keyof typeof ALT & string): Picture => ({
  src: `/pictograms/openmoji/${CODE[name]}.svg`,
  alt: tx(...(ALT[name] as [string, string, string, string, string, string, string])),
});
