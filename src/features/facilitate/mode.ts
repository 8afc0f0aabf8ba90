// This module is in the first load: keep it small, and import() what the first screen does not need.
/** Participant mode: once handed over, the device shows only the journey until the facilitator's PIN. */
import { signal } from '@preact/signals';
import { getMeta, setMeta } from '../../db/meta';

/** the engagement slug handed over, or null; undefined until read from the device */
export const participantMode = signal<string | null | undefined>(undefined);

export async function loadParticipantMode(): Promise<void> {
  participantMode.value = (await getMeta<string | null>('participantMode')) ?? null;
}

export async function enterParticipantMode(slug: string): Promise<void> {
  // stored, so a reload or a closed tab does not drop the device out of participant mode
  await setMeta('participantMode', slug);
  participantMode.value = slug;
}

export async function leaveParticipantMode(): Promise<void> {
  await setMeta('participantMode', null);
  participantMode.value = null;
}
