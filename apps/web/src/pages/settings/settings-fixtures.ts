import { TENANT_ID } from '../../../test/render';
import type { ApiKey } from '../../hooks/use-api-keys';
import type { Did } from '../../hooks/use-dids';
import type { Tenant } from '../../hooks/use-tenants';
import type { TransferNumber } from '../../hooks/use-transfer-numbers';

/** Test data for the settings tabs' component tests, shaped as the API answers. */
const AT = '2026-11-24T10:00:00.000Z';

export function aTenant(overrides: Partial<Tenant> = {}): Tenant {
  return {
    id: TENANT_ID,
    name: 'Acme Outbound',
    slug: 'acme',
    defaultCountry: 'US',
    callerName: null,
    maxConcurrentCalls: null,
    callsPerSecond: null,
    originateChannelTemplate: 'Local/{number}@from-internal',
    answerDestination: null,
    didRotation: 'round-robin',
    enabled: true,
    operatorsMayDeleteRecordings: false,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function aDid(overrides: Partial<Did> = {}): Did {
  return {
    id: 'did-1',
    tenantId: TENANT_ID,
    number: '+14155550123',
    label: 'San Francisco',
    enabled: true,
    dailyCap: null,
    usesToday: 0,
    totalUses: 0,
    lastUsedAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function aTransferNumber(overrides: Partial<TransferNumber> = {}): TransferNumber {
  return {
    id: 'tn-1',
    tenantId: TENANT_ID,
    number: '+12025550150',
    label: 'Sales desk',
    weight: 1,
    enabled: true,
    concurrentCap: null,
    activeCalls: 0,
    totalUses: 0,
    lastUsedAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function anApiKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    id: 'key-1',
    tenantId: TENANT_ID,
    name: 'CRM integration',
    role: 'operator',
    prefix: 'sb_abcd',
    createdAt: AT,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

/** A list answer with one page. */
export const page = <T>(items: T[]) => ({ items, nextCursor: null });
