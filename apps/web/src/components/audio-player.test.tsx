import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../test/fake-api';
import { renderWithApp } from '../../test/render';
import { AudioPlayer } from './audio-player';

beforeAll(() => {
  let n = 0;
  URL.createObjectURL = () => `blob:test/${++n}`;
  URL.revokeObjectURL = () => undefined;
});

describe('AudioPlayer', () => {
  it('fetches the media with the API key and plays it from a blob URL', async () => {
    const { api } = renderWithApp(<AudioPlayer src="/api/recordings/r1/playable" label="Recording" />, {
      routes: { 'GET /api/recordings/:id/playable': () => new Response(new Uint8Array([82, 73, 70, 70])) },
    });
    const audio = await screen.findByLabelText('Recording');
    expect(audio.getAttribute('src')).toMatch(/^blob:/);
    expect(api.requests[0]!.headers.get('authorization')).toBe('Bearer test-key');
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute('href', audio.getAttribute('src'));
  });

  it('says why the audio cannot be played', async () => {
    renderWithApp(<AudioPlayer src="/api/recordings/r1/playable" label="Recording" />, {
      routes: {
        'GET /api/recordings/:id/playable': () =>
          json({ error: 'not-found', message: 'Recording file is gone' }, 404),
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Recording file is gone');
  });
});
