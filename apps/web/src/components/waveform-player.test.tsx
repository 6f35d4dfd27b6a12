import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { WaveformPlayer } from './waveform-player';

// jsdom has no canvas or audio: a scripted WaveSurfer stands in; the browser test plays the real one.
const surfer = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => void;
  const handlers = new Map<string, Handler[]>();
  const instance = {
    options: null as Record<string, unknown> | null,
    playing: false,
    time: 0,
    destroyed: 0,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return () =>
        handlers.set(
          event,
          (handlers.get(event) ?? []).filter((h) => h !== handler),
        );
    },
    emit(event: string, ...args: unknown[]) {
      for (const handler of handlers.get(event) ?? []) handler(...args);
    },
    playPause() {
      instance.playing = !instance.playing;
      instance.emit(instance.playing ? 'play' : 'pause');
      return Promise.resolve();
    },
    setTime(t: number) {
      instance.time = t;
      instance.emit('timeupdate', t);
    },
    destroy() {
      instance.destroyed++;
      handlers.clear();
    },
    reset() {
      handlers.clear();
      instance.options = null;
      instance.playing = false;
      instance.time = 0;
      instance.destroyed = 0;
    },
  };
  return instance;
});

vi.mock('wavesurfer.js', () => ({
  default: {
    create: (options: Record<string, unknown>) => {
      surfer.options = options;
      return surfer;
    },
  },
}));

beforeAll(() => {
  let n = 0;
  URL.createObjectURL = () => `blob:test/${++n}`;
  URL.revokeObjectURL = () => undefined;
});
beforeEach(() => surfer.reset());

const PEAKS = { versionId: 'v1', durationMs: 5000, peaks: [0.1, 0.8, 0.4] };

function routes(peaks: () => unknown = () => PEAKS) {
  return {
    'GET /api/sounds/:id/peaks': peaks,
    'GET /api/sounds/:id/versions/:versionId/preview': () => new Response(new Uint8Array([82, 73, 70, 70])),
  };
}

/** The player of a sound whose active version an operator switches from v1 to v2. */
function Switching() {
  const [versionId, setVersionId] = useState('v1');
  return (
    <>
      <button onClick={() => setVersionId('v2')}>activate v2</button>
      <WaveformPlayer soundId="s1" versionId={versionId} name="welcome" />
    </>
  );
}

describe('WaveformPlayer', () => {
  it("draws the server's peaks over the preview fetched with the key, and plays and pauses from a labelled button", async () => {
    const { api } = renderWithApp(<WaveformPlayer soundId="s1" versionId="v1" name="welcome" />, {
      routes: routes(),
    });
    const play = await screen.findByRole('button', { name: 'Play welcome' });
    expect(surfer.options).toMatchObject({ peaks: [[0.1, 0.8, 0.4]], duration: 5 });
    expect(String(surfer.options!.url)).toMatch(/^blob:/);
    const preview = api.requests.find((r) => r.url.endsWith('/api/sounds/s1/versions/v1/preview'))!;
    expect(preview.headers.get('authorization')).toBe('Bearer test-key');
    expect(screen.getByText('0:00 / 0:05')).toBeInTheDocument();

    await userEvent.click(play);
    expect(screen.getByTestId('waveform-player')).toHaveAttribute('data-state', 'playing');
    act(() => surfer.emit('timeupdate', 2.4));
    expect(screen.getByText('0:02 / 0:05')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Pause welcome' }));
    expect(screen.getByTestId('waveform-player')).toHaveAttribute('data-state', 'paused');
    expect(screen.getByRole('button', { name: 'Play welcome' })).toBeInTheDocument();
  });

  it('seeks from the keyboard on the waveform slider', async () => {
    renderWithApp(<WaveformPlayer soundId="s1" versionId="v1" name="welcome" />, { routes: routes() });
    const slider = await screen.findByRole('slider', { name: 'Position in welcome' });
    expect(slider).toHaveAttribute('aria-valuetext', '0:00 of 0:05');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(surfer.time).toBe(1);
    fireEvent.keyDown(slider, { key: 'End' });
    expect(surfer.time).toBe(5);
    expect(slider).toHaveAttribute('aria-valuetext', '0:05 of 0:05');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(surfer.time).toBe(5);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(surfer.time).toBe(0);
  });

  it('says when there is no playable version yet, without asking the server', () => {
    const { api } = renderWithApp(<WaveformPlayer soundId="s1" versionId={null} name="welcome" />, {
      routes: routes(),
    });
    expect(screen.getByText(/No playable version yet/)).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('says why the preview is unavailable', async () => {
    renderWithApp(<WaveformPlayer soundId="s1" versionId="v1" name="welcome" />, {
      routes: routes(() =>
        json({ error: 'sound-version-not-ready', message: 'The sound has no ready version' }, 409),
      ),
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Preview unavailable: The sound has no ready version',
    );
  });

  it('reloads the waveform and the audio of the new version when the active version changes', async () => {
    let active = 'v1';
    const { api } = renderWithApp(<Switching />, {
      routes: routes(() =>
        active === 'v1' ? PEAKS : { versionId: 'v2', durationMs: 65_000, peaks: [0.9, 0.3] },
      ),
    });
    await screen.findByRole('button', { name: 'Play welcome' });
    const firstUrl = String(surfer.options!.url);
    expect(surfer.options).toMatchObject({ peaks: [[0.1, 0.8, 0.4]], duration: 5 });

    active = 'v2';
    await userEvent.click(screen.getByRole('button', { name: 'activate v2' }));
    expect(await screen.findByText('0:00 / 1:05')).toBeInTheDocument();
    expect(surfer.destroyed).toBe(1);
    expect(surfer.options).toMatchObject({ peaks: [[0.9, 0.3]], duration: 65 });
    expect(String(surfer.options!.url)).not.toBe(firstUrl);
    const paths = api.requests.map((r) => new URL(r.url).pathname);
    expect(paths).toContain('/api/sounds/s1/versions/v2/preview');
    expect(paths.filter((p) => p.endsWith('/peaks'))).toHaveLength(2);
  });

  it('destroys the player when it goes away', async () => {
    const { unmount } = renderWithApp(<WaveformPlayer soundId="s1" versionId="v1" name="welcome" />, {
      routes: routes(),
    });
    await screen.findByRole('button', { name: 'Play welcome' });
    unmount();
    expect(surfer.destroyed).toBe(1);
  });
});
