/** Hostile request parts for the fuzz suite: values, bodies, route params and query strings. */
import fc from 'fast-check';
import { BATCH_FRAME_TYPE, frameHead } from '../../src/shared/batch-frame';
import { fromSchema, nearlyValid } from './json-schema-arb';

/** JSON text can hold numbers no JavaScript value stringifies to; these markers become them. */
const RAW = ['1e999', '-1e999', '-0', '1e-400', '123456789012345678901234567890', '9007199254740993'];
const mark = (i: number) => `\u2063raw${i}\u2063`;
const raw = (i: number) => `"${mark(i)}"`;
export const toJsonText = (v: unknown) => RAW.reduce((text, n, i) => text.replaceAll(raw(i), n), JSON.stringify(v) ?? 'null');

const POLLUTION = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString'];
export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202eevil\u202c',
    'مرحبا بالعالم',
    'שלום',
    '\ud800',
    '\ufeff',
    'Z\u0351\u0360\u0342',
    '../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '{{7*7}}',
    ...POLLUTION,
  ),
  fc.constantFrom('x'.repeat(70_000), '\u202e'.repeat(5_000), '🙂'.repeat(20_000), '\u0000'.repeat(1_000)),
);
export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, -420, -0.5, 0.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE),
  fc.constantFrom(...RAW.map((_n, i) => mark(i))),
);
export const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom(...POLLUTION)), tie('value'), { maxKeys: 4 }),
  ),
})).value;

export interface Body {
  payload?: string | Buffer;
  type?: string;
  /** well-formed JSON: a 400 for it comes from the route's own checks, not the body parser */
  parsable: boolean;
  /** JSON the body parser refuses (bad syntax, prototype keys, too large): no route ever sees it */
  unparsable?: boolean;
}
const json = (v: unknown): Body => ({ payload: toJsonText(v), type: 'application/json', ...parsed(toJsonText(v)) });
function parsed(payload: string): Pick<Body, 'parsable' | 'unparsable'> {
  try {
    // the parser refuses __proto__ keys, and constructor keys that hold a prototype
    let poisoned = false;
    JSON.parse(payload, (key, value) => {
      if (
        key === '__proto__' ||
        (key === 'constructor' && value !== null && typeof value === 'object' && Object.hasOwn(value, 'prototype'))
      )
        poisoned = true;
      return value;
    });
    return { parsable: !poisoned, unparsable: poisoned };
  } catch {
    return { parsable: false, unparsable: true };
  }
}
const MALFORMED = [
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  '{"a":1}{"b":2}',
  '\u0000',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
];
const BIG = `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped JSON
export function bodyArb(schema: Record<string, any> | undefined, real: string[]): fc.Arbitrary<Body> {
  const keys = fc.oneof(fc.constantFrom(...POLLUTION), fc.string({ maxLength: 10 }));
  const fromDoc = schema ? fromSchema(schema, real, jsonish) : jsonish;
  return fc.oneof(
    { weight: schema ? 3 : 1, arbitrary: fromDoc.map(json) },
    { weight: 6, arbitrary: nearlyValid(fromDoc, jsonish, keys).map(json) },
    { weight: 2, arbitrary: jsonish.map(json) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...MALFORMED).map((payload) => ({ payload, type: 'application/json', parsable: false, unparsable: true })),
    },
    { weight: 1, arbitrary: fc.string().map((payload) => ({ payload, type: 'application/json', ...parsed(payload) })) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          type: fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/xml',
            'application/octet-stream',
            'application/json; charset=latin1',
            BATCH_FRAME_TYPE,
            '',
          ),
          bytes: fc.uint8Array({ maxLength: 2000 }),
        })
        .map(({ type, bytes }) => ({ payload: Buffer.from(bytes), type, parsable: false })),
    },
    {
      // a sync batch's framed body (shared/batch-frame.ts): JSON like the route's, and bytes after it
      weight: 1,
      arbitrary: fc
        .record({ value: fc.oneof(fromDoc, nearlyValid(fromDoc, jsonish, keys)), bytes: fc.uint8Array({ maxLength: 300 }) })
        .map(({ value, bytes }) => ({
          payload: Buffer.concat([frameHead(JSON.stringify(value) ?? ''), bytes]),
          type: BATCH_FRAME_TYPE,
          parsable: false,
        })),
    },
    { weight: 1, arbitrary: fc.constant({ parsable: false }) },
    { weight: 1, arbitrary: fc.constant({ payload: BIG, type: 'application/json', parsable: false, unparsable: true }) },
  );
}

/** A value for one route param: a real id of the right kind, any real id, or garbage. */
export function paramArb(right: string[], anyReal: string[]): fc.Arbitrary<string> {
  const garbage = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.uuid(),
    fc.constantFrom('0', '-1', '999', '1e999', '..', '%2e%2e%2f', '%00', '%ff', 'a'.repeat(3000), '__proto__', 'constructor', '\u202e'),
  );
  return fc.oneof(
    { weight: right.length ? 4 : 0, arbitrary: right.length ? fc.constantFrom(...right) : garbage },
    { weight: 1, arbitrary: fc.constantFrom(...anyReal) },
    { weight: 3, arbitrary: garbage },
  );
}

const QUERY_KEYS = [
  'engagementId',
  'sessionId',
  'status',
  'kind',
  'format',
  'offset',
  'size',
  '__proto__[x]',
  'constructor[prototype][x]',
  'a[]',
];
const QUERY_VALUES = ['answers', 'themes', 'aggregates', 'csv', 'json', 'submitted', 'approved', '0', '1', '1000', '-1', '1e9', ''];
export function queryArb(real: string[]): fc.Arbitrary<string> {
  const value = fc.oneof(fc.constantFrom(...QUERY_VALUES, ...real), fc.string({ maxLength: 30 }), fc.constant('x'.repeat(5000)));
  const pair = fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })), value);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    {
      weight: 3,
      arbitrary: fc
        .array(pair, { maxLength: 4 })
        .map((ps) => `?${ps.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('?%', '?a=%zz', '?&&&', '?=', `?${'a=1&'.repeat(300)}`) },
  );
}
