import { describe, expect, it } from 'vitest';
import { aTenant } from '../settings-fixtures';
import { slugFromName, tenantBody, tenantFormValues, validateTenantForm } from './tenant-form-values';

const valid = () => ({ ...tenantFormValues(), name: 'Acme', slug: 'acme' });

describe('slugFromName', () => {
  it('lowercases, drops accents and joins words with dashes', () => {
    expect(slugFromName('Acme Outbound')).toBe('acme-outbound');
    expect(slugFromName('  Café  Müller & Co. ')).toBe('cafe-muller-co');
  });

  it('keeps within 63 characters without a trailing dash', () => {
    const slug = slugFromName(`${'a'.repeat(62)} b`);
    expect(slug).toHaveLength(62);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('validateTenantForm', () => {
  it('accepts the defaults with a name and slug', () => {
    expect(validateTenantForm(valid())).toEqual({});
  });

  it('names each mistake on its field', () => {
    const errors = validateTenantForm({
      ...valid(),
      name: '  ',
      slug: '-bad',
      defaultCountry: 'XX',
      callerName: 'line\nbreak',
      maxConcurrentCalls: 0,
      callsPerSecond: 0,
      originateChannelTemplate: 'PJSIP/trunk',
    });
    expect(errors).toEqual({
      name: 'Required',
      slug: 'Lowercase letters, digits and dashes, not at either end (max 63)',
      defaultCountry: 'A two-letter ISO country code, e.g. US',
      callerName: 'No line breaks or control characters',
      maxConcurrentCalls: 'Between 1 and 100000, or empty for no limit',
      callsPerSecond: 'More than 0, or empty for no limit',
      originateChannelTemplate: 'Must contain {number}',
    });
  });

  it('checks the answer destination that is chosen, and only that one', () => {
    expect(validateTenantForm({ ...valid(), answerType: 'sound', answerSound: '../etc/passwd' })).toEqual({
      answerSound: 'A sound name: letters, digits and _ - / . only',
    });
    expect(
      validateTenantForm({
        ...valid(),
        answerType: 'dialplan',
        answerContext: 'ctx',
        answerExten: 's',
        answerPriority: 0,
      }),
    ).toEqual({
      answerPriority: 'A whole number from 1',
    });
    expect(validateTenantForm({ ...valid(), answerType: 'none', answerSound: '../x' })).toEqual({});
  });
});

describe('tenantBody', () => {
  it('turns empty limits and caller name into null and trims text', () => {
    const body = tenantBody({
      ...valid(),
      name: ' Acme ',
      callerName: ' ',
      defaultCountry: 'gb',
      callsPerSecond: 2.5,
    });
    expect(body).toMatchObject({
      name: 'Acme',
      callerName: null,
      defaultCountry: 'GB',
      maxConcurrentCalls: null,
      callsPerSecond: 2.5,
      answerDestination: null,
    });
  });

  it("round-trips a tenant's settings", () => {
    const tenant = aTenant({
      callerName: 'Acme',
      maxConcurrentCalls: 20,
      answerDestination: { type: 'dialplan', context: 'from-sb', exten: 's', priority: 2 },
      operatorsMayDeleteRecordings: true,
    });
    const { id: _id, createdAt: _c, updatedAt: _u, ...settings } = tenant;
    expect(tenantBody(tenantFormValues(tenant))).toEqual(settings);
  });
});
