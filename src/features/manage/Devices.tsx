/** Organiser: enrolment codes (typed or scanned), the device list, and revoking a lost device. */

import { useEffect, useState } from 'preact/hooks';
import qrcode from 'qrcode-generator';
import { TableRegion } from '../../ui/TableRegion';
import { api } from './api';
import { type AssignedDevice, assignedSummary, DeviceEngagements, type EngagementRow } from './DeviceEngagements';
import { Page, Problem, Saved, when } from './ui';

interface Device extends AssignedDevice {
  id: string;
  name: string;
  enrolledBy: string | null;
  enrolledAt: string;
  lastSyncAt: string | null;
  lastQueueSize: number | null;
  revokedAt: string | null;
}

function qrFor(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  return qr.createDataURL(6, 2);
}

export function Devices() {
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [code, setCode] = useState<{ code: string; expiresAt: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<Device | null>(null);
  const [engagements, setEngagements] = useState<EngagementRow[]>([]);
  const load = () =>
    api<{ devices: Device[] }>('GET', '/api/staff/devices')
      .then((r) => setDevices(r.devices))
      .catch((e) => setProblem(e.message));
  useEffect(() => {
    void load();
    void api<{ engagements: EngagementRow[] }>('GET', '/api/staff/engagements').then((r) => setEngagements(r.engagements));
  }, []);

  const newCode = async () => {
    setProblem(null);
    try {
      setCode(await api('POST', '/api/staff/devices/codes', {}));
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  const revoke = async (d: Device) => {
    setProblem(null);
    try {
      await api('POST', `/api/staff/devices/${d.id}/revoke`, {});
      setConfirming(null);
      setStatus(`${d.name} is switched off. It cannot send or download anything until it is enrolled again.`);
      await load();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  const link = code ? `${location.origin}/enrol#code=${code.code}` : '';

  return (
    <Page title="Devices">
      <Problem message={problem} />
      <Saved message={status} />
      <section aria-labelledby="enrol-heading" class="panel">
        <h2 id="enrol-heading">Enrol a device</h2>
        <p>Make a one-time code. On the device, open this site, choose "Set up this device", and type or scan the code.</p>
        <button type="button" class="button primary" onClick={() => void newCode()}>
          Make an enrolment code
        </button>
        {code && (
          <div class="staff-code" role="status">
            <p>
              Code: <strong data-testid="enrolment-code">{code.code}</strong> (works once, until {when(code.expiresAt)})
            </p>
            <img src={qrFor(link)} alt={`QR code that opens the enrolment page with code ${code.code}`} width={200} height={200} />
            <p>
              Or open <code>{link}</code> on the device.
            </p>
          </div>
        )}
      </section>
      <TableRegion class="staff-table" caption="Enrolled devices">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Enrolled by</th>
            <th scope="col">Last sync</th>
            <th scope="col">Waiting at last sync</th>
            <th scope="col">Engagements</th>
            <th scope="col">Status</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {(devices ?? []).map((d) => (
            <tr key={d.id}>
              <td>{d.name}</td>
              <td>{d.enrolledBy ?? 'the server (first start)'}</td>
              <td>{when(d.lastSyncAt)}</td>
              <td>{d.lastQueueSize ?? 'not reported'}</td>
              <td>
                {assignedSummary(d, engagements)}{' '}
                {!d.revokedAt && (
                  <button
                    type="button"
                    class="button link"
                    onClick={() => {
                      setStatus(null);
                      setAssigning(d);
                    }}
                  >
                    Choose <span class="visually-hidden">engagements for {d.name}</span>
                  </button>
                )}
              </td>
              <td>{d.revokedAt ? `Revoked ${when(d.revokedAt)}` : 'Active'}</td>
              <td>
                {!d.revokedAt &&
                  (confirming === d.id ? (
                    <span class="staff-confirm">
                      <button type="button" class="button warning small" onClick={() => void revoke(d)}>
                        Yes, revoke {d.name}
                      </button>
                      <button type="button" class="button secondary small" onClick={() => setConfirming(null)}>
                        Keep it
                      </button>
                    </span>
                  ) : (
                    <button type="button" class="button secondary small" onClick={() => setConfirming(d.id)}>
                      Revoke <span class="visually-hidden">{d.name}</span>
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {assigning && (
        <DeviceEngagements
          key={assigning.id}
          device={assigning}
          engagements={engagements}
          onProblem={setProblem}
          onDone={async (saved) => {
            setAssigning(null);
            setProblem(null);
            if (saved) {
              setStatus(`Saved. ${assigning.name} downloads its engagements when it is next online.`);
              await load();
            }
          }}
        />
      )}
    </Page>
  );
}
