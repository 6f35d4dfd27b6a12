import type { ColumnType, Generated, Selectable } from 'kysely';
import type { OutputFormat } from './audio-formats.js';

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, never, Date>;
type Id = ColumnType<string, string | undefined, never>;
type Json<T> = ColumnType<T, string, string>;

export type SoundStatus = 'processing' | 'ready' | 'failed';

export interface SoundFormatFile {
  format: OutputFormat;
  extension: string;
  size: number;
}

export interface SoundsTable {
  id: Id;
  tenant_id: string;
  /** Sanitised file-system name: the dialplan plays `custom/<tenant slug>/<name>`. */
  name: string;
  description: string | null;
  active_version_id: string | null;
  usage_count: Generated<number>;
  last_used_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SoundVersionsTable {
  id: Id;
  sound_id: string;
  version: number;
  status: SoundStatus;
  error: string | null;
  /** The uploader's file name, for display only. */
  original_name: string;
  /** Generated file name of the original inside UPLOAD_SOUNDS_DIR. */
  original_file: string;
  original_format: string;
  original_encoding: string;
  duration_ms: number;
  sample_rate: number;
  channels: number;
  size_bytes: number;
  sha256: string;
  formats: Json<SoundFormatFile[]>;
  peaks: ColumnType<number[] | null, string | null, string | null>;
  normalise: boolean;
  trim_silence: boolean;
  /** The API key that uploaded it; null for ADMIN_API_KEY. */
  uploaded_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The sound tables, added to the app's Database type with `db.withTables<SoundTables>()`. */
// A type alias, not an interface: withTables wants an index-compatible record.

export type SoundTables = {
  sounds: SoundsTable;
  sound_versions: SoundVersionsTable;
};

export type SoundRow = Selectable<SoundsTable>;
export type SoundVersionRow = Selectable<SoundVersionsTable>;
