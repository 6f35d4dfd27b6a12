import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBlobUrl } from './use-blob-url';

let made: string[] = [];
let revoked: string[] = [];
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
beforeEach(() => {
  made = [];
  revoked = [];
  URL.createObjectURL = () => {
    made.push(`blob:test/${made.length + 1}`);
    return made.at(-1)!;
  };
  URL.revokeObjectURL = (url: string) => void revoked.push(url);
});
afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

function Shown({ blob }: { blob: Blob | null }) {
  return <p data-testid="url">{useBlobUrl(blob) ?? 'none'}</p>;
}

describe('useBlobUrl', () => {
  it('shows a URL that is not revoked, even under StrictMode with the blob there at mount', () => {
    render(
      <StrictMode>
        <Shown blob={new Blob(['RIFF'])} />
      </StrictMode>,
    );
    const shown = screen.getByTestId('url').textContent!;
    expect(shown).toMatch(/^blob:/);
    expect(revoked).not.toContain(shown);
  });

  it('revokes the URL when the blob changes or goes away', () => {
    const first = new Blob(['one']);
    const { rerender, unmount } = render(<Shown blob={first} />);
    const one = screen.getByTestId('url').textContent!;
    rerender(<Shown blob={new Blob(['two'])} />);
    const two = screen.getByTestId('url').textContent!;
    expect(two).not.toBe(one);
    expect(revoked).toEqual([one]);
    rerender(<Shown blob={null} />);
    expect(screen.getByTestId('url')).toHaveTextContent('none');
    expect(revoked).toEqual([one, two]);
    unmount();
    expect(revoked).toEqual([one, two]);
  });
});
