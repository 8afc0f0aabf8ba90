// This module is in the first load: keep it small, and import() what the first screen does not need.
import type { ComponentChildren } from 'preact';
import { announcement } from '../a11y/live';
import { syncStatus } from '../device/device';
import { handOver } from '../device/handover';
import { t } from '../i18n/index';
import { applyUpdate, updateReady } from './update';

function UpdatePrompt() {
  // never shown during a hand-over: only on facilitator screens, and applied only when none is open
  if (!updateReady.value || handOver.value !== null) return null;
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

export function Shell({ children }: { children: ComponentChildren }) {
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="site-header">
        <span class="brand">Blether</span>
      </header>
      <div aria-live="polite" class="live-region">
        <UpdatePrompt />
      </div>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement.value}
      </div>
    </>
  );
}
