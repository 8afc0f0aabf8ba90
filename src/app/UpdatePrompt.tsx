/** The update prompt, import()ed by the shell only when an update waits (src/app/update.ts). */
import { syncStatus } from '../device/device';
import { handOver } from '../device/handover';
import { t } from '../i18n/index';
import type { PageToWorker } from '../shared/messages';
import { updateReady, waitingWorker } from './update';

/**
 * Applies the waiting update once `isSafe` says so. The facilitator asked for it, so a sync still running
 * finishes first (checked twice a second, for up to a minute) rather than the click being lost; resolves
 * false when it never became safe.
 */
async function applyUpdate(isSafe: () => Promise<boolean>): Promise<boolean> {
  const waiting = waitingWorker();
  if (!waiting || !updateReady.value) return false;
  for (let tries = 0; !(await isSafe()); tries++) {
    if (tries >= 120) return false;
    await new Promise((r) => setTimeout(r, 500));
  }
  waiting.postMessage({ type: 'SKIP_WAITING' } satisfies PageToWorker);
  return true;
}

export function UpdatePrompt() {
  return (
    <div class="update-prompt">
      <p>{t('update.ready')}</p>
      <button
        type="button"
        class="button secondary small"
        onClick={() => void applyUpdate(async () => handOver.value === null && syncStatus.value.phase !== 'sending')}
      >
        {t('update.apply')}
      </button>
    </div>
  );
}
