/** Enrolment, once per device and online only: import()ed by the Enrol screen, never in the first load. */
import { saveEngagements } from '../db/engagements';
import { type DeviceIdentity, setMeta } from '../db/meta';
import { askPersistent } from '../db/storage';
import type { PublishedEngagement } from '../shared/engagement';
import { timeLimited } from '../shared/request';
import { identity, refreshStorage } from './device';
import { removal } from './offline';

/** Fetches the engagements assigned to this device so they work offline. */
async function downloadEngagements(): Promise<boolean> {
  const token = identity.value?.token;
  if (!token) return false;
  try {
    const res = await fetch('/api/device/engagements', timeLimited({ headers: { Authorization: `Bearer ${token}` } }));
    if (!res.ok) return false;
    const body = (await res.json()) as { engagements: PublishedEngagement[] };
    await saveEngagements(body.engagements);
    return true;
  } catch {
    return false;
  }
}

export async function enrol(code: string, name: string): Promise<{ ok: true } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await fetch(
      '/api/devices/enrol',
      timeLimited({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        // the token this device held before: the server gives it back the engagements it carried
        body: JSON.stringify({ code, name, previousToken: identity.value?.token }),
      }),
    );
  } catch {
    return { ok: false, message: 'offline' };
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) return { ok: false, message: body.message ?? `HTTP ${res.status}` };
  const id: DeviceIdentity = { deviceId: body.deviceId, token: body.token, name };
  await setMeta('identity', id);
  identity.value = id;
  await setMeta('removal', null);
  removal.value = null;
  // enrolment is when a device starts keeping answers: ask the browser not to evict them
  void askPersistent().then(refreshStorage);
  await downloadEngagements();
  return { ok: true };
}
