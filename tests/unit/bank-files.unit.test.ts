/** Sort code checks (Vocalink's published test cases) and the bank files' fixed layouts and character set. */
import { describe, expect, it } from 'vitest';
import { bacsText, bankCsv, modulusOk, standard18 } from '../../src/server/services/bacs';

/** Chapter 3 of Vocalink's "Validating account numbers" (modulus checking) specification: [sort code, account, valid]. */
const VOCALINK: [string, string, boolean][] = [
  ['089999', '66374958', true], // 1: standard modulus 10
  ['107999', '88837491', true], // 2: standard modulus 11
  ['202959', '63748472', true], // 3: standard modulus 11 and double alternate
  ['871427', '46238510', true], // 4: exception 10 and 11 where the first check passes
  ['872427', '46238510', true], // 5: exception 10 and 11 where the first fails, the second passes
  ['871427', '09123496', true], // 6: exception 10 where the account begins 09
  ['871427', '99123496', true], // 7: exception 10 where the account begins 99
  ['820000', '73688637', true], // 8: exception 3, c = 6, second check ignored
  ['827999', '73988638', true], // 9: exception 3, c = 9, second check ignored
  ['827101', '28748352', true], // 10: exception 3, second check required
  ['134020', '63849203', true], // 11: exception 4, only the standard check
  ['118765', '64371389', true], // 12: exception 1
  ['200915', '41011166', true], // 13: exception 6, a foreign currency account
  ['938611', '07806039', true], // 14: exception 5, first check passes with remainder 0
  ['938600', '42368003', true], // 15: exception 5, first check passes with remainder 1
  ['938063', '55065200', true], // 16: exception 5, both checks pass
  ['772798', '99345694', true], // 17: exception 7, passes but would fail the standard check
  ['086090', '06774744', true], // 18: exception 8
  ['309070', '02355688', true], // 19: exception 2 and 9, first check passes
  ['309070', '12345668', true], // 20: exception 2 and 9, first fails, second passes with substitution
  ['309070', '12345677', true], // 21: exception 2 and 9, first fails, second passes
  ['309070', '99345694', true], // 22: exception 2 and 9, first fails, second passes
  ['938063', '15764273', false], // 23: exception 5, first check fails
  ['938063', '15764264', false], // 24: exception 5, first passes, second fails
  ['938063', '15763217', false], // 25: exception 5, first check digit is wrong
  ['118765', '64371388', false], // 26: exception 1, fails
  ['203099', '66831036', false], // 27: exception 6, first passes, double alternate fails
  ['203099', '58716970', false], // 28: exception 6, first fails, double alternate passes
  ['089999', '66374959', false], // 29: standard modulus 10, fails
  ['107999', '88837493', false], // 30: standard modulus 11, fails
  ['074456', '12345112', true], // 31: exception 12 and 13, passes the modulus 11 check
  ['070116', '34012583', true], // 32: exception 12 and 13, passes the modulus 11 check
  ['074456', '11104102', true], // 33: exception 12 and 13, fails modulus 11, passes modulus 10
  ['180002', '00000190', true], // 34: exception 14, passes the modulus 11 check
];

describe('Vocalink modulus check', () => {
  it.each(VOCALINK)('sort code %s account %s: valid %s', (sortCode, account, valid) => {
    expect(modulusOk(sortCode, account)).toBe(valid);
  });
});

describe('Bacs character set', () => {
  it('upper case, accents transliterated, anything else a space, cut to 18', () => {
    expect(bacsText('Zoë Ørsted-Brontë')).toBe('ZOE ORSTED-BRONTE');
    expect(bacsText('Łukasz Straße & Co. 1/2')).toBe('LUKASZ STRASSE & C');
    expect(bacsText("O'Neill, Siobhán")).toBe('O NEILL SIOBHAN');
    expect(bacsText('محمد')).toBe('');
    expect(bacsText('a'.repeat(30))).toHaveLength(18);
  });
});

describe('bank files', () => {
  const originator = { sortCode: '202959', accountNumber: '63748472', name: 'Blether Council' };
  const lines = [
    { payee: 'Ann Example', sortCode: '089999', accountNumber: '66374958', amountPence: 1045, reference: 'BLETHER ABCD-EFGH' },
    { payee: 'Bo', sortCode: '107999', accountNumber: '88837491', amountPence: 250, reference: 'BLETHER WXYZ-2345' },
  ];

  it('Standard 18: 100-character records by position, then one contra for the total', () => {
    const [first, second, contra, ...rest] = standard18(lines, originator).split('\r\n');
    expect(rest).toEqual(['']);
    expect(first?.length).toBe(100);
    expect(first?.slice(0, 6)).toBe('089999');
    expect(first?.slice(6, 14)).toBe('66374958');
    expect(first?.slice(14, 15)).toBe('0');
    expect(first?.slice(15, 17)).toBe('99');
    expect(first?.slice(17, 23)).toBe('202959');
    expect(first?.slice(23, 31)).toBe('63748472');
    expect(first?.slice(31, 35)).toBe('    ');
    expect(first?.slice(35, 46)).toBe('00000001045');
    expect(first?.slice(46, 64)).toBe('BLETHER COUNCIL   ');
    expect(first?.slice(64, 82)).toBe('BLETHER ABCD-EFGH ');
    expect(first?.slice(82, 100)).toBe('ANN EXAMPLE       ');
    expect(second?.slice(35, 46)).toBe('00000000250');
    expect(contra?.slice(0, 17)).toBe('20295963748472017');
    expect(Number(contra?.slice(35, 46))).toBe(1045 + 250);
    expect(contra?.slice(64, 82)).toBe('CONTRA            ');
  });

  it('refuses what Bacs cannot carry rather than writing a wrong record', () => {
    expect(() => standard18([{ ...lines[0], amountPence: 100_000_000_000 } as never], originator)).toThrow(RangeError);
    expect(() => standard18([{ ...lines[0], sortCode: '12-34-56' } as never], originator)).toThrow(RangeError);
  });

  it('CSV: header, cleaned names, pounds with two decimals, no byte-order mark', () => {
    const csv = bankCsv(lines);
    expect(csv.charCodeAt(0)).toBe('p'.charCodeAt(0));
    expect(csv.split('\r\n')[1]).toBe('ANN EXAMPLE,089999,66374958,10.45,BLETHER ABCD-EFGH');
  });
});
