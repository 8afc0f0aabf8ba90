/**
 * fast-check values from a route's JSON Schema (the API description at /api/docs): mostly valid, so a
 * request gets past the first check, often carrying real ids and values from the seeded data, then broken
 * in one place by `nearlyValid` so each later check is reached too.
 */
import fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema is untyped JSON
type Schema = Record<string, any>;

const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T/,
  email: /^[^@\s]+@[^@\s]+$/,
};

function fits(s: string, schema: Schema): boolean {
  if (schema.minLength !== undefined && s.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && s.length > schema.maxLength) return false;
  if (schema.pattern && !new RegExp(schema.pattern).test(s)) return false;
  return !schema.format || !FORMATS[schema.format] || FORMATS[schema.format]?.test(s) === true;
}

function stringArb(schema: Schema, real: string[]): fc.Arbitrary<string> {
  const max = Math.min(schema.maxLength ?? 40, 40);
  const made: fc.Arbitrary<string> =
    schema.format === 'uuid'
      ? fc.uuid()
      : schema.format === 'email'
        ? fc.emailAddress()
        : schema.format === 'date'
          ? fc.date({ noInvalidDate: true, min: new Date(2000, 0, 1), max: new Date(2100, 0, 1) }).map((d) => d.toISOString().slice(0, 10))
          : schema.format === 'date-time'
            ? fc.date({ noInvalidDate: true, min: new Date(2000, 0, 1), max: new Date(2100, 0, 1) }).map((d) => d.toISOString())
            : schema.pattern
              ? fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200))
              : fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: Math.max(max, schema.minLength ?? 0) });
  const known = real.filter((s) => fits(s, schema));
  return known.length ? fc.oneof({ weight: 2, arbitrary: made }, { weight: 3, arbitrary: fc.constantFrom(...known) }) : made;
}

export function fromSchema(schema: Schema, real: string[], any: fc.Arbitrary<unknown>, depth = 0): fc.Arbitrary<unknown> {
  const inner = (s: Schema) => fromSchema(s, real, any, depth + 1);
  let arb: fc.Arbitrary<unknown>;
  if (schema.enum) arb = fc.constantFrom(...(schema.enum as unknown[]));
  else if (schema.type === 'string') arb = stringArb(schema, real);
  else if (schema.type === 'integer') arb = fc.integer({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
  else if (schema.type === 'number') arb = fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
  else if (schema.type === 'boolean') arb = fc.boolean();
  else if (schema.type === 'array') {
    const minLength = schema.minItems ?? 0;
    arb = fc.array(inner(schema.items ?? {}), { minLength, maxLength: Math.max(minLength, depth > 2 ? 1 : 3) });
  } else if (schema.type === 'object' && schema.properties) {
    const props = Object.fromEntries(Object.entries(schema.properties as Record<string, Schema>).map(([k, v]) => [k, inner(v)]));
    arb = fc.record(props, { requiredKeys: schema.required ?? [] });
  } else if (schema.type === 'object' && typeof schema.additionalProperties === 'object') {
    const key = schema.propertyNames ? stringArb(schema.propertyNames, real) : fc.string({ maxLength: 20 });
    arb = fc.dictionary(key, inner(schema.additionalProperties), { maxKeys: depth > 2 ? 1 : 3 });
  } else arb = any;
  return schema.nullable ? fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: arb }) : arb;
}

/** Every place in a JSON value, as a path of keys. */
function places(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_v, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => places((value as Record<string | number, unknown>)[k], [...at, k]))];
}

/** A valid value with one thing wrong: a value swapped for a hostile one, a field dropped, or one added. */
export function nearlyValid(valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>, keys: fc.Arbitrary<string>) {
  return fc
    .record({ value: valid, pick: fc.nat(), how: fc.constantFrom('swap', 'drop', 'add'), bad: hostile, key: keys })
    .map(({ value, pick, how, bad, key }) => {
      const copy = structuredClone(value);
      const all = places(copy);
      const path = all[pick % all.length] as (string | number)[];
      if (path.length === 0) return how === 'swap' ? bad : copy;
      const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string, unknown>, copy as never);
      const last = path[path.length - 1] as string | number;
      if (how === 'drop' && !Array.isArray(parent)) delete parent[last];
      else if (how === 'add' && !Array.isArray(parent)) Object.defineProperty(parent, key, { value: bad, enumerable: true });
      else parent[last] = bad;
      return copy;
    });
}
