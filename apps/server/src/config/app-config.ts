import type { LevelWithSilent } from 'pino';

/** One PBX (Asterisk/FreePBX) reached over AMI. */
export interface PbxConfig {
  /** Tag used in logs, metrics and health ("main" for the single AMI_HOST connection). */
  name: string;
  host: string;
  port: number;
  username: string;
  secret: string;
}

/** The validated, typed configuration; read once from the environment at boot. */
export interface AppConfig {
  /** `production` switches logs to JSON even in a terminal. */
  nodeEnv: string;
  host: string;
  port: number;
  logLevel: LevelWithSilent;
  /** PostgreSQL connection string; undefined means the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Super-admin key accepted in addition to the keys stored in the database. */
  adminApiKey: string | undefined;
  /** The built web UI (apps/web/dist, WEB_DIST_DIR) served at `/`; absent means an API-only server. */
  webDistDir: string;
  /** Time factor of the in-process PBX simulator (PBX_SIM_SPEED, default 1 = real time); demos and UI tests. */
  pbxSimSpeed: number;
  /** Configured PBXs; empty means "no AMI settings", and the server runs the PBX simulator in-process. */
  pbx: PbxConfig[];
  /** Asterisk's `custom` sounds folder; a sound lands in `<dir>/<tenant slug>/<name>.<ext>`. */
  asteriskSoundsDir: string;
  asteriskMonitorDir: string;
  /** Originals and every version's converted files, under generated names. */
  uploadSoundsDir: string;
  /** Largest sound upload per file (SOUNDS_MAX_UPLOAD_MB, default 50 MB); larger answers 413. */
  maxUploadBytes: number;
  /** Longest sound accepted (SOUNDS_MAX_DURATION_SECONDS, default 600); longer answers 422. */
  maxSoundSeconds: number;
  /** Call logs and their events older than this many days are purged (CALLS_RETENTION_DAYS, default 90). */
  callRetentionDays: number;
  /** The watchdog hangs up and closes calls older than this (CALLS_MAX_DURATION_SECONDS, default 14400 = 4 h). */
  maxCallDurationSeconds: number;
  /** Names this instance on the calls it places (SWITCHBOARD_INSTANCE_ID, default the host name). */
  instanceId: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
