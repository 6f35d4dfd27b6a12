import { describe, expect, it } from 'vitest';
import { readFilters, toApiFilters, toQueryString, writeFilters } from './call-log-filters';

describe('call log filters', () => {
  it('round-trips through the URL and ignores what is not a filter value', () => {
    const values = readFilters(new URLSearchParams('status=busy&from=2026-11-01&to=2026-11-25&q=acme&x=1'));
    expect(values).toEqual({
      status: 'busy',
      from: '2026-11-01',
      to: '2026-11-25',
      number: '',
      did: null,
      q: 'acme',
    });
    expect(writeFilters(values).toString()).toBe('status=busy&from=2026-11-01&to=2026-11-25&q=acme');
    expect(readFilters(new URLSearchParams('status=bogus&from=yesterday')).status).toBeNull();
  });

  it('turns days into an exclusive instant range and a national number into E.164', () => {
    const filters = toApiFilters(
      { status: null, from: '2026-11-01', to: '2026-11-25', number: '(202) 555-0100', did: null, q: ' x ' },
      'US',
    );
    expect(new Date(filters.since!).getDate()).toBe(1);
    expect(new Date(filters.until!).getDate()).toBe(26);
    expect(filters.number).toBe('+12025550100');
    expect(filters.q).toBe('x');
    expect(toQueryString({ status: 'busy', q: 'a b' }, 't1')).toBe('tenantId=t1&status=busy&q=a+b');
  });
});
