import type { CreateTenantBody, Tenant } from '../../../hooks/use-tenants';
import type { DidRotation } from '../dids/did-rotation';
import { countryName } from './country-name';

export type AnswerType = 'none' | 'dialplan' | 'sound';

/** A tenant's settings as the form holds them (numbers as typed, empty = no limit). */
export interface TenantFormValues {
  name: string;
  slug: string;
  defaultCountry: string;
  callerName: string;
  maxConcurrentCalls: number | string;
  callsPerSecond: number | string;
  originateChannelTemplate: string;
  answerType: AnswerType;
  answerContext: string;
  answerExten: string;
  answerPriority: number | string;
  answerSound: string;
  didRotation: DidRotation;
  enabled: boolean;
  operatorsMayDeleteRecordings: boolean;
}

export type TenantFormErrors = Partial<Record<keyof TenantFormValues, string>>;

export const DEFAULT_CHANNEL_TEMPLATE = 'Local/{number}@from-internal';

export function tenantFormValues(tenant?: Tenant): TenantFormValues {
  const answer = tenant?.answerDestination ?? null;
  return {
    name: tenant?.name ?? '',
    slug: tenant?.slug ?? '',
    defaultCountry: tenant?.defaultCountry ?? 'US',
    callerName: tenant?.callerName ?? '',
    maxConcurrentCalls: tenant?.maxConcurrentCalls ?? '',
    callsPerSecond: tenant?.callsPerSecond ?? '',
    originateChannelTemplate: tenant?.originateChannelTemplate ?? DEFAULT_CHANNEL_TEMPLATE,
    answerType: answer?.type ?? 'none',
    answerContext: answer?.type === 'dialplan' ? answer.context : '',
    answerExten: answer?.type === 'dialplan' ? answer.exten : '',
    answerPriority: answer?.type === 'dialplan' ? (answer.priority ?? 1) : 1,
    answerSound: answer?.type === 'sound' ? answer.sound : '',
    didRotation: tenant?.didRotation ?? 'round-robin',
    enabled: tenant?.enabled ?? true,
    operatorsMayDeleteRecordings: tenant?.operatorsMayDeleteRecordings ?? false,
  };
}

/** A slug suggested from a tenant's name: `Acme Outbound` -> `acme-outbound`. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DIALPLAN_NAME = /^[A-Za-z0-9_\-+*#.]{1,80}$/;
const SOUND_NAME = /^[A-Za-z0-9_\-/.]{1,200}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const isBlank = (value: number | string) => String(value).trim() === '';

function textError(value: string, max: number, required: boolean): string | undefined {
  const text = value.trim();
  if (text === '') return required ? 'Required' : undefined;
  if (text.length > max) return `At most ${max} characters`;
  if (CONTROL_CHARACTERS.test(text)) return 'No line breaks or control characters';
  return undefined;
}

function limitError(value: number | string, min: number, max: number, integer: boolean): string | undefined {
  if (isBlank(value)) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return 'A number, or empty for no limit';
  if (integer && !Number.isInteger(n)) return 'A whole number';
  if (n < min || n > max) return `Between ${min} and ${max}, or empty for no limit`;
  return undefined;
}

/** The same rules as the server's, so most mistakes are shown on their field before anything is sent. */
export function validateTenantForm(v: TenantFormValues): TenantFormErrors {
  const errors: TenantFormErrors = {
    name: textError(v.name, 200, true),
    slug: SLUG.test(v.slug) ? undefined : 'Lowercase letters, digits and dashes, not at either end (max 63)',
    defaultCountry:
      countryName(v.defaultCountry) !== null ? undefined : 'A two-letter ISO country code, e.g. US',
    callerName: textError(v.callerName, 80, false),
    maxConcurrentCalls: limitError(v.maxConcurrentCalls, 1, 100_000, true),
    callsPerSecond:
      !isBlank(v.callsPerSecond) && Number(v.callsPerSecond) <= 0
        ? 'More than 0, or empty for no limit'
        : limitError(v.callsPerSecond, 0, 1000, false),
    originateChannelTemplate:
      textError(v.originateChannelTemplate, 200, true) ??
      (v.originateChannelTemplate.includes('{number}') ? undefined : 'Must contain {number}'),
  };
  if (v.answerType === 'dialplan') {
    const name = (value: string) =>
      DIALPLAN_NAME.test(value) ? undefined : 'Letters, digits and _ - + * # . only';
    errors.answerContext = name(v.answerContext);
    errors.answerExten = name(v.answerExten);
    const priority = Number(v.answerPriority);
    errors.answerPriority = Number.isInteger(priority) && priority >= 1 ? undefined : 'A whole number from 1';
  }
  if (v.answerType === 'sound') {
    errors.answerSound =
      SOUND_NAME.test(v.answerSound) && !v.answerSound.includes('..')
        ? undefined
        : 'A sound name: letters, digits and _ - / . only';
  }
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined));
}

const limit = (value: number | string) => (isBlank(value) ? null : Number(value));

/** The request body for valid values (every setting, so it serves both create and update). */
export function tenantBody(
  v: TenantFormValues,
): CreateTenantBody & Required<Pick<CreateTenantBody, 'didRotation'>> {
  return {
    name: v.name.trim(),
    slug: v.slug,
    defaultCountry: v.defaultCountry.trim().toUpperCase(),
    callerName: v.callerName.trim() === '' ? null : v.callerName.trim(),
    maxConcurrentCalls: limit(v.maxConcurrentCalls),
    callsPerSecond: limit(v.callsPerSecond),
    originateChannelTemplate: v.originateChannelTemplate.trim(),
    answerDestination:
      v.answerType === 'dialplan'
        ? {
            type: 'dialplan',
            context: v.answerContext,
            exten: v.answerExten,
            priority: Number(v.answerPriority),
          }
        : v.answerType === 'sound'
          ? { type: 'sound', sound: v.answerSound }
          : null,
    didRotation: v.didRotation,
    enabled: v.enabled,
    operatorsMayDeleteRecordings: v.operatorsMayDeleteRecordings,
  };
}
