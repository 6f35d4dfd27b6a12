import { z } from 'zod';
import { safeText } from '../common/validation/safe-text.js';
import type { TenantRow } from '../db/database.types.js';
import { isCountryCode } from './phone-numbers.js';

export const DEFAULT_CHANNEL_TEMPLATE = 'Local/{number}@from-internal';
export const DID_ROTATION_STRATEGIES = [
  'round-robin',
  'least-recently-used',
  'random',
  'local-presence',
] as const;

const dialplanName = z
  .string()
  .regex(/^[A-Za-z0-9_\-+*#.]{1,80}$/, 'letters, digits and _ - + * # . only (max 80)');

export const answerDestinationSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('dialplan'),
      context: dialplanName,
      exten: dialplanName,
      priority: z.number().int().min(1).default(1),
    }),
    z.object({
      type: z.literal('sound'),
      sound: z
        .string()
        .regex(/^[A-Za-z0-9_\-/.]{1,200}$/, 'a sound name: letters, digits, _ - / . only')
        .refine((value) => !value.includes('..'), 'must not contain ".."'),
    }),
  ])
  .describe('Where answered calls go by default: a dialplan context/exten/priority, or a sound to play.');

const tenantFields = {
  name: safeText(200),
  slug: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lowercase letters, digits and dashes (max 63)'),
  defaultCountry: z
    .string()
    .toUpperCase()
    .refine(isCountryCode, 'must be a supported ISO 3166-1 alpha-2 country code, e.g. US')
    .describe('Country applied to phone numbers entered without a +country code.'),
  callerName: safeText(80).nullable().describe('Caller ID name sent with outgoing calls.'),
  maxConcurrentCalls: z.number().int().min(1).max(100_000).nullable(),
  callsPerSecond: z.number().positive().max(1000).nullable(),
  originateChannelTemplate: safeText(200)
    .refine((value) => value.includes('{number}'), 'must contain {number}')
    .describe('Channel to originate, `{number}` replaced by the E.164 destination.'),
  answerDestination: answerDestinationSchema.nullable(),
  didRotation: z
    .enum(DID_ROTATION_STRATEGIES)
    .describe('How caller IDs (DIDs) are picked for outgoing calls.'),
  enabled: z.boolean(),
  operatorsMayDeleteRecordings: z
    .boolean()
    .describe("Whether the tenant's operator keys may delete its recordings (admin keys always may)."),
};

export const createTenantSchema = z.object({
  ...tenantFields,
  defaultCountry: tenantFields.defaultCountry.default('US'),
  callerName: tenantFields.callerName.default(null),
  maxConcurrentCalls: tenantFields.maxConcurrentCalls.default(null),
  callsPerSecond: tenantFields.callsPerSecond.default(null),
  originateChannelTemplate: tenantFields.originateChannelTemplate.default(DEFAULT_CHANNEL_TEMPLATE),
  answerDestination: tenantFields.answerDestination.default(null),
  didRotation: tenantFields.didRotation.default('round-robin'),
  enabled: tenantFields.enabled.default(true),
  operatorsMayDeleteRecordings: tenantFields.operatorsMayDeleteRecordings.default(false),
});
export type CreateTenantInput = z.output<typeof createTenantSchema>;

export const updateTenantSchema = z
  .object(tenantFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'at least one field is required');
export type UpdateTenantInput = z.output<typeof updateTenantSchema>;

export const tenantViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  defaultCountry: z.string(),
  callerName: z.string().nullable(),
  maxConcurrentCalls: z.number().int().nullable(),
  callsPerSecond: z.number().nullable(),
  originateChannelTemplate: z.string(),
  answerDestination: answerDestinationSchema.nullable(),
  didRotation: z.enum(DID_ROTATION_STRATEGIES),
  enabled: z.boolean(),
  operatorsMayDeleteRecordings: tenantFields.operatorsMayDeleteRecordings,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TenantView = z.infer<typeof tenantViewSchema>;

export function toTenantView(row: TenantRow): TenantView {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    defaultCountry: row.default_country,
    callerName: row.caller_name,
    maxConcurrentCalls: row.max_concurrent_calls,
    callsPerSecond: row.calls_per_second,
    originateChannelTemplate: row.originate_channel_template,
    answerDestination: row.answer_destination,
    didRotation: row.did_rotation,
    enabled: row.enabled,
    operatorsMayDeleteRecordings: row.operators_may_delete_recordings,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
