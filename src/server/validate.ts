import * as v from 'valibot';
import { badRequest } from './errors';

/** Validates a request body; a failure is a 400 naming the first problem, in plain words. */
export function parseBody<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw badRequest(where ? `${where}: ${issue.message}` : issue.message, 'invalid_body');
}
