/** The update prompt, import()ed by the shell only when an update waits (src/app/update.ts). */
import { useState } from 'preact/hooks';
import { holdBackground, releaseBackground } from '../device/background';
import { handOver } from '../device/handover';
import { t } from '../i18n/index';
import type { PageToWorker } from '../shared/messages';
import { updateReady, waitingWorker } from './update';

/** If the new version has not taken over by then, a reload asks the browser again (it re-checks on navigation). */
const RELOAD_AFTER_MS = 15_000;

/**
 * Applies the waiting update (never while a hand-over is open; the prompt only shows on facilitator screens,
 * so that is a guard, not a wait). The page goes quiet first: a sync under way lets its batches on the wire
 * land and stops (the rest goes after the reload), a refresh under way ends, and none starts until the new
 * version takes over and the page reloads (`controllerchange` in update.ts). Resolves false when it could not
 * be applied.
 */
async function applyUpdate(): Promise<boolean> {
  if (handOver.value !== null) return false;
  await holdBackground();
  const waiting = waitingWorker();
  if (!waiting || !updateReady.value) {
    releaseBackground();
    return false;
  }
  waiting.postMessage({ type: 'SKIP_WAITING' } satisfies PageToWorker);
  setTimeout(() => location.reload(), RELOAD_AFTER_MS);
  return true;
}

export function UpdatePrompt() {
  const [applying, setApplying] = useState(false);
  return (
    <div class="update-prompt">
      <p>{t('update.ready')}</p>
      <button
        type="button"
        class="button secondary small"
        aria-disabled={applying}
        onClick={() => {
          if (applying) return;
          setApplying(true);
          void applyUpdate().then((ok) => setApplying(ok));
        }}
      >
        {applying ? t('update.applying') : t('update.apply')}
      </button>
    </div>
  );
}
