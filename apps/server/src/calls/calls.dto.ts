import { z } from 'zod';
import { safeText } from '../common/validation/safe-text.js';
import type { CallEventRow, CallRow } from '../db/database.types.js';
import { CALL_STATUSES } from './call-status.js';

const dialplanName = z
  .string()
  .regex(/^[A-Za-z0-9_\-+*#.]{1,80}$/, 'letters, digits and _ - + * # . only (max 80)');

const soundName = z
  .string()
  .regex(/^[A-Za-z0-9_\-/.]{1,200}$/, 'a sound name: letters, digits, _ - / . only')
  .refine((value) => !value.includes('..'), 'must not contain ".."');

const phone = safeText(32).describe("A phone number: E.164, or national for the tenant's default country.");

/** Channel variables the caller may set; SWITCHBOARD_* are ours. */
const variableName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits and _ only, not starting with a digit (max 64)')
  .refine((name) => !name.toUpperCase().startsWith('SWITCHBOARD_'), 'SWITCHBOARD_* names are reserved');

export const makeCallSchema = z
  .object({
    to: phone,
    from: phone.optional().describe("One of the tenant's DIDs; default: picked by the tenant's rotation."),
    callerName: safeText(80)
      .refine((value) => !/["<>]/.test(value), 'must not contain " < or >')
      .optional(),
    tenantId: z.uuid().optional().describe("The tenant, for keys that span tenants; default: the key's."),
    soundId: z
      .union([z.uuid(), soundName])
      .optional()
      .describe(
        "Play this sound when the callee answers: a sound id of the tenant's library, or a PBX sound name.",
      ),
    transferTo: phone.optional().describe('Connect the callee to this number once answered.'),
    transfer: z.boolean().optional().describe("Connect the callee to one of the tenant's transfer numbers."),
    context: dialplanName.optional(),
    exten: dialplanName.optional(),
    priority: z.number().int().min(1).max(1000).optional(),
    record: z.boolean().default(false),
    timeoutSeconds: z.number().int().min(5).max(300).default(30).describe('Ring timeout.'),
    variables: z
      .record(variableName, safeText(200))
      .refine((value) => Object.keys(value).length <= 20, 'at most 20 variables')
      .default({}),
    metadata: z
      .record(z.string(), z.unknown())
      .refine((value) => JSON.stringify(value).length <= 8192, 'at most 8 KB of JSON')
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const targets = [
      body.soundId !== undefined,
      body.transferTo !== undefined || body.transfer === true,
      body.context !== undefined || body.exten !== undefined,
    ].filter(Boolean).length;
    if (targets > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['soundId'],
        message: 'give one of soundId, transfer(To) or context/exten',
      });
    }
    if ((body.context === undefined) !== (body.exten === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['context'], message: 'context and exten go together' });
    }
  });

export type MakeCallInput = z.output<typeof makeCallSchema>;

export const callStatusSchema = z.enum(CALL_STATUSES);

const answerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sound'), sound: z.string() }),
  z.object({ type: z.literal('transfer'), number: z.string() }),
  z.object({
    type: z.literal('dialplan'),
    context: z.string(),
    exten: z.string(),
    priority: z.number(),
  }),
]);

const date = z.iso.datetime().nullable();

export const callViewSchema = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  status: callStatusSchema,
  to: z.string(),
  from: z.string().nullable().describe('The DID used as caller ID.'),
  callerName: z.string().nullable(),
  answer: answerSchema,
  transferNumber: z.string().nullable(),
  sound: z.string().nullable(),
  record: z.boolean(),
  recordingFile: z.string().nullable().describe('File name in the monitor folder.'),
  timeoutSeconds: z.number(),
  variables: z.record(z.string(), z.string()),
  metadata: z.unknown().nullable(),
  pbx: z.string().nullable(),
  channel: z.string().nullable(),
  otherChannel: z.string().nullable(),
  dialedChannel: z.string().nullable(),
  uniqueid: z.string().nullable(),
  linkedid: z.string().nullable(),
  createdAt: z.iso.datetime(),
  scheduledAt: z.iso.datetime(),
  originatedAt: date,
  ringingAt: date,
  answeredAt: date,
  endedAt: date,
  ringSeconds: z.number().nullable(),
  talkSeconds: z.number().nullable(),
  hangupCause: z.number().nullable().describe('Q.850 cause code.'),
  hangupCauseText: z.string().nullable(),
  originateResponse: z.string().nullable(),
  originateReason: z.number().nullable().describe('AST_CONTROL code of the OriginateResponse.'),
  dialStatus: z.string().nullable(),
  cdrDisposition: z.string().nullable(),
  cdrBillsec: z.number().nullable(),
  endReason: z
    .string()
    .nullable()
    .describe('Set when the call was closed without Asterisk saying so, e.g. `pbx-connection-lost`.'),
});

export type CallView = z.output<typeof callViewSchema>;

export const callEventViewSchema = z.object({
  name: z.string(),
  at: z.iso.datetime(),
  headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

export const callDetailSchema = callViewSchema.extend({ events: z.array(callEventViewSchema) });

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toCallView(row: CallRow): CallView {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    status: row.status as CallView['status'],
    to: row.to_number,
    from: row.from_number,
    callerName: row.caller_name,
    answer: row.answer,
    transferNumber: row.transfer_number,
    sound: row.sound,
    record: row.record,
    recordingFile: row.recording_file,
    timeoutSeconds: row.timeout_seconds,
    variables: row.variables,
    metadata: row.metadata ?? null,
    pbx: row.pbx,
    channel: row.channel,
    otherChannel: row.other_channel,
    dialedChannel: row.dialed_channel,
    uniqueid: row.uniqueid,
    linkedid: row.linkedid,
    createdAt: row.created_at.toISOString(),
    scheduledAt: row.scheduled_at.toISOString(),
    originatedAt: iso(row.originated_at),
    ringingAt: iso(row.ringing_at),
    answeredAt: iso(row.answered_at),
    endedAt: iso(row.ended_at),
    ringSeconds: row.ring_seconds,
    talkSeconds: row.talk_seconds,
    hangupCause: row.hangup_cause,
    hangupCauseText: row.hangup_cause_text,
    originateResponse: row.originate_response,
    originateReason: row.originate_reason,
    dialStatus: row.dial_status,
    cdrDisposition: row.cdr_disposition,
    cdrBillsec: row.cdr_billsec,
    endReason: row.end_reason,
  };
}

export const toCallEventView = (row: CallEventRow) => ({
  name: row.name,
  at: row.at.toISOString(),
  headers: row.headers,
});

export const listCallsQuerySchema = z.object({
  tenantId: z.uuid().optional().describe("The tenant, for keys that span tenants; default: the key's."),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional().describe('The `nextCursor` of the previous page.'),
  status: callStatusSchema.optional(),
  since: z.iso.datetime().optional().describe('Created at or after this time.'),
  until: z.iso.datetime().optional().describe('Created before this time.'),
  number: z.string().max(32).optional().describe('The called number (E.164, exact).'),
  did: z.string().max(32).optional().describe('The DID used (E.164, exact).'),
  q: z.string().max(100).optional().describe('Text found in the number, DID or caller name.'),
});

export type ListCallsQuery = z.output<typeof listCallsQuerySchema>;

export const tenantQuerySchema = z.object({
  tenantId: z.uuid().optional().describe("The tenant, for keys that span tenants; default: the key's."),
});

export const statsQuerySchema = z.object({
  tenantId: z.uuid().optional().describe("The tenant, for keys that span tenants; default: the key's."),
  since: z.iso.datetime().optional().describe('Calls created at or after this time.'),
  until: z.iso.datetime().optional().describe('Calls created before this time.'),
});

export type StatsQuery = z.output<typeof statsQuerySchema>;

const statsFields = {
  placed: z.number(),
  answered: z.number(),
  busy: z.number(),
  noAnswer: z.number(),
  congestion: z.number(),
  failed: z.number(),
  canceled: z.number(),
  answerRate: z.number().describe('answered / placed, 0-1'),
  averageTalkSeconds: z.number(),
};

export const callStatsSchema = z.object({
  since: z.string().nullable(),
  until: z.string().nullable(),
  ...statsFields,
  perDid: z.array(z.object({ did: z.string().nullable(), ...statsFields })),
});

export const exportQuerySchema = listCallsQuerySchema.omit({ limit: true, cursor: true });
