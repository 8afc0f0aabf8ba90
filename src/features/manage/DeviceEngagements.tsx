/** Organiser: which engagements one device carries (every published one, or only those chosen). */
import { useState } from 'preact/hooks';
import { pickText, type Text } from '../../shared/engagement';
import { api } from './api';

export interface EngagementRow {
  id: string;
  slug: string;
  title: Text;
  latestVersion: number | null;
}

export interface AssignedDevice {
  id: string;
  name: string;
  engagementScope: 'all' | 'chosen';
  engagementIds: string[];
}

export const titleOf = (e: EngagementRow) => pickText(e.title, 'en', 'standard', 'en').text || e.slug;

export function assignedSummary(d: AssignedDevice, engagements: EngagementRow[]): string {
  if (d.engagementScope === 'all') return 'Every published engagement';
  const names = engagements.filter((e) => d.engagementIds.includes(e.id)).map(titleOf);
  return names.length ? names.join(', ') : 'None';
}

export function DeviceEngagements(p: {
  device: AssignedDevice;
  engagements: EngagementRow[];
  onDone: (saved: boolean) => void;
  onProblem: (message: string) => void;
}) {
  const [scope, setScope] = useState(p.device.engagementScope);
  const [chosen, setChosen] = useState<string[]>(p.device.engagementIds);
  const [busy, setBusy] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api('PUT', `/api/staff/devices/${p.device.id}/engagements`, { scope, engagementIds: scope === 'chosen' ? chosen : [] });
      p.onDone(true);
    } catch (err) {
      p.onProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) => setChosen(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  return (
    <form noValidate onSubmit={save} class="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading" tabIndex={-1} ref={(el) => el?.focus()}>
        Engagements on {p.device.name}
      </h2>
      <p class="hint">
        The device downloads these when it is next online. It keeps an engagement it no longer carries until its answers to it are sent.
      </p>
      <fieldset class="staff-roles">
        <legend>What should this device carry?</legend>
        <div class="staff-choice">
          <input type="radio" id="scope-all" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
          <label for="scope-all">Every published engagement</label>
        </div>
        <div class="staff-choice">
          <input type="radio" id="scope-chosen" name="scope" checked={scope === 'chosen'} onChange={() => setScope('chosen')} />
          <label for="scope-chosen">Only the engagements I choose</label>
        </div>
      </fieldset>
      {scope === 'chosen' && (
        <fieldset class="staff-roles">
          <legend>Choose engagements</legend>
          {p.engagements.length === 0 && <p>There are no engagements yet.</p>}
          {p.engagements.map((e) => (
            <div class="staff-choice" key={e.id}>
              <input
                type="checkbox"
                id={`assign-${e.id}`}
                checked={chosen.includes(e.id)}
                onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
              />
              <label for={`assign-${e.id}`}>
                {titleOf(e)}
                {e.latestVersion ? ` (version ${e.latestVersion})` : ' (not published yet)'}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <button type="submit" class="button primary" disabled={busy}>
        Save engagements for {p.device.name}
      </button>{' '}
      <button type="button" class="button secondary" onClick={() => p.onDone(false)}>
        Cancel
      </button>
    </form>
  );
}
