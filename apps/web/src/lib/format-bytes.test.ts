import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

const MiB = 1024 ** 2;

describe('formatBytes', () => {
  it.each([
    [0, '0 B', '0 B'],
    [1, '1 B', '1 B'],
    [1023, '1023 B', '1023 B'],
    [1024, '1 KB', '1.0 KB'],
    [1536, '1.5 KB', '1.5 KB'],
    [10_239, '10 KB', '10.0 KB'],
    [10_240, '10 KB', '10 KB'],
    [MiB - 1, '1024 KB', '1024 KB'],
    [MiB, '1 MB', '1.0 MB'],
    [50 * MiB, '50 MB', '50 MB'],
    [5e9, '4.7 GB', '4.7 GB'],
    [5e12, '4657 GB', '4657 GB'],
    [5e15, '4656613 GB', '4656613 GB'],
    [-5000, '-5000 B', '-5000 B'],
    [NaN, 'NaN KB', 'NaN KB'],
  ])('%d bytes: "%s", or "%s" keeping the trailing zero', (bytes, trimmed, kept) => {
    expect(formatBytes(bytes)).toBe(trimmed);
    expect(formatBytes(bytes, { keepTrailingZero: true })).toBe(kept);
  });
});
