/** Where a value breaks its schema, for a form to put the error on the right field. */
import * as v from 'valibot';

/** Each issue's path as `a.b.0` (`''` for the value as a whole), in order, once each. */
export const pathsOf = (issues: readonly v.BaseIssue<unknown>[]): string[] => [
  ...new Set(issues.map((i) => (i.path ?? []).map((p) => String(p.key)).join('.'))),
];

/** The paths of every problem; [] when the value is valid. */
export function problemPaths(schema: v.GenericSchema, value: unknown): string[] {
  const result = v.safeParse(schema, value);
  return result.success ? [] : pathsOf(result.issues);
}
