import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { useAuthorizedObjectUrl } from '../../hooks/use-authorized-object-url';
import { VersionPreviewPlayer } from './version-preview-player';

const PATH = '/api/sounds/s1/versions/v1/preview';
let made: string[] = [];
let revoked: string[] = [];
const original = { create: URL.createObjectURL.bind(URL), revoke: URL.revokeObjectURL.bind(URL) };
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

/** The waveform has fetched the version's audio already; then its player is opened. */
function CachedThenOpened() {
  const cached = useAuthorizedObjectUrl(PATH);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button disabled={!cached.blob} onClick={() => setOpen(true)}>
        open
      </button>
      {open && <VersionPreviewPlayer soundId="s1" versionId="v1" label="Version 1 of welcome" />}
    </>
  );
}

describe('VersionPreviewPlayer', () => {
  it('plays the version fetched with the key, under a URL that stays valid (StrictMode, audio already cached)', async () => {
    const { api } = renderWithApp(
      <StrictMode>
        <CachedThenOpened />
      </StrictMode>,
      { routes: { [`GET ${PATH}`]: () => new Response(new Uint8Array([82, 73, 70, 70])) } },
    );
    const open = screen.getByRole('button', { name: 'open' });
    await waitFor(() => expect(open).toBeEnabled());
    await userEvent.click(open);
    const player = await screen.findByLabelText('Version 1 of welcome');
    expect(player).toHaveAttribute('autoplay');
    const src = player.getAttribute('src')!;
    expect(src).toMatch(/^blob:test\//);
    expect(revoked).not.toContain(src);
    expect(api.requests.filter((r) => r.url.endsWith(PATH))).toHaveLength(1);
    expect(api.requests[0]!.headers.get('authorization')).toBe('Bearer test-key');
  });

  it('says why the version can not be played', async () => {
    renderWithApp(<VersionPreviewPlayer soundId="s1" versionId="v1" label="Version 1 of welcome" />, {
      routes: {
        [`GET ${PATH}`]: () =>
          json({ error: 'sound-version-not-ready', message: 'Version 1 is failed, not ready' }, 409),
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot play Version 1 of welcome: Version 1 is failed, not ready',
    );
  });
});
