import { describe, expect, it, vi } from 'vitest';
import { tooLongMessage } from './upload-duration';

const wav = (name = 'menu.wav') => new File(['RIFF'], name, { type: 'audio/wav' });

describe('tooLongMessage', () => {
  it('refuses a file longer than the limit, naming both, before anything is sent', async () => {
    const probe = vi.fn(() => Promise.resolve(601.2));
    expect(await tooLongMessage(wav(), 600, probe)).toBe(
      'menu.wav lasts 10:01: the limit is 10:00. Nothing was sent.',
    );
    expect(probe).toHaveBeenCalledOnce();
  });

  it('lets the server judge what the browser cannot measure, and files within the limit', async () => {
    expect(await tooLongMessage(wav(), 600, () => Promise.resolve(600))).toBeNull();
    expect(await tooLongMessage(wav(), 600, () => Promise.resolve(null))).toBeNull();
    expect(await tooLongMessage(wav(), undefined, () => Promise.resolve(9999))).toBeNull();
  });

  it('never probes raw telephone audio, which has no header to read a duration from', async () => {
    const probe = vi.fn(() => Promise.resolve(9999));
    expect(await tooLongMessage(wav('prompt.ulaw'), 600, probe)).toBeNull();
    expect(await tooLongMessage(wav('prompt.gsm'), 600, probe)).toBeNull();
    expect(probe).not.toHaveBeenCalled();
  });
});
