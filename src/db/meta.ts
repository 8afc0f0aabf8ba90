// This module is in the first load: keep it small, and import() what the first screen does not need.
/** Small device settings (enrolment, last sync) in the meta store. */
import { request, store } from './open';

export interface DeviceIdentity {
  deviceId: string;
  token: string;
  name: string;
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await request((await store('meta')).get(key))) as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await request((await store('meta', 'readwrite')).put(value, key));
}
