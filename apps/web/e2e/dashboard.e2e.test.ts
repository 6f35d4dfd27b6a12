import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn, step } from './helpers/browser.js';
import { startUiServer, type UiServer } from './helpers/ui-server.js';

/** An E.164 number the simulator answers (any ending but 486/503/408/404/603). */
const ANSWERED = '+12025550100';
/** Once answered, the simulator's `test` context: `long` talks 10 s then hangs up, `moh` holds for 5 minutes. */
const TALK_10_S = { context: 'test', exten: 'long' };
const HOLD = { context: 'test', exten: 'moh' };

describe('dashboard and recordings (browser)', () => {
  let server: UiServer;
  let browser: Browser;
  let page: Page;
  let callId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startUiServer({ simSpeed: 1 }), launchBrowser()]);
    // The tenant places calls through the simulator's routes and plays a sound on answer, from one DID.
    const patched = await server.api('PATCH', `/api/tenants/${server.tenant.id}`, {
      originateChannelTemplate: 'Local/{number}@from-internal',
      answerDestination: { type: 'sound', sound: 'hello-world' },
    });
    expect(patched.status).toBe(200);
    const did = await server.api('POST', `/api/tenants/${server.tenant.id}/dids`, { number: '+12025550140' });
    expect(did.status).toBe(201);
    page = await openPage(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const row = (p: Page, id: string) => p.locator(`tr[data-call-id="${id}"]`);

  it('shows a call on the live board as it happens, with a running timer, until it completes', async () => {
    await step(page, 'dashboard-empty', async () => {
      await signIn(page, server.baseUrl, server.tenant.key);
      await page.getByText('No calls in progress').waitFor();
      await expect.poll(() => page.getByTestId('stream-state').textContent()).toBe('Live');
      expect(await page.getByTestId('figure-Placed').locator('dd').textContent()).toBe('0');
      expect(await page.getByTestId('chart-summary').textContent()).toBe('No calls yet today.');
    });
    await step(page, 'dashboard-live-call', async () => {
      const placed = await server.api('POST', '/api/calls/make-call', {
        to: ANSWERED,
        record: true,
        ...TALK_10_S,
      });
      expect(placed.status).toBe(202);
      callId = (placed.body as { id: string }).id;
      const live = row(page, callId);
      await live.waitFor();
      expect(await live.getByRole('link').textContent()).toBe(ANSWERED);
      expect(await live.textContent()).toContain('+12025550140');
      // answered, then the talk-time timer ticks
      await live.locator('[data-status="answered"]').waitFor();
      const timer = live.getByTestId('call-timer');
      const first = await timer.textContent();
      await page.waitForFunction(
        ([id, before]) =>
          document.querySelector(`tr[data-call-id="${id}"] [data-testid="call-timer"]`)?.textContent !==
          before,
        [callId, first] as const,
      );
      expect(await timer.textContent()).toMatch(/^0:\d\d$/);
      expect(await live.getByRole('button', { name: `Hang up the call to ${ANSWERED}` }).isVisible()).toBe(
        true,
      );
      await screenshot(page, 'dashboard');
    });
    await step(page, 'dashboard-call-ended', async () => {
      await row(page, callId).waitFor({ state: 'detached', timeout: 30_000 });
      await page.getByText('No calls in progress').waitFor();
      await expect.poll(() => page.getByTestId('figure-Placed').locator('dd').textContent()).toBe('1');
      await expect.poll(() => page.getByTestId('figure-Answered').locator('dd').textContent()).toBe('1');
      expect(await page.getByTestId('figure-Answer rate').locator('dd').textContent()).toBe('100%');
      await expect.poll(() => page.getByTestId('chart-summary').textContent()).toMatch(/^1 call today/);
      // one bar drawn: the answered call's hour
      await expect
        .poll(() => page.getByTestId('hourly-chart').locator('.recharts-bar-rectangle path').count())
        .toBe(1);
      const detail = await server.api('GET', `/api/calls/${callId}`);
      expect((detail.body as { status: string }).status).toBe('completed');
    });
  }, 90_000);

  it("finds the call's recording, plays it and offers the download", async () => {
    await step(page, 'recordings', async () => {
      await page.getByRole('link', { name: 'Recordings' }).first().click();
      const item = page.getByRole('listitem', { name: `${callId}.wav` });
      await item.waitFor();
      expect(await item.getByRole('link', { name: `Call to ${ANSWERED}` }).getAttribute('href')).toBe(
        `/calls/${callId}`,
      );
      expect(await item.getByText('from +12025550140').count()).toBe(1);
      await item.getByRole('button', { name: `Play ${callId}.wav` }).click();
      const audio = item.getByLabel(`Recording ${callId}.wav`);
      await audio.waitFor();
      expect(await audio.getAttribute('src')).toMatch(/^blob:/);
      await expect
        .poll(() => audio.evaluate((el) => (el as HTMLAudioElement).readyState))
        .toBeGreaterThanOrEqual(1);
      const download = item.getByRole('link', { name: 'Download' });
      await download.waitFor();
      expect(await download.getAttribute('download')).toBe(`${callId}.wav`);
      expect(await item.getByRole('button', { name: `Download ${callId}.wav` }).isEnabled()).toBe(true);
      // the filter narrows the list to it, by file name or by the number called
      await page.getByLabel('File name or number contains').fill(callId.slice(0, 8));
      await expect.poll(() => page.getByRole('listitem').count()).toBe(1);
      await page.getByLabel('File name or number contains').fill(ANSWERED);
      await expect.poll(() => page.getByRole('listitem').count()).toBe(1);
      await screenshot(page, 'recordings');
    });
  }, 60_000);

  it('fits a phone: the live board, figures and chart', async () => {
    const phone = await openPage(browser, { phone: true });
    await step(phone, 'dashboard-phone', async () => {
      await signIn(phone, server.baseUrl, server.tenant.key);
      await expect.poll(() => phone.getByTestId('stream-state').textContent()).toBe('Live');
      const placed = await server.api('POST', '/api/calls/make-call', { to: '+12025550101', ...HOLD });
      expect(placed.status).toBe(202);
      const id = (placed.body as { id: string }).id;
      await row(phone, id).locator('[data-status="answered"]').waitFor();
      // every part of the dashboard fits the width (nothing to scroll sideways)
      const parts = await phone.locator('main section').all();
      expect(parts).toHaveLength(3);
      for (const part of parts) {
        const box = (await part.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(390);
      }
      await screenshot(phone, 'dashboard-phone');
      // hang it up from the board
      const hungUp = phone.waitForResponse((r) => r.url().includes(`/api/calls/${id}/hangup`));
      await row(phone, id).getByRole('button', { name: 'Hang up the call to +12025550101' }).click();
      expect((await hungUp).status()).toBe(202);
      await expect
        .poll(async () => ((await server.api('GET', `/api/calls/${id}`)).body as { status: string }).status, {
          timeout: 20_000,
        })
        .toBe('completed');
      await row(phone, id).waitFor({ state: 'detached' });
    });
    await step(phone, 'recordings-phone', async () => {
      await phone.goto(`${server.baseUrl}/recordings`);
      const item = phone.getByRole('listitem', { name: `${callId}.wav` });
      await item.waitFor();
      await item.getByRole('button', { name: `Play ${callId}.wav` }).click();
      await item.getByLabel(`Recording ${callId}.wav`).waitFor();
      const box = (await item.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await screenshot(phone, 'recordings-phone');
    });
    await phone.context().close();
  }, 60_000);
});
