export function valueImports(source: string): string[];
export function reachesDatabase(file: string, memo?: Map<string, boolean>): boolean;
export function databaseTests(root: string, dirs?: string[]): string[];
export const SQLITE_ONLY: string[];
