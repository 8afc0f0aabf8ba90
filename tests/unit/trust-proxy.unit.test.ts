import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';

describe('TRUST_PROXY', () => {
  it('reads addresses and ranges, a hop count, or true; empty or false trusts no proxy', () => {
    const read = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy;
    expect(read()).toBe(false);
    expect(read('')).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('true')).toBe(true);
    expect(read('2')).toBe(2);
    expect(read('10.0.0.5, 10.1.0.0/16,fd00::/8, loopback')).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });

  it('refuses a value it cannot read, naming it, rather than trusting a wrong proxy', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.5, proxy.example' })).toThrow(/TRUST_PROXY.*"proxy\.example"/);
  });
});
