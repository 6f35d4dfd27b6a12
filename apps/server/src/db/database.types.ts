import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
type Id = ColumnType<string, string | undefined, never>;

/** Where answered calls go when a journey does not say otherwise. */
export type AnswerDestination =
  { type: 'dialplan'; context: string; exten: string; priority: number } | { type: 'sound'; sound: string };

export type DidRotationStrategy = 'round-robin' | 'least-recently-used' | 'random' | 'local-presence';
export type ApiKeyRole = 'admin' | 'operator' | 'viewer';

export interface TenantsTable {
  id: Id;
  name: string;
  slug: string;
  default_country: string;
  caller_name: string | null;
  max_concurrent_calls: number | null;
  calls_per_second: number | null;
  originate_channel_template: string;
  answer_destination: ColumnType<AnswerDestination | null, string | null, string | null>;
  did_rotation: DidRotationStrategy;
  /** Round-robin cursor: `position` of the DID picked last. */
  did_rr_position: Generated<number>;
  enabled: boolean;
  /** Whether the tenant's operator keys may delete its recordings (admin keys always may). */
  operators_may_delete_recordings: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ApiKeysTable {
  id: Id;
  /** Null for platform (super-admin) keys, which act on every tenant; only role admin (CHECK, 0009). */
  tenant_id: string | null;
  name: string;
  role: ApiKeyRole;
  prefix: string;
  key_hash: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface DidsTable {
  id: Id;
  tenant_id: string;
  number: string;
  label: string | null;
  enabled: boolean;
  daily_cap: number | null;
  /** UTC day (YYYY-MM-DD) that `uses_today` counts. */
  usage_day: string | null;
  uses_today: Generated<number>;
  total_uses: Generated<number>;
  last_used_at: Date | null;
  /** Fixed order for round-robin; assigned by the database. */
  position: ColumnType<number, never, never>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TransferNumbersTable {
  id: Id;
  tenant_id: string;
  number: string;
  label: string | null;
  weight: number;
  enabled: boolean;
  concurrent_cap: number | null;
  active_calls: Generated<number>;
  total_uses: Generated<number>;
  last_used_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** What an answered call does: play a sound, connect a transfer number, or go to a dialplan target. */
export type CallAnswer =
  | { type: 'sound'; sound: string }
  | { type: 'transfer'; number: string }
  | { type: 'dialplan'; context: string; exten: string; priority: number };

type Json<T> = ColumnType<T, string, string>;

export interface CallsTable {
  id: string;
  tenant_id: string;
  status: string;
  to_number: string;
  from_number: string | null;
  did_id: string | null;
  caller_name: string | null;
  answer: Json<CallAnswer>;
  transfer_number_id: string | null;
  transfer_number: string | null;
  sound: string | null;
  record: boolean;
  recording_file: string | null;
  timeout_seconds: number;
  variables: Json<Record<string, string>>;
  metadata: ColumnType<unknown, string | null, string | null>;
  pbx: string | null;
  action_id: string;
  channel_id: string;
  other_channel_id: string;
  channel: string | null;
  other_channel: string | null;
  dialed_channel: string | null;
  uniqueid: string | null;
  linkedid: string | null;
  scheduled_at: Date;
  originated_at: Date | null;
  ringing_at: Date | null;
  answered_at: Date | null;
  ended_at: Date | null;
  ring_seconds: number | null;
  talk_seconds: number | null;
  hangup_cause: number | null;
  hangup_cause_text: string | null;
  originate_response: string | null;
  originate_reason: number | null;
  dial_status: string | null;
  cdr_disposition: string | null;
  cdr_billsec: number | null;
  end_reason: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  /** The Switchboard instance that placed the call and tracks it (several may share the database). */
  owner: ColumnType<string | null, string | null | undefined, string | null>;
  /** The number of the row's last change (a bigint, as text): the live stream's event id. */
  change_seq: ColumnType<string, never, never>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: UpdatedAt;
}

export interface CallEventsTable {
  id: Generated<string>;
  call_id: string;
  name: string;
  at: Date;
  headers: Json<Record<string, string | string[]>>;
}

/** Per tenant: its calls in progress (kept by triggers on `calls`) and the next free pacing slot. */
export interface TenantCallCountersTable {
  tenant_id: string;
  live_calls: Generated<number>;
  next_slot_at: Date | null;
}

export interface Database {
  tenant_call_counters: TenantCallCountersTable;
  tenants: TenantsTable;
  calls: CallsTable;
  call_events: CallEventsTable;
  api_keys: ApiKeysTable;
  dids: DidsTable;
  transfer_numbers: TransferNumbersTable;
}

export type TenantRow = Selectable<TenantsTable>;
export type NewTenantRow = Insertable<TenantsTable>;
export type TenantUpdate = Updateable<TenantsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type DidRow = Selectable<DidsTable>;
export type TransferNumberRow = Selectable<TransferNumbersTable>;
export type CallRow = Selectable<CallsTable>;
export type CallEventRow = Selectable<CallEventsTable>;
