import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { objectUrlFor, retainObjectUrl, REVOKE_GRACE_MS } from './object-url-registry';

describe('object URL registry', () => {
  let revoked: string[];
  beforeEach(() => {
    vi.useFakeTimers();
    revoked = [];
    let n = 0;
    URL.createObjectURL = () => `blob:test/${++n}`;
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
  });
  afterEach(() => vi.useRealTimers());

  it('gives one URL per blob, kept through a release and a quick re-retain (StrictMode remount)', () => {
    const blob = new Blob(['a']);
    const url = objectUrlFor(blob);
    const release = retainObjectUrl(blob);
    expect(objectUrlFor(blob)).toBe(url);
    release();
    const again = retainObjectUrl(blob);
    vi.advanceTimersByTime(REVOKE_GRACE_MS * 2);
    expect(revoked).toEqual([]);
    expect(objectUrlFor(blob)).toBe(url);
    again();
    vi.advanceTimersByTime(REVOKE_GRACE_MS);
    expect(revoked).toEqual([url]);
    expect(objectUrlFor(blob)).not.toBe(url);
  });

  it('revokes a URL made for a render that never kept it', () => {
    const url = objectUrlFor(new Blob(['b']));
    vi.advanceTimersByTime(REVOKE_GRACE_MS);
    expect(revoked).toEqual([url]);
  });

  it('keeps the URL while any holder remains, and a double release counts once', () => {
    const blob = new Blob(['c']);
    const first = retainObjectUrl(blob);
    const second = retainObjectUrl(blob);
    first();
    first();
    vi.advanceTimersByTime(REVOKE_GRACE_MS * 2);
    expect(revoked).toEqual([]);
    second();
    vi.advanceTimersByTime(REVOKE_GRACE_MS);
    expect(revoked).toHaveLength(1);
  });
});
