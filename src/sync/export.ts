/** The export of bundles that need attention: still sealed, for staff to import on the server. */
import type { OutboxRepo } from '../db/outbox';
import { sealedBytes, syncItemOf } from '../db/records';
import { toBase64 } from '../shared/bytes';
import type { ExportFile } from '../shared/protocol';

/** `unsent`: every bundle not yet sent, for a device that can no longer send (removed by an organiser). */
export async function buildExport(
  outbox: OutboxRepo,
  device: { deviceId: string; name: string } | null,
  unsent = false,
): Promise<ExportFile> {
  const { records, attachments } = await outbox.attentionWithAttachments(unsent);
  const bytes = await Promise.all(attachments.map((a) => sealedBytes(a.bytes)));
  return {
    format: 'blether-export/v1',
    exportedAt: new Date().toISOString(),
    deviceId: device?.deviceId ?? null,
    deviceName: device?.name ?? null,
    bundles: records.map((r) => ({
      item: syncItemOf(r),
      createdAt: r.createdAt,
      status: r.status,
      reason: r.reason,
    })),
    attachments: Object.fromEntries(attachments.map((a, i) => [a.sha256, toBase64(bytes[i] as Uint8Array)])),
  };
}

/** Offers the export as a file download (the facilitator's browser saves it). */
export function downloadJson(file: ExportFile, name: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
