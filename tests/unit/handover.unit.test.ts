/**
 * The hand-over's draft and the facilitator PIN, on fake-indexeddb. The journey in a real browser, with
 * reloads at every step, is tests/e2e/handover.e2e.ts.
 */
import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { resetDeviceKey } from '../../src/crypto/device-key';
import { db } from '../../src/db/open';
import { abandonedDrafts } from '../../src/device/abandoned-drafts';
import { loadDraft, startAutosave, stopAutosave } from '../../src/device/draft';
import { endHandOver, handOver, nextParticipant, startHandOver } from '../../src/device/handover';
import { answers, claim, recordings, step } from '../../src/device/participant';
import { FREE_TRIES, setFacilitatorPin, tryFacilitatorPin, waitAfter } from '../../src/device/pin';
import { locale, setLocale } from '../../src/i18n/index';

beforeAll(async () => {
  vi.stubGlobal('document', { documentElement: { lang: 'en', dir: 'ltr' } });
  await i18next.init({ lng: 'en', resources: { en: { common: {} }, ar: { common: {} } } });
  resetDeviceKey();
});

const photo = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]) as Uint8Array<ArrayBuffer>;

async function participantGivesEverything(): Promise<void> {
  await setLocale('ar');
  step.value = { kind: 'question', index: 2 };
  answers.value = { q1: { text: 'UNIQUE-WALKED-AWAY-TEXT' } };
  recordings.value = { q7: { type: 'audio/webm', bytes: new Uint8Array([9, 9, 9]) as Uint8Array<ArrayBuffer> } };
  claim.value = {
    page: { kind: 'declare' },
    done: true,
    declaration: { kind: 'typed', name: 'Ann' },
    draft: {
      lines: [
        {
          line: { category: 'public_transport', amountPence: 340 },
          receipt: { type: 'image/jpeg', bytes: photo, sha256: 'ab', width: 1, height: 1 },
        },
      ],
      payment: { method: 'bank', accountName: 'Ann Example', sortCode: '123456', accountNumber: '31926819' },
    },
  };
}

describe('a hand-over and its draft', () => {
  it('keeps everything given, bytes included, but never bank details; a reload asks for them again', async () => {
    const h = await startHandOver('library', 'journey', 'en');
    startAutosave(h);
    await participantGivesEverything();
    await stopAutosave(true);
    const rec = await (await db()).get('drafts', h.id);
    // sealed on the device: nothing readable in the stored record
    expect(new TextDecoder().decode(new Uint8Array(rec?.ct as ArrayBuffer))).not.toContain('UNIQUE');
    const d = await loadDraft(h.id);
    expect(d?.locale).toBe('ar');
    expect(d?.answers).toEqual({ q1: { text: 'UNIQUE-WALKED-AWAY-TEXT' } });
    expect(d?.recordings.q7?.bytes).toEqual(new Uint8Array([9, 9, 9]));
    expect(d?.claim?.draft.lines[0]?.receipt?.bytes).toEqual(photo);
    expect(JSON.stringify(d)).not.toContain('31926819');
    expect(d?.claim).toMatchObject({ page: { kind: 'payment' }, done: false, bankAgain: true });
  });

  it('the next participant gets a new hand-over with nothing of the last; their draft is gone', async () => {
    const first = handOver.value;
    await nextParticipant();
    expect(handOver.value?.id).not.toBe(first?.id);
    expect(answers.value).toEqual({});
    expect(claim.value).toBeNull();
    expect(step.value).toEqual({ kind: 'start' });
    expect(locale.value).toBe('en');
    expect(await loadDraft(first?.id as string)).toBeNull();
    expect(await loadDraft(handOver.value?.id as string)).toBeNull();
  });

  it('a draft left when the facilitator takes the device back is offered behind the PIN, not to the next person', async () => {
    const h = handOver.value;
    if (!h) throw new Error('no hand-over');
    startAutosave(h);
    await participantGivesEverything();
    await endHandOver();
    expect(handOver.value).toBeNull();
    expect(answers.value).toEqual({});
    const left = await abandonedDrafts(null);
    expect(left.map((d) => d.id)).toEqual([h.id]);
    // the facilitator starts the next participant: a new hand-over, and the old draft is not theirs
    const next = await startHandOver('library', 'journey', 'en');
    expect(await loadDraft(next.id)).toBeNull();
    expect((await abandonedDrafts(next.id)).map((d) => d.id)).toEqual([h.id]);
  });
});

describe('wrong facilitator PINs are slowed down', () => {
  it('the first five are free, then each try waits longer, up to five minutes', () => {
    expect([...Array(FREE_TRIES)].map((_, i) => waitAfter(i))).toEqual([0, 0, 0, 0, 0]);
    expect(waitAfter(5)).toBe(2000);
    expect(waitAfter(6)).toBe(4000);
    expect(waitAfter(30)).toBe(300_000);
  });

  it('a try during the wait is not even checked, the count survives, and the right PIN resets it', async () => {
    await setFacilitatorPin('2468');
    const now = 1_000_000;
    for (let i = 0; i < FREE_TRIES - 1; i++) expect(await tryFacilitatorPin('0000', now)).toEqual({ ok: false, waitMs: 0 });
    expect(await tryFacilitatorPin('0000', now)).toEqual({ ok: false, waitMs: 2000 });
    // the right PIN, too soon: refused without a check
    expect(await tryFacilitatorPin('2468', now + 1000)).toEqual({ ok: false, waitMs: 1000 });
    expect(await tryFacilitatorPin('0000', now + 2000)).toEqual({ ok: false, waitMs: 4000 });
    expect(await tryFacilitatorPin('2468', now + 6000)).toEqual({ ok: true });
    expect(await tryFacilitatorPin('0000', now + 6000)).toEqual({ ok: false, waitMs: 0 });
  });
});
