/** Finance staff API calls: same-origin JSON with the staff session cookie; errors carry the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new ApiError(res.status, data.message ?? `The server answered ${res.status}.`);
  return data as T;
}

export const pounds = (pence: number | null | undefined) =>
  pence === null || pence === undefined ? '–' : new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);

export interface ClaimSummary {
  id: string;
  engagementId: string;
  sessionId: string | null;
  referenceCode: string;
  status: string;
  claimedPence: number;
  approvedPence: number;
  paymentMethod: string;
  account: string | null;
  late: boolean;
  needsSecond: boolean;
  receivedAt: string;
}

export interface ClaimDetail extends ClaimSummary {
  payment: Record<string, unknown>;
  declaration: Record<string, unknown>;
  bank: { accountName: string; sortCode: string; accountNumber: string } | { masked: string } | null;
  bankPurgedAt: string | null;
  firstApprover: string | null;
  secondApprover: string | null;
  lines: {
    idx: number;
    category: string;
    detail: Record<string, unknown>;
    amountPence: number;
    approvedPence: number | null;
    status: string;
    reason: string | null;
    hasReceipt: boolean;
    warnings: string[];
  }[];
  audit: { actor: string; action: string; reason: string | null; at: string }[];
}
