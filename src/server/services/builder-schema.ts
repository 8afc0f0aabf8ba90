/** What the builder may save: engagement content (shared/engagement.ts) plus the organiser's extras. */
import * as v from 'valibot';
import { PaymentOptionsSchema, RateCardSchema } from '../../shared/ratecard';

const Str = (max: number) => v.pipe(v.string(), v.maxLength(max, `Use at most ${max} characters`));
const LocaleKey = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'Not a language code'));
const LocalText = v.strictObject({ standard: Str(4000), easy: v.optional(Str(4000)) });
export const Text = v.record(LocaleKey, LocalText);
const AssetSrc = v.pipe(
  v.string(),
  // uploads, the OpenMoji set, and the files that ship with the app (the demo's pictures and clips)
  v.regex(
    /^\/(media\/[0-9a-f]{64}|pictograms\/openmoji\/[0-9A-F-]+\.svg|pictograms\/[\w-]+\.(svg|png|webp)|audio\/[\w-]+\.(ogg|mp3|m4a|webm|wav))$/,
    'Pictures and clips must be uploaded, from the pictogram set or from the bundled set',
  ),
);
export const Picture = v.strictObject({ src: AssetSrc, alt: Text });
const Audio = v.record(LocaleKey, v.strictObject({ standard: v.optional(AssetSrc), easy: v.optional(AssetSrc) }));
const Id = v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,40}$/, 'Ids use a-z, 0-9, - and _'));

const Option = v.strictObject({ id: Id, label: Text, picture: v.optional(Picture) });
export const QUESTION_TYPES = ['single', 'multiple', 'text', 'faces', 'yesno', 'priorities', 'voice'] as const;
const Question = v.strictObject({
  id: Id,
  type: v.picklist(QUESTION_TYPES, 'Unknown question type'),
  title: Text,
  hint: v.optional(Text),
  options: v.optional(v.pipe(v.array(Option), v.maxLength(30))),
  allowSkip: v.optional(v.boolean()),
  required: v.optional(v.boolean()),
  tokens: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  picture: v.optional(Picture),
  audio: v.optional(Audio),
});
const DateStr = v.pipe(v.string(), v.isoDate('Dates are YYYY-MM-DD'));

export const BuilderContentSchema = v.strictObject({
  defaultLocale: LocaleKey,
  locales: v.pipe(v.array(LocaleKey), v.minLength(1, 'Choose at least one language'), v.maxLength(20)),
  title: Text,
  purpose: Text,
  privacy: Text,
  questions: v.pipe(v.array(Question), v.maxLength(100)),
  opensOn: v.optional(DateStr),
  closesOn: v.optional(DateStr),
  /** which questions of the standard equality-monitoring set to ask */
  monitoring: v.optional(v.array(Str(40))),
  /** the rate card contract (shared/ratecard.ts): absent means the engagement offers no claim */
  rateCard: v.optional(RateCardSchema),
  paymentOptions: v.optional(PaymentOptionsSchema),
});
export type BuilderContent = v.InferOutput<typeof BuilderContentSchema>;

/** The expenses part of the content on its own, checked again when publishing. */
export const ExpensesSchema = v.object({ rateCard: v.optional(RateCardSchema), paymentOptions: v.optional(PaymentOptionsSchema) });

export const SlugSchema = v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'Use 2-60 characters: a-z, 0-9 and -'));
