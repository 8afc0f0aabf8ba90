/**
 * The OpenAPI description, generated from the route schemas, and a page to read it at /api/docs (its JSON at
 * /api/docs/json). Bodies are validated with valibot in each handler (clear messages, one schema language
 * across page, worker and server); their JSON Schema form, made by @valibot/to-json-schema, documents them
 * here, and openapi-replies.ts adds every operation's replies. Public, like the routes' own answers to a
 * stranger: the description holds no secret, and every route checks who calls it.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { describeRoute } from './openapi-replies';

export { bodyDoc } from './openapi-replies';

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
    transform: describeRoute,
  });
  // Swagger UI loads only its own scripts and styles from here, so the app's strict CSP holds on this page too:
  // the base layout leaves out the top bar, whose logo is the one inline style the policy would refuse. No call
  // to the public validator, and no "try it out" that would send requests with the reader's session.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { layout: 'BaseLayout', validatorUrl: null, supportedSubmitMethods: [], deepLinking: true, docExpansion: 'list' },
    theme: { title: 'Blether API' },
  });
}
