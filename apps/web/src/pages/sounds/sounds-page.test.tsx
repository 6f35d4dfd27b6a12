import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SOUND_POLL_MS } from '../../hooks/use-sounds';
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

const LIMITS = {
  maxUploadBytes: 1024 * 1024,
  maxDurationSeconds: 90,
  maxFilesPerUpload: 20,
  formats: ['wav', 'mp3', 'ogg', 'flac', 'gsm', 'ulaw', 'alaw'],
  rawFormats: ['gsm', 'ulaw', 'alaw'],
};

function libraryRoutes(extra: Record<string, (request: Request) => unknown> = {}) {
  return {
    // Before `/api/sounds/:id`, which would match it too.
    'GET /api/sounds/limits': () => LIMITS,
    'GET /api/sounds': () => ({ items: [welcome, hold], nextCursor: null }),
    'GET /api/sounds/:id': () => welcome,
    'GET /api/sounds/:id/versions': () => [newer, older],
    'GET /api/sounds/:id/peaks': () => ({ versionId: 'v2', durationMs: 65_000, peaks: [0.2, 0.5] }),
    'GET /api/sounds/:id/versions/:versionId/preview': () => new Response(new Uint8Array([1, 2])),
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

  it('lets a viewer browse and play but not upload, edit, activate or delete', async () => {
    renderWithApp(<SoundsPage />, {
      routes: libraryRoutes(),
      principal: { role: 'viewer' },
      path: '/sounds?sound=s1',
    });
    expect(await screen.findByRole('button', { name: 'Play welcome' })).toBeInTheDocument();
    expect(await screen.findAllByTestId('sound-version')).toHaveLength(2);
    expect(screen.queryByText('Upload sounds')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
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
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit “welcome”' }));
    const input = dialog.getByLabelText(/^Name/);
    const submit = dialog.getByRole('button', { name: 'Save' });
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
    // The renamed sound keeps its drawer, and the edit dialog closes once the rename is done.
    expect(await screen.findByRole('dialog', { name: 'greeting-2026' })).toBeInTheDocument();
    releaseList();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /^Edit/ })).not.toBeInTheDocument());
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

  it('edits the description alone, clears it, and says when nothing changed', async () => {
    const bodies: unknown[] = [];
    let current = { ...welcome, description: 'Old text' as string | null };
    renderWithApp(<SoundsPage />, {
      path: '/sounds?sound=s1',
      routes: libraryRoutes({
        'GET /api/sounds/:id': () => current,
        'PATCH /api/sounds/:id': async (request) => {
          const body = (await request.json()) as { description?: string | null };
          bodies.push(body);
          current = { ...current, description: body.description ?? null };
          return current;
        },
      }),
    });
    expect(await screen.findByText('Old text')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Edit “welcome”' }));
    const description = dialog.getByLabelText(/^Description/);
    expect(description).toHaveValue('Old text');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(dialog.getByRole('status')).toHaveTextContent('Nothing to save');
    expect(bodies).toHaveLength(0);

    await userEvent.clear(description);
    await userEvent.type(description, '  Played before the menu ');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Played before the menu')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /^Edit/ })).not.toBeInTheDocument());

    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Edit “welcome”' }));
    await userEvent.clear(dialog.getByLabelText(/^Description/));
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByText('Played before the menu')).not.toBeInTheDocument());
    expect(bodies).toEqual([{ description: 'Played before the menu' }, { description: null }]);
  });

  it('refuses a description with a tab (the server keeps descriptions to one line) before asking it', async () => {
    const { api } = renderWithApp(<SoundsPage />, { path: '/sounds?sound=s1', routes: libraryRoutes() });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit “welcome”' }));
    const description = dialog.getByLabelText(/^Description/);
    await userEvent.click(description);
    await userEvent.paste('one\ttwo');
    await userEvent.click(dialog.getByRole('button', { name: 'Save' }));
    expect(dialog.getByText('One line, without tabs or other control characters.')).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it("shows the server's limits in the drop zone", async () => {
    renderWithApp(<SoundsPage />, { routes: libraryRoutes() });
    await waitFor(() =>
      expect(screen.getByTestId('upload-limits')).toHaveTextContent(
        'WAV, MP3, OGG, FLAC or raw GSM/u-law/a-law; up to 1 MB and 1 minute 30 seconds each.',
      ),
    );
  });

  it('refuses a file over the size limit without sending it, naming the limit, and sends the rest', async () => {
    const sent: string[] = [];
    const { api } = renderWithApp(<SoundsPage />, {
      routes: libraryRoutes({
        'POST /api/sounds': async (request) => {
          const file = (await request.formData()).get('file') as File;
          sent.push(file.name);
          return json({ results: [{ file: file.name, status: 201, sound: welcome }] }, 201);
        },
      }),
    });
    await waitFor(() => expect(screen.getByTestId('upload-limits')).toHaveTextContent('up to 1 MB'));
    await userEvent.upload(screen.getByLabelText('Sound files'), [
      new File([new Uint8Array(1.5 * 1024 * 1024)], 'long-message.wav', { type: 'audio/wav' }),
      new File(['RIFF'], 'welcome.wav', { type: 'audio/wav' }),
    ]);
    const refused = (await screen.findAllByTestId('upload-row')).find((row) =>
      row.textContent?.includes('long-message.wav'),
    )!;
    expect(refused).toHaveAttribute('data-phase', 'refused');
    expect(within(refused).getByRole('alert')).toHaveTextContent(
      'Refused: long-message.wav is 1.5 MB: the limit is 1 MB per file. Nothing was sent.',
    );
    await waitFor(() => expect(screen.getByText('Ready as “welcome” (version 2)')).toBeInTheDocument());
    expect(sent).toEqual(['welcome.wav']);
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('plays an older version before it is activated, one version at a time', async () => {
    const { api } = renderWithApp(<SoundsPage />, {
      path: '/sounds?sound=s1',
      principal: { role: 'viewer' },
      routes: libraryRoutes(),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Play version 1' }));
    const player = await screen.findByLabelText('Version 1 of welcome');
    expect(player.tagName).toBe('AUDIO');
    expect(player).toHaveAttribute('src', 'blob:test/1');
    expect(api.requests.map((r) => new URL(r.url).pathname)).toContain('/api/sounds/s1/versions/v1/preview');
    await userEvent.click(screen.getByRole('button', { name: 'Play version 2' }));
    expect(await screen.findByLabelText('Version 2 of welcome')).toBeInTheDocument();
    expect(screen.queryByLabelText('Version 1 of welcome')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Stop version 2' }));
    expect(screen.queryByTestId('version-preview')).not.toBeInTheDocument();
  });

  describe('while a sound converts', () => {
    afterEach(() => vi.useRealTimers());

    it('asks for the library again until the sound is ready, then stops asking', async () => {
      // Only the query's refetch interval is driven by the test; everything else runs on real time.
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const converting = aSound({
        status: 'processing',
        activeVersion: null,
        latestVersion: aVersion({ status: 'processing', active: false }),
      });
      let answers = 0;
      renderWithApp(<SoundsPage />, {
        routes: libraryRoutes({
          'GET /api/sounds': () => ({ items: [++answers < 3 ? converting : welcome], nextCursor: null }),
        }),
      });
      const status = () => within(screen.getByTestId('sound-row')).getByTestId('sound-status');
      await waitFor(() => expect(status()).toHaveTextContent('Converting'));
      await act(() => vi.advanceTimersByTimeAsync(SOUND_POLL_MS));
      await waitFor(() => expect(answers).toBe(2));
      expect(status()).toHaveTextContent('Converting');
      await act(() => vi.advanceTimersByTimeAsync(SOUND_POLL_MS));
      await waitFor(() => expect(status()).toHaveTextContent('Ready'));
      await act(() => vi.advanceTimersByTimeAsync(SOUND_POLL_MS * 5));
      expect(answers).toBe(3);
    });
  });
});
