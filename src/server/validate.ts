import * as v from 'valibot';
import { badRequest } from './errors';

/** Validates a request body; a failure is a 400 naming the first problem, in plain words. */
export function parseBody<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  // valibot takes an array for an object (an empty one passes as {}); a JSON array is never an object here
  if (Array.isArray(body) && isObjectSchema(schema)) throw badRequest('The request body must be a JSON object.', 'invalid_body');
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  throw badRequest(where ? `${where}: ${issue.message}` : issue.message, 'invalid_body');
}

function isObjectSchema(schema: v.GenericSchema): boolean {
  const inner = 'pipe' in schema && Array.isArray(schema.pipe) ? (schema.pipe[0] as v.GenericSchema) : schema;
  return ['object', 'strict_object', 'loose_object', 'object_with_rest'].includes(inner.type);
}
