import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json } from '../../test/fake-api';
import { renderWithApp, TENANT_ID } from '../../test/render';
import { aSound, aVersion } from '../pages/sounds/sound-fixtures';
import { rawTypeOf, useUploadSounds, type UploadRequest } from './use-upload-sounds';

/** Shows every phase each upload went through, and starts an upload on a click. */
function Probe({
  request,
  checkFile,
}: {
  request: UploadRequest;
  checkFile?: (file: File) => string | null | Promise<string | null>;
}) {
  const { uploads, start, tenantMissing } = useUploadSounds({ pollIntervalMs: 1, checkFile });
  return (
    <div>
      <button onClick={() => void start(request)}>start</button>
      <span data-testid="tenant-missing">{String(tenantMissing)}</span>
      {uploads.map((u) => (
        <p key={u.id} data-testid={`upload-${u.fileName}`}>
          {u.phase} {Math.round(u.sent * 100)}% {u.soundName ?? '-'} v{u.version ?? '-'} {u.error ?? ''}
        </p>
      ))}
    </div>
  );
}

const wav = (name = 'welcome.wav') => new File([new Uint8Array(400)], name, { type: 'audio/wav' });

function processing() {
  const version = aVersion({ id: 'v2', version: 2, status: 'processing', active: false });
  return aSound({ status: 'processing', latestVersion: version, versionCount: 2 });
}

describe('useUploadSounds', () => {
  it('uploads a file, then follows its conversion until ready, sending the options as fields before the file', async () => {
    const forms: FormData[] = [];
    let polls = 0;
    const { api } = renderWithApp(<Probe request={{ files: [wav()], soundName: 'welcome', trim: true }} />, {
      routes: {
        'POST /api/sounds': async (request) => {
          forms.push(await request.formData());
          return json({ results: [{ file: 'welcome.wav', status: 201, sound: processing() }] }, 201);
        },
        'GET /api/sounds/:id/versions': () => {
          polls++;
          const status = polls < 3 ? 'processing' : 'ready';
          return [aVersion({ id: 'v2', version: 2, status }), aVersion({ active: false })];
        },
        'GET /api/sounds': () => ({ items: [], nextCursor: null }),
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'start' }));
    await waitFor(() => expect(screen.getByTestId('upload-welcome.wav')).toHaveTextContent(/^ready/));
    expect(screen.getByTestId('upload-welcome.wav')).toHaveTextContent('ready 100% welcome v2');
    expect(polls).toBe(3);
    expect([...forms[0]!.keys()]).toEqual(['name', 'trim', 'file']);
    expect(forms[0]!.get('name')).toBe('welcome');
    const post = api.requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('authorization')).toBe('Bearer test-key');
    expect(new URL(post.url).searchParams.get('tenantId')).toBe(TENANT_ID);
  });

  it("ends a refused file with the server's message, and goes on with the next file", async () => {
    renderWithApp(<Probe request={{ files: [wav('notes.wav'), wav('ok.wav')] }} />, {
      routes: {
        'POST /api/sounds': async (request) => {
          const file = (await request.formData()).get('file') as File;
          if (file.name === 'notes.wav') {
            return json(
              { error: 'unsupported-media-type', message: 'notes.wav is not audio sox can read' },
              415,
            );
          }
          return json({ results: [{ file: 'ok.wav', status: 201, sound: aSound({ name: 'ok' }) }] }, 201);
        },
        'GET /api/sounds/:id/versions': () => [aVersion()],
        'GET /api/sounds': () => ({ items: [], nextCursor: null }),
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'start' }));
    await waitFor(() => expect(screen.getByTestId('upload-ok.wav')).toHaveTextContent(/^ready/));
    expect(screen.getByTestId('upload-notes.wav')).toHaveTextContent(
      'refused 100% - v- notes.wav is not audio sox can read',
    );
  });

  it("reports a failed conversion with sox's reason", async () => {
    renderWithApp(<Probe request={{ files: [wav()] }} />, {
      routes: {
        'POST /api/sounds': () =>
          json({ results: [{ file: 'welcome.wav', status: 201, sound: processing() }] }, 201),
        'GET /api/sounds/:id/versions': () => [
          aVersion({ id: 'v2', version: 2, status: 'failed', error: 'sox FAIL formats: bad header' }),
        ],
        'GET /api/sounds': () => ({ items: [], nextCursor: null }),
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'start' }));
    await waitFor(() =>
      expect(screen.getByTestId('upload-welcome.wav')).toHaveTextContent(
        'failed 100% welcome v2 sox FAIL formats: bad header',
      ),
    );
  });

  it('says when a super-admin has no tenant picked', () => {
    renderWithApp(<Probe request={{ files: [] }} />, { principal: { tenantId: null } });
    expect(screen.getByTestId('tenant-missing')).toHaveTextContent('true');
  });

  it('sends the type of raw telephone audio, which has no header', async () => {
    const forms: FormData[] = [];
    renderWithApp(<Probe request={{ files: [wav('prompt.ulaw')] }} />, {
      routes: {
        'POST /api/sounds': async (request) => {
          forms.push(await request.formData());
          return json({ error: 'audio-too-long', message: 'prompt.ulaw is 11 minutes; at most 10' }, 422);
        },
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'start' }));
    await waitFor(() => expect(screen.getByTestId('upload-prompt.ulaw')).toHaveTextContent(/^refused/));
    expect(forms[0]!.get('type')).toBe('ulaw');
    expect(rawTypeOf('x.GSM')).toBe('gsm');
    expect(rawTypeOf('x.al')).toBe('alaw');
    expect(rawTypeOf('x.mp3')).toBeUndefined();
  });

  it('asks before the tab is closed while a file is still going out', async () => {
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    renderWithApp(<Probe request={{ files: [wav()] }} />, {
      routes: {
        'POST /api/sounds': async () => {
          await held;
          return json({ results: [{ file: 'welcome.wav', status: 201, sound: aSound() }] }, 201);
        },
        'GET /api/sounds/:id/versions': () => [aVersion()],
        'GET /api/sounds': () => ({ items: [], nextCursor: null }),
      },
    });
    const leave = () => window.dispatchEvent(new Event('beforeunload', { cancelable: true }));
    expect(leave()).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'start' }));
    await waitFor(() => expect(screen.getByTestId('upload-welcome.wav')).toHaveTextContent(/^checking/));
    expect(leave()).toBe(false);
    answer();
    await waitFor(() => expect(screen.getByTestId('upload-welcome.wav')).toHaveTextContent(/^ready/));
    // The guard is dropped by an effect after the render that shows "ready".
    await waitFor(() => expect(leave()).toBe(true));
  });

  const refuseHuge = (file: File) => (file.name === 'huge.wav' ? 'huge.wav is too large' : null);
  const refuseHugeLater = (file: File) =>
    new Promise<string | null>((resolve) => setTimeout(() => resolve(refuseHuge(file)), 20));

  it.each([
    ['answers at once', refuseHuge],
    ['takes time (reading a duration)', refuseHugeLater],
  ])(
    'refuses a file a check that %s turns down without sending it, and sends the others',
    async (_, check) => {
      const sent: string[] = [];
      renderWithApp(<Probe request={{ files: [wav('huge.wav'), wav('small.wav')] }} checkFile={check} />, {
        routes: {
          'POST /api/sounds': async (request) => {
            const file = (await request.formData()).get('file') as File;
            sent.push(file.name);
            return json({ results: [{ file: file.name, status: 201, sound: aSound() }] }, 201);
          },
          'GET /api/sounds/:id/versions': () => [aVersion()],
          'GET /api/sounds': () => ({ items: [], nextCursor: null }),
        },
      });
      await userEvent.click(screen.getByRole('button', { name: 'start' }));
      await waitFor(() =>
        expect(screen.getByTestId('upload-huge.wav')).toHaveTextContent(
          'refused 0% - v- huge.wav is too large',
        ),
      );
      await waitFor(() => expect(screen.getByTestId('upload-small.wav')).toHaveTextContent(/^ready/));
      expect(sent).toEqual(['small.wav']);
    },
  );
});
