import { describe, expect, it } from 'vitest';
import { countryName } from './country-name';

describe('countryName', () => {
  it('names a known country, in any case', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('gb')).toBe('United Kingdom');
  });

  it('answers null for an unknown or malformed code', () => {
    expect(countryName('XX')).toBeNull();
    expect(countryName('ZZ')).toBeNull();
    expect(countryName('USA')).toBeNull();
    expect(countryName('')).toBeNull();
  });
});
