/** Staff roles (a person may hold several) and how each route says who may call it. */
export const ROLES = ['admin', 'organiser', 'finance', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every route declares its access in `config.access`; the authorisation matrix test reads it from the
 * route table, so a route without one fails the test.
 */
export type Access = { kind: 'public' } | { kind: 'device' } | { kind: 'staff'; roles: readonly Role[] | 'any' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function parseRoles(json: string): Role[] {
  try {
    const list = JSON.parse(json) as unknown;
    return Array.isArray(list) ? (list.filter((r) => (ROLES as readonly string[]).includes(r)) as Role[]) : [];
  } catch {
    return [];
  }
}
