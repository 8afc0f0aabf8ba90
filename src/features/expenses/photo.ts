/**
 * Receipt photos are shrunk on the device before they are sealed: at most 1600 px on the long edge and
 * about 300 KB, as JPEG. The hash of the result lets the same receipt be spotted twice.
 */
import type { Receipt } from '../../device/participant';
import { sha256Hex } from '../../shared/bytes';

export const MAX_EDGE = 1600;
export const TARGET_BYTES = 300 * 1024;

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

export async function shrinkImage(file: Blob): Promise<Receipt> {
  const bitmap = await createImageBitmap(file);
  try {
    let scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    let quality = 0.82;
    for (;;) {
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const blob = await encode(bitmap, width, height, quality);
      // lower quality first (cheap, keeps the text legible), then fewer pixels
      if (blob.size <= TARGET_BYTES || (quality <= 0.5 && scale < 0.2)) {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        return { bytes, type: 'image/jpeg', sha256: await sha256Hex(bytes), width, height };
      }
      if (quality > 0.55) quality -= 0.12;
      else scale *= 0.8;
    }
  } finally {
    bitmap.close();
  }
}
