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
  /** Configured PBXs; empty means "no AMI settings", and the server runs the PBX simulator in-process. */
  pbx: PbxConfig[];
  asteriskSoundsDir: string;
  asteriskMonitorDir: string;
  uploadSoundsDir: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
