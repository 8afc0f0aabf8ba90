import type { ColumnType, Generated } from 'kysely';
import type { ClaimState, LineState } from '../../shared/claims';
import type { RunOutcome, RunState } from '../../shared/payment-runs';

/** Instants are ISO 8601 strings in UTC (…Z): the same on SQLite and PostgreSQL, and explicit. */
type Instant = string;

export interface EngagementsTable {
  id: string;
  slug: string;
  title_json: string;
  status: string;
  created_at: Instant;
}

export interface EngagementVersionsTable {
  id: string;
  engagement_id: string;
  version: number;
  content_json: string;
  public_key_jwk: string;
  /** the private key, sealed under the server key */
  private_key_sealed: string;
  published_at: Instant;
}

export interface DevicesTable {
  id: string;
  name: string;
  token_hash: string;
  enrolled_by: string | null;
  enrolled_at: Instant;
  last_seen_at: Instant | null;
  last_sync_at: Instant | null;
  last_queue_size: number | null;
  revoked_at: Instant | null;
  /** 'all': every published engagement; 'chosen': only those in device_engagements */
  engagement_scope: ColumnType<string, string | undefined, string>;
}

/** The engagements an organiser chose for a device (when its scope is 'chosen'). */
export interface DeviceEngagementsTable {
  device_id: string;
  engagement_id: string;
  assigned_by: string | null;
  assigned_at: Instant;
}

export interface EnrolmentCodesTable {
  code_hash: string;
  created_by: string | null;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
  device_id: string | null;
}

export interface BundlesTable {
  id: string;
  engagement_version_id: string;
  device_id: string;
  content_hash: string;
  /** the sealed envelope is kept once, in the inbox row with the same id */
  received_at: Instant;
  created_at: Instant;
  session_id: string | null;
  locale: string;
  format: string;
  input_method: string;
  reference_code: string;
  /** answers only: no contact, bank or monitoring data */
  answers_json: string;
  attachment_count: number;
}

export type InboxState = 'pending' | 'opened' | 'failed';

/** Every sealed bundle as received (issue 4); the primary key makes sync idempotent. */
export interface InboxTable {
  id: string;
  engagement_version_id: string;
  device_id: string;
  content_hash: string;
  envelope_json: string;
  /** sha256 list the device declared (JSON array) */
  attachments_json: string;
  /** 'sync' or 'import' */
  source: string;
  received_at: Instant;
  state: InboxState;
  /** for failed: why, for staff */
  reason: string | null;
  opened_at: Instant | null;
}

/** An upload slot belongs to the device that started it: keyed by (sha256, device_id). */
export interface AttachmentUploadsTable {
  sha256: string;
  size: number;
  received: number;
  /** 1 once every byte arrived and the sha256 of the whole was checked */
  complete: number;
  device_id: string;
  created_at: Instant;
  completed_at: Instant | null;
}

export interface AttachmentChunksTable {
  sha256: string;
  device_id: string;
  offset: number;
  data: Buffer;
}

/** Bundles staff imported that the server could not take as they were (conflict, rejected). */
export interface HeldBundlesTable {
  id: string;
  bundle_id: string;
  engagement_version_id: string;
  device_id: string;
  envelope_json: string;
  attachments_json: string;
  status: string;
  reason: string;
  source: string;
  received_at: Instant;
}

export interface StaffUsersTable {
  id: string;
  email: string;
  name: string;
  /** argon2id */
  password_hash: string;
  /** JSON array of roles: admin, organiser, finance, analyst */
  roles_json: string;
  created_at: Instant;
  disabled_at: Instant | null;
}

export interface StaffSessionsTable {
  token_hash: string;
  user_id: string;
  created_at: Instant;
  expires_at: Instant;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface MediaTable {
  sha256: string;
  type: string;
  size: number;
  name: string;
  data: Buffer;
  created_by: string | null;
  created_at: Instant;
}

export interface EngagementDraftsTable {
  engagement_id: string;
  content_json: string;
  updated_at: Instant;
  updated_by: string | null;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  /** ms since epoch */
  window_start: ColumnType<number, number, number>;
}

/** Money columns are bigint in the database and integer pence in TypeScript. */
type Pence = ColumnType<number, number, number>;

export interface ClaimsTable {
  id: string;
  engagement_id: string;
  engagement_version_id: string;
  device_id: string;
  session_id: string | null;
  reference_code: string;
  /** written only by moveClaim (services/claim-status.ts) */
  status: ClaimState;
  claimed_pence: Pence;
  approved_pence: Pence;
  payment_method: string;
  /** bank details sealed under the server key; null once purged */
  bank_sealed: string | null;
  bank_last4: string | null;
  /** the payment details that are not secret (voucher type, cash handed over) */
  payment_json: string;
  declaration_json: string;
  time_choice: string | null;
  late: number;
  claimed_at: Instant;
  received_at: Instant;
  needs_second: number;
  first_approver: string | null;
  second_approver: string | null;
  payment_run_id: string | null;
  paid_at: Instant | null;
  bank_purged_at: Instant | null;
  updated_at: Instant;
  /** the approved state the claim had when it went into a payment run; a failed payment returns it there */
  approved_status: ColumnType<ClaimState | null, ClaimState | null | undefined, ClaimState | null>;
  /** bumped by every status change: a change applies only to the row it was decided on */
  version: ColumnType<number, number | undefined, number>;
  /** why the claim waits for staff without being priced (e.g. 'no_rate_card') */
  held_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ClaimLinesTable {
  claim_id: string;
  idx: number;
  category: string;
  detail_json: string;
  amount_pence: Pence;
  approved_pence: Pence | null;
  status: LineState;
  reason: string | null;
  /** the sealed attachment's sha256 (how it travelled) */
  receipt_sha256: string | null;
  /** the image's own sha256, to spot the same receipt twice */
  receipt_image_sha256: string | null;
  warnings_json: string;
}

export interface PaymentRunsTable {
  id: string;
  created_by: string;
  created_at: Instant;
  claim_count: number;
  total_pence: Pence;
  format: ColumnType<string, string | undefined, string>;
  state: ColumnType<RunState, RunState | undefined, RunState>;
  settled_at: ColumnType<Instant | null, Instant | null | undefined, Instant | null>;
}

/** Each claim of a payment run: the amount it went into the run with, and what the bank did with it. */
export interface PaymentRunClaimsTable {
  run_id: string;
  claim_id: string;
  amount_pence: Pence;
  outcome: RunOutcome | null;
  reason: string | null;
  marked_by: string | null;
  marked_at: Instant | null;
}

export interface CashFloatsTable {
  session_id: string;
  issued_pence: Pence;
  returned_pence: Pence;
  recorded_by: string;
  recorded_at: Instant;
  reconciled_by: string | null;
  reconciled_at: Instant | null;
}

export interface AuditEventsTable {
  id: string;
  actor: string;
  action: string;
  subject: string;
  reason: string | null;
  at: Instant;
  detail_json: string | null;
}

export interface JobLeasesTable {
  name: string;
  holder: string | null;
  /** ms since epoch */
  lease_until: ColumnType<number, number, number>;
  last_run_at: string | null;
  last_result: string | null;
}

/** Who took part (issue 7): per bundle, apart from the answers; monitoring is reported only in aggregate. */
export interface ParticipationTable {
  bundle_id: string;
  engagement_id: string;
  session_id: string | null;
  venue: string | null;
  /** the session's area (postcode district), for consultation fatigue */
  area: string | null;
  created_at: Instant;
  /** equality monitoring as the participant gave it (JSON object), or null */
  monitoring_json: string | null;
}

export interface FeedbackContactsTable {
  bundle_id: string;
  engagement_id: string;
  /** the contact, sealed under the server key */
  contact_sealed: string;
  locale: string;
  format: string;
  created_at: Instant;
}

export interface ThemesTable {
  id: string;
  engagement_id: string;
  name: string;
  created_by: string;
  created_at: Instant;
}

export interface ThemeTagsTable {
  theme_id: string;
  bundle_id: string;
  question_id: string;
  tagged_by: string;
  tagged_at: Instant;
}

export interface ReferenceSharesTable {
  engagement_id: string;
  dimension: string;
  category: string;
  /** share of the reference population in 1/100 of a percent */
  basis_points: number;
  source: string;
}

export interface FeedbackTable {
  engagement_id: string;
  draft_json: string;
  published_json: string | null;
  published_at: Instant | null;
  updated_at: Instant;
  updated_by: string;
}

/** A facilitator's session as its device reported it once closed (DESIGN.md Session). */
export interface SessionsTable {
  id: string;
  device_id: string;
  engagement_slug: string;
  engagement_id: string | null;
  venue: string;
  area: string;
  /** local date, YYYY-MM-DD, in time_zone */
  date: string;
  time_zone: string;
  opened_at: Instant;
  closed_at: Instant;
  attendance: number | null;
  notes: string;
  float_issued_pence: Pence;
  float_paid_out_pence: Pence;
  float_returned_pence: Pence | null;
  received_at: Instant;
}

export interface MigrationLockRow {
  id: Generated<number>;
}

export interface DB {
  engagements: EngagementsTable;
  engagement_versions: EngagementVersionsTable;
  devices: DevicesTable;
  device_engagements: DeviceEngagementsTable;
  enrolment_codes: EnrolmentCodesTable;
  bundles: BundlesTable;
  inbox: InboxTable;
  attachment_uploads: AttachmentUploadsTable;
  attachment_chunks: AttachmentChunksTable;
  held_bundles: HeldBundlesTable;
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  setup_tokens: SetupTokensTable;
  media: MediaTable;
  engagement_drafts: EngagementDraftsTable;
  rate_limits: RateLimitsTable;
  claims: ClaimsTable;
  claim_lines: ClaimLinesTable;
  payment_runs: PaymentRunsTable;
  payment_run_claims: PaymentRunClaimsTable;
  cash_floats: CashFloatsTable;
  audit_events: AuditEventsTable;
  job_leases: JobLeasesTable;
  participation: ParticipationTable;
  feedback_contacts: FeedbackContactsTable;
  themes: ThemesTable;
  theme_tags: ThemeTagsTable;
  reference_shares: ReferenceSharesTable;
  feedback: FeedbackTable;
  sessions: SessionsTable;
}

export type { ColumnType };
