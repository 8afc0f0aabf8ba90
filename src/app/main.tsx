// This module is in the first load: keep it small, and import() what the first screen does not need.
/** Boot: kept tiny. Everything not needed for the first screen is import()ed. */
import './signals';
import { render } from 'preact';
import { loadDevice, startSyncTriggers } from '../device/device';
import { initI18n } from '../i18n/index';
import { App } from './App';
import { whenIdle } from './idle';
import { preloadFor } from './routes';
import { registerServiceWorker } from './update';
import './styles.css';

async function boot() {
  preloadFor(location.pathname);
  await initI18n();
  await loadDevice();
  render(<App />, document.getElementById('app') as HTMLElement);
  startSyncTriggers();
  // the service worker is not needed to show the first screen
  whenIdle(() => void registerServiceWorker());
  if (navigator.storage?.persist) void navigator.storage.persist();
}

void boot();
