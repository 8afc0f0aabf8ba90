/** Boot: kept tiny. Everything not needed for the first screen is import()ed. */
import { render } from 'preact';
import { loadDevice, startSyncTriggers } from '../device/device';
import { initI18n } from '../i18n/index';
import { App } from './App';
import { registerServiceWorker } from './update';
import './styles.css';

async function boot() {
  await initI18n();
  await loadDevice();
  render(<App />, document.getElementById('app') as HTMLElement);
  startSyncTriggers();
  void registerServiceWorker();
  if (navigator.storage?.persist) void navigator.storage.persist();
}

void boot();
