import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { withVoiceAttachments } from '../../src/device/finish';
import { ContactSchema, MonitoringSchema } from '../../src/shared/bundle';

const clip = (n: number) => ({ type: 'audio/webm', bytes: new Uint8Array(n) });

describe('voice answers become attachments', () => {
  it('numbers the clips in answer order and points each voice answer at its clip', () => {
    const out = withVoiceAttachments({ a: { yesno: 'yes' }, b: { voice: 0 }, c: { voice: 0 } }, { b: clip(3), c: clip(5) });
    expect(out.answers).toEqual({ a: { yesno: 'yes' }, b: { voice: 0 }, c: { voice: 1 } });
    expect(out.attachments.map((a) => [a.kind, a.bytes.byteLength])).toEqual([
      ['voice', 3],
      ['voice', 5],
    ]);
  });
  it('a voice answer whose clip is gone is sent as skipped, never as a dangling index', () => {
    expect(withVoiceAttachments({ b: { voice: 0 } }, {})).toEqual({ answers: { b: { skipped: true } }, attachments: [] });
  });
});

describe('contact and monitoring in the bundle', () => {
  it('contact needs an email or a phone, and a well-formed one', () => {
    expect(v.safeParse(ContactSchema, { email: 'a@example.org' }).success).toBe(true);
    expect(v.safeParse(ContactSchema, { name: 'Ann', phone: '+44 141 496 0000' }).success).toBe(true);
    expect(v.safeParse(ContactSchema, { name: 'Ann' }).success).toBe(false);
    expect(v.safeParse(ContactSchema, { email: 'not-an-email' }).success).toBe(false);
    expect(v.safeParse(ContactSchema, { email: 'a@example.org', extra: 1 }).success).toBe(false);
  });
  it('monitoring takes only the listed answers, each with prefer_not', () => {
    expect(
      v.safeParse(MonitoringSchema, {
        ageBand: 'prefer_not',
        gender: 'prefer_not',
        disability: 'prefer_not',
        ethnicity: 'prefer_not',
        area: 'prefer_not',
      }).success,
    ).toBe(true);
    expect(v.safeParse(MonitoringSchema, {}).success).toBe(true);
    expect(v.safeParse(MonitoringSchema, { ageBand: '200' }).success).toBe(false);
  });
});
