/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads non-Latin text right), CRLF rows,
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula made inert (CSV injection).
 */
const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // =, +, -, @, tab and CR start formulas in spreadsheets; numbers are written as numbers
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
