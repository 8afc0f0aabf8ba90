export function buildIfStale(names?: ('app' | 'server')[]): void;
