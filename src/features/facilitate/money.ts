/** Cash float amounts: typed in pounds and pence, kept as integer pence. */
export function parsePence(input: string): number | null {
  const m = /^\s*£?\s*(\d{1,6})(?:\.(\d{1,2}))?\s*$/.exec(input);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function formatPence(pence: number, lng: string): string {
  return new Intl.NumberFormat(lng, { style: 'currency', currency: 'GBP' }).format(pence / 100);
}
