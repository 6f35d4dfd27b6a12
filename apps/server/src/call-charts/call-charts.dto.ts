import { z } from 'zod';
import { isTimeZone } from './time-zone.js';

/** The longest period one request may chart: 31 days of hourly buckets. */
export const MAX_CHART_HOURS = 31 * 24;

export const hourlyQuerySchema = z.object({
  tenantId: z.uuid().optional().describe("The tenant, for keys that span tenants; default: the key's."),
  since: z.iso
    .datetime()
    .optional()
    .describe(
      'Calls created at or after this time; default: the start of today (in `timeZone`), or `until` - 24 h.',
    ),
  until: z.iso
    .datetime()
    .optional()
    .describe(
      'Calls created before this time; default: the end of the day (in `timeZone`) of `since`, or of today.',
    ),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone name, e.g. Europe/Paris or Asia/Kolkata')
    .default('UTC')
    .describe(
      'IANA time zone whose hours the buckets follow (Asia/Kolkata buckets start at :30 UTC) and whose day the defaults take; default UTC.',
    ),
});

export type HourlyQuery = z.output<typeof hourlyQuerySchema>;

export const hourlyBucketSchema = z.object({
  hour: z.iso
    .datetime()
    .describe(
      'Start of the hour in `timeZone`, as an instant; calls are counted by the time they were created.',
    ),
  placed: z.number().int(),
  answered: z.number().int(),
  busy: z.number().int(),
  noAnswer: z.number().int(),
  congestion: z.number().int(),
  failed: z.number().int(),
  canceled: z.number().int(),
});

export type HourlyBucket = z.output<typeof hourlyBucketSchema>;

export const hourlyFiguresSchema = z.object({
  since: z.iso.datetime(),
  until: z.iso.datetime(),
  buckets: z
    .array(hourlyBucketSchema)
    .describe('One bucket per hour of the period, oldest first, hours without calls included (zeros).'),
});

export type HourlyFigures = z.output<typeof hourlyFiguresSchema>;
