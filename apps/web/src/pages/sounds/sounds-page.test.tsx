import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { json } from '../../../test/fake-api';
import { renderWithApp } from '../../../test/render';
import { aSound, aVersion } from './sound-fixtures';
import { SoundsPage } from './sounds-page';

// jsdom has no canvas: the player's own test covers it; the browser test plays the real wavesurfer.
vi.mock('wavesurfer.js', () => ({
  default: { create: () => ({ on: () => () => undefined, destroy: () => undefined }) },
}));

beforeAll(() => {
  URL.createObjectURL = () => 'blob:test/1';
  URL.revokeObjectURL = () => undefined;
});

const older = aVersion({ id: 'v1', version: 1, active: false });
const newer = aVersion({
  id: 'v2',
  version: 2,
  active: true,
  original: { ...aVersion().original, name: 'welcome-v2.wav', durationMs: 65_000 },
});
const welcome = aSound({
  activeVersion: newer,
  latestVersion: newer,
  versionCount: 2,
  usageCount: 3,
  lastUsedAt: '2026-11-21T09:30:00.000Z',
});
const hold = aSound({
  id: 's2',
  name: 'hold-music',
  playback: 'custom/acme/hold-music',
  status: 'failed',
  error: 'sox FAIL: premature EOF',
  activeVersion: null,
  latestVersion: aVersion({ id: 'v9', status: 'failed', active: false }),
});

function libraryRoutes(extra: Record<string, (request: Request) => unknown> = {}) {
  return {
    'GET /api/sounds': () => ({ items: [welcome, hold], nextCursor: null }),
    'GET /api/sounds/:id': () => welcome,
    'GET /api/sounds/:id/versions': () => [newer, older],
    'GET /api/sounds/:id/peaks': () => ({ versionId: 'v2', durationMs: 65_000, peaks: [0.2, 0.5] }),
    'GET /api/sounds/:id/preview': () => new Response(new Uint8Array([1, 2])),
    ...extra,
  };
}

describe('SoundsPage', () => {
  it('lists the library with status, duration, formats, usage and active version', async () => {
    renderWithApp(<SoundsPage />, { routes: libraryRoutes() });
    const rows = await screen.findAllByTestId('sound-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByRole('button', { name: 'welcome' })).toBeInTheDocument();
    expect(first.getByText('custom/acme/welcome')).toBeInTheDocument();
    expect(first.getByText('Ready')).toBeInTheDocument();
    expect(first.getByText('1:05')).toBeInTheDocument();
    expect(first.getByText('gsm')).toBeInTheDocument();
    expect(first.getByText('3')).toBeInTheDocument();
    expect(first.getByText('v2 of 2')).toBeInTheDocument();
    const second = within(rows[1]!);
    expect(second.getByText('Failed')).toBeInTheDocument();
    expect(second.getByText('sox FAIL: premature EOF')).toBeInTheDocument();
    expect(second.getByText('None ready')).toBeInTheDocument();
  });

  it('shows the empty library, and the error with a retry', async () => {
    let fail = true;
    renderWithApp(<SoundsPage />, {
      routes: {
        'GET /api/sounds': () =>
          fail
            ? json({ error: 'internal', message: 'Database unavailable' }, 503)
            : { items: [], nextCursor: null },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Database unavailable');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No sounds yet')).toBeInTheDocument();
    expect(screen.getByText('Drop audio files above to add the first one.')).toBeInTheDocument();
  });

  it('lets a viewer browse and play but not upload, rename, activate or delete', async () => {
    renderWithApp(<SoundsPage />, {
      routes: libraryRoutes(),
      principal: { role: 'viewer' },
      path: '/sounds?sound=s1',
    });
    expect(await screen.findByRole('button', { name: 'Play welcome' })).toBeInTheDocument();
    expect(await screen.findAllByTestId('sound-version')).toHaveLength(2);
    expect(screen.queryByText('Upload sounds')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rename' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Activate version 1' })).not.toBeInTheDocument();
  });

  it('uploads dropped files with a progress bar each, and shows the refusal of a non-audio file', async () => {
    let listed = [hold];
    const { api } = renderWithApp(<SoundsPage />, {
      routes: libraryRoutes({
        'GET /api/sounds': () => ({ items: listed, nextCursor: null }),
        'POST /api/sounds': async (request) => {
          const file = (await request.formData()).get('file') as File;
          if (file.name === 'notes.txt') {
            return json(
              { error: 'unsupported-media-type', message: 'notes.txt is not audio: sox FAIL no handler' },
              415,
            );
          }
          listed = [welcome, hold];
          return json({ results: [{ file: file.name, status: 201, sound: welcome }] }, 201);
        },
        'GET /api/sounds/:id/versions': () => [newer, older],
      }),
    });
    await screen.findAllByTestId('sound-row');
    await userEvent.click(screen.getByLabelText('Trim silence at the ends'));
    await userEvent.upload(screen.getByLabelText('Sound files'), [
      new File(['RIFF'], 'welcome.wav', { type: 'audio/wav' }),
      new File(['hello'], 'notes.txt', { type: 'text/plain' }),
    ]);
    const rows = await screen.findAllByTestId('upload-row');
    expect(rows).toHaveLength(2);
    await waitFor(() => expect(screen.getByText(/Refused: notes.txt is not audio/)).toBeInTheDocument());
    expect(screen.getByText(/recognised by its extension: .gsm, .ulaw or .alaw/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('Ready as “welcome” (version 2)')).toBeInTheDocument());
    expect(screen.getByRole('progressbar', { name: 'Upload of welcome.wav' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    expect(screen.getByRole('progressbar', { name: 'Conversion of welcome.wav' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect((await post.formData()).get('trim')).toBe('true');
    await waitFor(() => expect(screen.getAllByTestId('sound-row')).toHaveLength(2));
  });

  it('asks a super-admin to pick a tenant before uploading', async () => {
    renderWithApp(<SoundsPage />, { routes: libraryRoutes(), principal: { tenantId: null } });
    expect(await screen.findByText('Pick a tenant first')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose files' })).toBeDisabled();
  });

  it('opens a sound and activates an older version', async () => {
    const { api } = renderWithApp(<SoundsPage />, {
      routes: libraryRoutes({
        'POST /api/sounds/:id/versions/:versionId/activate': () => ({ ...welcome, activeVersion: older }),
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'welcome' }));
    expect(await screen.findByText('Played in 3 calls, last 21 Nov 2026, 09:30')).toBeInTheDocument();
    await userEvent.click(await screen.findByRole('button', { name: 'Activate version 1' }));
    await waitFor(() =>
      expect(api.requests.some((r) => r.url.endsWith('/api/sounds/s1/versions/v1/activate'))).toBe(true),
    );
  });

  it('renames with validation, showing the name the server will store and its conflict', async () => {
    const bodies: unknown[] = [];
    // The library refetch after the rename is held until the drawer shows the new name.
    let renamed = false;
    let releaseList = () => {};
    const listHeld = new Promise<void>((resolve) => (releaseList = resolve));
    renderWithApp(<SoundsPage />, {
      path: '/sounds?sound=s1',
      routes: libraryRoutes({
        'GET /api/sounds': async () => {
          if (renamed) await listHeld;
          return { items: [welcome, hold], nextCursor: null };
        },
        'PATCH /api/sounds/:id': async (request) => {
          const body = (await request.json()) as { name: string };
          bodies.push(body);
          if (body.name === 'Hold Music') {
            return json(
              { error: 'sound-exists', message: 'The tenant already has a sound named "hold-music"' },
              409,
            );
          }
          renamed = true;
          return { ...welcome, name: 'greeting-2026' };
        },
      }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Rename “welcome”' }));
    const input = dialog.getByLabelText(/New name/);
    const submit = dialog.getByRole('button', { name: 'Rename' });
    await userEvent.clear(input);
    await userEvent.click(submit);
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(bodies).toHaveLength(0);
    await userEvent.type(input, 'Hold Music');
    expect(dialog.getByText('custom/acme/hold-music')).toBeInTheDocument();
    await userEvent.click(submit);
    expect(await screen.findByText('The tenant already has a sound named "hold-music"')).toBeInTheDocument();
    await userEvent.clear(input);
    await userEvent.type(input, 'Greeting 2026');
    await userEvent.click(submit);
    // The renamed sound keeps its drawer, and the rename dialog closes once the rename is done.
    expect(await screen.findByRole('dialog', { name: 'greeting-2026' })).toBeInTheDocument();
    releaseList();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /^Rename/ })).not.toBeInTheDocument());
    expect(bodies).toEqual([{ name: 'Hold Music' }, { name: 'Greeting 2026' }]);
  });

  it('says a sound is in use before deleting it, and deletes on confirmation', async () => {
    const { api } = renderWithApp(<SoundsPage />, {
      path: '/sounds?sound=s1',
      routes: libraryRoutes({ 'DELETE /api/sounds/:id': () => new Response(null, { status: 204 }) }),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “welcome”?' });
    expect(within(dialog).getByText('This sound is in use')).toBeInTheDocument();
    expect(within(dialog).getByText(/deletes all 2 versions/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete sound' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'DELETE')).toBe(true));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Delete “welcome”?' })).not.toBeInTheDocument(),
    );
  });
});
