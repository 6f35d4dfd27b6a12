import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AppConfig } from './app-config.js';

/** Thrown at boot when the environment is unusable; the message lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const emptyAsUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const port = (fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(1, 'must be between 1 and 65535')
      .max(65535, 'must be between 1 and 65535')
      .default(fallback),
  );

/** apps/web/dist, found from this file whether it runs from apps/server/src or apps/server/dist. */
const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.string().default('development')),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
  PORT: port(3000),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  ADMIN_API_KEY: z.preprocess(
    emptyAsUndefined,
    z.string().min(24, 'must be at least 24 characters (use a long random value)').optional(),
  ),
  AMI_HOST: optionalString,
  AMI_PORT: port(5038),
  AMI_USER: optionalString,
  AMI_PASSWORD: optionalString,
  ASTERISK_SOUNDS_DIR: optionalString,
  ASTERISK_MONITOR_DIR: optionalString,
  UPLOAD_SOUNDS_DIR: optionalString,
  SOUNDS_MAX_UPLOAD_MB: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a number' }).positive('must be above 0').max(2000).default(50),
  ),
  WEB_DIST_DIR: optionalString,
  PBX_SIM_SPEED: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ error: 'must be a number' }).min(0.1, 'must be at least 0.1').max(1000).default(1),
  ),
  SOUNDS_MAX_DURATION_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .positive('must be above 0')
      .default(600),
  ),
  CALLS_RETENTION_DAYS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .positive('must be above 0')
      .default(90),
  ),
  CALLS_MAX_DURATION_SECONDS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(60, 'must be at least 60')
      .default(14_400),
  ),
  SWITCHBOARD_INSTANCE_ID: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be 1-100 letters, digits, dots, dashes or underscores')
      .optional(),
  ),
});

const AMI_SET = ['AMI_HOST', 'AMI_USER', 'AMI_PASSWORD'] as const;

/** AMI settings come as a set: a host without credentials (or the reverse) is a typo, not "simulated mode". */
function amiSetProblems(env: NodeJS.ProcessEnv): string[] {
  const given = AMI_SET.filter((key) => emptyAsUndefined(env[key]) !== undefined);
  if (given.length === 0 || given.length === AMI_SET.length) return [];
  const verb = given.length === 1 ? 'is' : 'are';
  return AMI_SET.filter((key) => !given.includes(key)).map(
    (key) => `${key}: is required when ${given.join(', ')} ${verb} set`,
  );
}

/** Reads the environment once into a typed config; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems = amiSetProblems(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'environment');
      const raw = env[key];
      const got =
        raw === undefined || key.includes('PASSWORD') || key.includes('KEY') ? '' : ` (got "${raw}")`;
      problems.push(`${key}: ${issue.message}${got}`);
    }
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const simulated = !(e.AMI_HOST && e.AMI_USER && e.AMI_PASSWORD);
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    adminApiKey: e.ADMIN_API_KEY,
    webDistDir: path.resolve(e.WEB_DIST_DIR ?? DEFAULT_WEB_DIST_DIR),
    pbxSimSpeed: e.PBX_SIM_SPEED,
    pbx:
      e.AMI_HOST && e.AMI_USER && e.AMI_PASSWORD
        ? [{ name: 'main', host: e.AMI_HOST, port: e.AMI_PORT, username: e.AMI_USER, secret: e.AMI_PASSWORD }]
        : [],
    // Without a PBX the in-process simulator plays and records under DATA_DIR/pbx-sim (see
    // SimulatedPbxConnector), so sounds and recordings default to its folders rather than Asterisk's.
    asteriskSoundsDir: path.resolve(
      e.ASTERISK_SOUNDS_DIR ??
        (simulated ? path.join(dataDir, 'pbx-sim', 'sounds', 'custom') : '/var/lib/asterisk/sounds/custom'),
    ),
    asteriskMonitorDir: path.resolve(
      e.ASTERISK_MONITOR_DIR ??
        (simulated ? path.join(dataDir, 'pbx-sim', 'monitor') : '/var/spool/asterisk/monitor'),
    ),
    uploadSoundsDir: path.resolve(e.UPLOAD_SOUNDS_DIR ?? path.join(dataDir, 'uploads')),
    maxUploadBytes: Math.round(e.SOUNDS_MAX_UPLOAD_MB * 1024 * 1024),
    maxSoundSeconds: e.SOUNDS_MAX_DURATION_SECONDS,
    callRetentionDays: e.CALLS_RETENTION_DAYS,
    maxCallDurationSeconds: e.CALLS_MAX_DURATION_SECONDS,
    instanceId: e.SWITCHBOARD_INSTANCE_ID ?? hostname(),
  };
}
