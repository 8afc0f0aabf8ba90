/**
 * The OpenAPI description at /api/docs, generated from the route schemas. Bodies are validated with
 * valibot in each handler (clear messages, one schema language across page, worker and server); their
 * JSON Schema form, made by @valibot/to-json-schema, documents them here.
 */
import swagger from '@fastify/swagger';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { FastifyInstance } from 'fastify';
import type * as v from 'valibot';

/** The route's body schema for the API description (validation stays with valibot in the handler). */
export function bodyDoc(schema: v.GenericSchema): Record<string, unknown> {
  return toJsonSchema(schema, { errorMode: 'ignore' }) as Record<string, unknown>;
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  // valibot validates in the handlers; route schemas are documentation only
  app.setValidatorCompiler(() => () => true);
  // response schemas document replies too; the reply is sent as the handler made it, never trimmed to the doc
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Blether API',
        version: '1',
        description:
          'Device endpoints take `Authorization: Bearer <device token>`; staff endpoints take the session cookie. Errors are `{ error, message }` with a 4xx status.',
      },
      components: {
        securitySchemes: { device: { type: 'http', scheme: 'bearer' }, staff: { type: 'apiKey', in: 'cookie', name: 'blether_session' } },
      },
    },
  });
  app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());
}
