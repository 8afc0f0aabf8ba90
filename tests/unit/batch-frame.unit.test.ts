import { describe, expect, it } from 'vitest';
import { frameBatch, unframeBatch } from '../../src/shared/batch-frame';

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());

describe('a framed batch', () => {
  it.each([
    ['ASCII', '{"items":[{"id":"a"}]}'],
    ['Arabic and Polish text', '{"note":"شكراً لكم — dziękuję"}'],
    ['characters beyond the BMP', '{"note":"🎉 𝄞 ok"}'],
    ['nothing', ''],
  ])('reads back the same JSON and attachment bytes: %s', async (_what, json) => {
    const one = new Uint8Array([1, 2, 3]);
    const two = new Uint8Array(5000).map((_, i) => i % 256);
    const body = await bytesOf(frameBatch(json, [new Blob([one]), new Blob([two])]));
    // the length prefix counts UTF-8 bytes, not characters
    expect(new DataView(body.buffer).getUint32(0)).toBe(new TextEncoder().encode(json).length);
    const frame = unframeBatch(body);
    expect(frame?.json).toBe(json);
    expect(frame?.rest).toEqual(new Uint8Array([...one, ...two]));
  });

  it('is not a frame when shorter than its length says', async () => {
    const body = await bytesOf(frameBatch('{"items":[]}', []));
    expect(unframeBatch(body.subarray(0, body.length - 1))).toBeNull();
    expect(unframeBatch(body.subarray(0, 3))).toBeNull();
  });
});
