/** Keeps every route the app registers, so the authorisation matrix test can walk all of them. */
import type { FastifyInstance, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteOptions[];
  }
}

/** Call before any route is registered. */
export function collectRoutes(app: FastifyInstance): void {
  const table: RouteOptions[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (r) => {
    table.push(r);
  });
}
