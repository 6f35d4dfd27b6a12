import { DEFAULT_THEME } from '@mantine/core';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { STATUS_COLORS, StatusChip } from './status-chip';

function hexOf(color: string): string {
  if (color.startsWith('#')) return color;
  const [name, shade] = color.split('.') as [string, string];
  return DEFAULT_THEME.colors[name]![Number(shade)]!;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

describe('StatusChip', () => {
  it('gives every status a colour whose text (white, or black on light ones as autoContrast picks) reads at AA', () => {
    for (const [status, color] of Object.entries(STATUS_COLORS)) {
      const background = luminance(hexOf(color));
      // Mantine's autoContrast: black text on colours lighter than its 0.3 luminance threshold
      const text = background > 0.3 ? 0 : 1;
      expect({ status, ratio: contrast(background, text) >= 4.5 }).toEqual({ status, ratio: true });
    }
  });

  it('shows the status in words and marks it for tests and styles', () => {
    renderWithApp(<StatusChip status="no-answer" />);
    expect(screen.getByText('no answer').closest('[data-status]')).toHaveAttribute(
      'data-status',
      'no-answer',
    );
  });
});
