// This module is in the first load: keep it small, and import() what the first screen does not need.
import type { ComponentChildren } from 'preact';
import { announcement } from '../a11y/live';
import { handOver } from '../device/handover';
import { t } from '../i18n/index';
import { lazy } from '../ui/router';
import { updateReady } from './update';

// never shown during a hand-over: only on facilitator screens, and applied only when none is open
const UpdatePrompt = lazy(() => import('./UpdatePrompt').then((m) => m.UpdatePrompt));

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
        {updateReady.value && handOver.value === null && <UpdatePrompt />}
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
