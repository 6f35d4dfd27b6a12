import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn, step } from './helpers/browser.js';
import { startUiServer, type UiServer } from './helpers/ui-server.js';

/** A real WAV made by sox: `sox -n -r <rate> -c 1 <file> synth <seconds> sine <hz>`. */
function sineWav(dir: string, name: string, seconds: number, hz: number, rate = 8000): string {
  const file = path.join(dir, name);
  execFileSync('sox', [
    '-n',
    '-r',
    String(rate),
    '-c',
    '1',
    file,
    'synth',
    String(seconds),
    'sine',
    String(hz),
  ]);
  return file;
}

describe('sounds (browser)', () => {
  let server: UiServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let firstWav: string;
  let secondWav: string;
  let notAudio: string;
  let tooLarge: string;
  let tooLong: string;

  beforeAll(async () => {
    [server, browser, dir] = await Promise.all([
      startUiServer(),
      launchBrowser(),
      fs.mkdtemp(path.join(os.tmpdir(), 'switchboard-sounds-e2e-')),
    ]);
    // 20 s of 44.1 kHz (1.7 MB) so the upload and conversion are visible for a moment.
    firstWav = sineWav(dir, 'Welcome.wav', 20, 440, 44100);
    secondWav = sineWav(dir, 'welcome-v2.wav', 3, 880);
    notAudio = path.join(dir, 'notes.txt');
    await fs.writeFile(notAudio, 'These are meeting notes, not audio.\n'.repeat(20));
    // Over the default SOUNDS_MAX_UPLOAD_MB (50): a sparse file, so it costs no disk.
    tooLarge = path.join(dir, 'all-day-music.wav');
    await fs.writeFile(tooLarge, '');
    await fs.truncate(tooLarge, 51 * 1024 * 1024);
    // Over the default SOUNDS_MAX_DURATION_SECONDS (600) and well under 50 MB: 601 s at 8 kHz is 9.6 MB.
    tooLong = sineWav(dir, 'hold-music.wav', 601, 440);
    page = await openPage(browser);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  const row = (name: string) => page.getByTestId('sound-row').filter({ hasText: name });
  const drawer = () => page.getByRole('dialog');

  it('uploads a WAV through the drop zone, shows its progress, then ready in the library', async () => {
    await step(page, 'sounds-empty', async () => {
      await signIn(page, server.baseUrl, server.tenant.key);
      await page.getByRole('link', { name: 'Sounds' }).click();
      await page.getByText('No sounds yet').waitFor();
      // The drop zone tells the server's limits (defaults: 50 MB, 600 s).
      await page
        .getByTestId('upload-limits')
        .getByText('WAV, MP3, OGG, FLAC or raw GSM/u-law/a-law; up to 50 MB and 10 minutes each.')
        .waitFor();
    });
    await step(page, 'sounds-upload', async () => {
      await page.getByTestId('sound-file-input').setInputFiles(firstWav);
      const upload = page.getByTestId('upload-row').filter({ hasText: 'Welcome.wav' });
      await upload.waitFor();
      await page.getByRole('progressbar', { name: 'Upload of Welcome.wav' }).waitFor();
      await screenshot(page, 'sounds-upload');
      await page.getByText('Ready as “welcome”').waitFor({ timeout: 30_000 });
      expect(await upload.getAttribute('data-phase')).toBe('ready');
      expect(
        await page
          .getByRole('progressbar', { name: 'Conversion of Welcome.wav' })
          .getAttribute('aria-valuenow'),
      ).toBe('100');
      await expect.poll(() => row('welcome').getByTestId('sound-status').textContent()).toBe('Ready');
      const text = await row('welcome').textContent();
      expect(text).toContain('custom/acme/welcome');
      expect(text).toContain('0:20');
      expect(text).toContain('gsm');
      expect(text).toContain('v1 of 1');
    });
  });

  it('plays the preview over its waveform', async () => {
    await step(page, 'sounds-play', async () => {
      await row('welcome').getByRole('button', { name: 'welcome' }).click();
      const play = drawer().getByRole('button', { name: 'Play welcome' });
      await play.waitFor();
      // wavesurfer drew the server's peaks into its canvas.
      await expect
        .poll(() => drawer().locator('[data-testid=waveform-player] div').count())
        .toBeGreaterThan(0);
      await play.click();
      const player = drawer().getByTestId('waveform-player');
      await expect.poll(() => player.getAttribute('data-state')).toBe('playing');
      const slider = drawer().getByRole('slider', { name: 'Position in welcome' });
      await expect.poll(() => slider.getAttribute('aria-valuenow'), { timeout: 10_000 }).not.toBe('0');
      await screenshot(page, 'sounds-player');
      await drawer().getByRole('button', { name: 'Pause welcome' }).click();
      await expect.poll(() => player.getAttribute('data-state')).toBe('paused');
    });
  });

  it('renames it with a description, uploads a second version, plays the first and activates it again', async () => {
    await step(page, 'sounds-rename', async () => {
      await drawer().getByRole('button', { name: 'Edit' }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit “welcome”' });
      await dialog.getByLabel('Name').fill('Welcome Message');
      await dialog.getByText('custom/acme/welcome-message').waitFor();
      await dialog.getByLabel('Description').fill('Played before the menu');
      await screenshot(page, 'sounds-edit');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await row('welcome-message').waitFor();
      await drawer().getByText('Played before the menu').waitFor();
      const sounds = await server.api('GET', '/api/sounds');
      expect(
        sounds.body.items.map((s: { name: string; description: string }) => [s.name, s.description]),
      ).toEqual([['welcome-message', 'Played before the menu']]);
    });
    await step(page, 'sounds-version', async () => {
      await page.getByTestId('version-file-input').setInputFiles(secondWav);
      const versions = page.getByTestId('sound-version');
      await expect.poll(() => versions.count(), { timeout: 30_000 }).toBe(2);
      const v2 = versions.filter({ hasText: 'Version 2' });
      await v2.getByText('Active').waitFor({ timeout: 30_000 });
      // The player follows the new active version (3 s).
      await drawer().getByTestId('waveform-player').getByText('0:00 / 0:03').waitFor();
    });
    await step(page, 'sounds-version-preview', async () => {
      // Version 1 is heard before it is made active again.
      await page.getByRole('button', { name: 'Play version 1' }).click();
      const preview = drawer().getByLabel('Version 1 of welcome-message');
      await preview.waitFor();
      await expect
        .poll(() => preview.evaluate((audio: HTMLAudioElement) => !audio.paused && audio.currentTime > 0), {
          timeout: 10_000,
        })
        .toBe(true);
      expect(await preview.evaluate((audio: HTMLAudioElement) => Math.round(audio.duration))).toBe(20);
      await screenshot(page, 'sounds-version-preview');
      await page.getByRole('button', { name: 'Stop version 1' }).click();
      await preview.waitFor({ state: 'detached' });
      const sounds = await server.api('GET', '/api/sounds');
      expect(sounds.body.items[0].activeVersion.version).toBe(2);
    });
    await step(page, 'sounds-activate', async () => {
      const versions = page.getByTestId('sound-version');
      await page.getByRole('button', { name: 'Activate version 1' }).click();
      await versions.filter({ hasText: 'Version 1' }).getByText('Active').waitFor();
      // The player reloads the 20 s version.
      await drawer().getByTestId('waveform-player').getByText('0:00 / 0:20').waitFor();
      const sounds = await server.api('GET', '/api/sounds');
      expect(sounds.body.items[0].activeVersion.version).toBe(1);
      expect(sounds.body.items[0].versionCount).toBe(2);
      await page.keyboard.press('Escape');
      await drawer().waitFor({ state: 'detached' });
      await expect.poll(() => row('welcome-message').textContent()).toContain('v1 of 2');
    });
  });

  /** Chooses the file; it must end refused with `reason`, and no request may have sent anything. */
  async function refusedUnsent(file: string, reason: string): Promise<void> {
    const posts: string[] = [];
    const onRequest = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST') posts.push(request.url());
    };
    page.on('request', onRequest);
    try {
      await page.getByTestId('sound-file-input').setInputFiles(file);
      const refused = page.getByTestId('upload-row').filter({ hasText: path.basename(file) });
      await expect.poll(() => refused.getAttribute('data-phase')).toBe('refused');
      expect(await refused.getByRole('alert').textContent()).toBe(`Refused: ${reason}`);
      expect(posts).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  }

  it('refuses a file over the size limit without sending it', async () => {
    await step(page, 'sounds-too-large', async () => {
      await refusedUnsent(
        tooLarge,
        'all-day-music.wav is 51 MB: the limit is 50 MB per file. Nothing was sent.',
      );
      await screenshot(page, 'sounds-too-large');
    });
  });

  it('refuses a file over the duration limit without sending it, as the browser reads its length', async () => {
    await step(page, 'sounds-too-long', async () => {
      await refusedUnsent(tooLong, 'hold-music.wav lasts 10:01: the limit is 10:00. Nothing was sent.');
    });
  });

  it('refuses a file that is not audio, in the server’s words', async () => {
    await step(page, 'sounds-refused', async () => {
      await page.getByTestId('sound-file-input').setInputFiles(notAudio);
      const refused = page.getByTestId('upload-row').filter({ hasText: 'notes.txt' });
      await expect.poll(() => refused.getAttribute('data-phase'), { timeout: 15_000 }).toBe('refused');
      const message = await refused.getByRole('alert').textContent();
      expect(message).toMatch(/^Refused: /);
      expect(message!.length).toBeGreaterThan('Refused: '.length + 10);
      expect(await page.getByTestId('sound-row').count()).toBe(1);
      await screenshot(page, 'sounds');
    });
  });

  it('fits a phone', async () => {
    const phone = await openPage(browser, { phone: true });
    await step(phone, 'sounds-phone', async () => {
      await signIn(phone, server.baseUrl, server.tenant.key);
      await phone.goto(server.baseUrl + '/sounds');
      await phone.getByTestId('sound-card').first().waitFor();
      expect(await phone.getByTestId('sound-row').count()).toBe(0);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(phone, 'sounds-phone');
      await phone.getByRole('button', { name: 'welcome-message' }).click();
      await phone.getByRole('button', { name: 'Play welcome-message' }).waitFor();
      await screenshot(phone, 'sounds-phone-detail');
    });
    await phone.context().close();
  });

  it('deletes the sound after asking', async () => {
    await step(page, 'sounds-delete', async () => {
      await row('welcome-message').getByRole('button', { name: 'welcome-message' }).click();
      await drawer().getByRole('button', { name: 'Delete' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete “welcome-message”?' });
      await confirm.getByText('deletes all 2 versions').waitFor();
      await confirm.getByRole('button', { name: 'Delete sound' }).click();
      await page.getByText('No sounds yet').waitFor();
      const sounds = await server.api('GET', '/api/sounds');
      expect(sounds.body.items).toEqual([]);
    });
  });
});
