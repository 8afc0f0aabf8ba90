/**
 * How long each thing a participant types may be, and what an email address looks like. One place, so an
 * input's `maxLength`, the device's check before sealing and the server's opener all use the same rule.
 * Free of valibot, so any screen can import it without loading the schemas.
 */
export const LIMITS = {
  /** a contact's name */
  name: 200,
  email: 254,
  phone: 40,
  /** a journey's from and to */
  place: 200,
  /** why a taxi, what "other" was, why no receipt */
  reason: 1000,
  /** a free-text answer */
  text: 10_000,
  /** the area named in equality monitoring */
  area: 100,
  accountName: 140,
  voucher: 100,
  /** the name typed (or the facilitator's, when witnessed) to declare a claim */
  declarationName: 140,
} as const;

/**
 * An email address as people really have them: `local@domain.tld`. The local part is anything but spaces,
 * control characters and `@` (so `siobhan.o'neill@…` and `"quoted"@…` pass), at most 64 characters; the
 * domain has at least two non-empty labels of anything but spaces, dots and `@` (so internationalised
 * domains like `bücher.de` pass, and a one-letter last label like `example.c` passes too: we cannot know
 * every top-level domain, and a wrong one only means feedback does not arrive, which a typo would too).
 */
export const EMAIL_PATTERN = /^[^\s@\p{Cc}]{1,64}@[^\s@.\p{Cc}]+(?:\.[^\s@.\p{Cc}]+)+$/u;

/** Digits, spaces, +, (, ) and -: how people write a phone number. */
export const PHONE_PATTERN = /^[0-9+() -]{6,40}$/;
