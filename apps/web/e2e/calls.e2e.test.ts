import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn, step } from './helpers/browser.js';
import { startUiServer, type UiServer } from './helpers/ui-server.js';

/** National numbers of the tenant's country (US); the simulator answers any ending but 486/503/408/404/603. */
const ANSWERED = { typed: '(202) 555-0123', e164: '+12025550123' };
const BUSY = { typed: '202 555 0486', e164: '+12025550486' };
const DID = '+12025550177';

/**
 * Records, in the page, every status the live view's chip shows (a MutationObserver), so a status that lasts
 * well under a second (ringing is ~0.75 s at 4x) is seen even if the test looks a moment later.
 */
function recordStatuses() {
  const seen: string[] = [];
  (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
  const note = () => {
    const status = document
      .querySelector('[data-testid="call-status"] [data-status]')
      ?.getAttribute('data-status');
    if (status && seen.at(-1) !== status) seen.push(status);
  };
  new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true });
}

const seenStatuses = (page: Page) =>
  page.evaluate(() => (window as unknown as { seenStatuses?: string[] }).seenStatuses ?? []);

describe('calls (browser)', () => {
  let server: UiServer;
  let browser: Browser;
  let page: Page;
  let answeredCallId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startUiServer(), launchBrowser()]);
    // The tenant's default on answer plays a PBX sound; one DID gives the caller ID.
    const patched = await server.api('PATCH', `/api/tenants/${server.tenant.id}`, {
      answerDestination: { type: 'sound', sound: 'hello-world' },
    });
    expect(patched.status).toBe(200);
    const did = await server.api('POST', `/api/tenants/${server.tenant.id}/dids`, {
      number: DID,
      label: 'Main line',
    });
    expect(did.status).toBe(201);
    page = await openPage(browser);
    await page.addInitScript(recordStatuses);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('places an answered, recorded call and follows it live: ringing -> answered -> completed', async () => {
    await step(page, 'make-call-form', async () => {
      await signIn(page, server.baseUrl, server.tenant.key);
      await page.getByRole('link', { name: 'Make a call' }).click();
      const number = page.getByLabel('Number to call');
      await number.fill('202');
      await page.getByText('Keep typing: too short so far').waitFor();
      await number.fill(ANSWERED.typed);
      await page.getByText(`Will dial ${ANSWERED.e164}`).waitFor();
      await page.getByRole('textbox', { name: 'Caller ID' }).click();
      await page.getByRole('option', { name: `${DID} (Main line)` }).click();
      // the simulator's test/long talks 10 s (2.5 s at 4x) then hangs up
      await page.getByRole('radio', { name: 'Dialplan' }).check();
      await page.getByLabel('Context').fill('test');
      await page.getByLabel('Extension').fill('long');
      await page.getByRole('switch', { name: 'Record the call' }).check();
      await screenshot(page, 'make-call');
    });
    await step(page, 'call-live', async () => {
      await page.getByRole('button', { name: 'Call' }).click();
      await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
      answeredCallId = page.url().split('/').at(-1)!;
      await page.getByRole('heading', { name: `Call to ${ANSWERED.e164}` }).waitFor();
      await page.locator('[data-testid="call-status"] [data-status="answered"]').waitFor();
      await page
        .getByRole('timer')
        .getByText(/^Talking \d+:\d\d$/)
        .waitFor();
      expect(
        await page.getByRole('button', { name: `Hang up the call to ${ANSWERED.e164}` }).isVisible(),
      ).toBe(true);
      await screenshot(page, 'call-live');
      await page
        .locator('[data-testid="call-status"] [data-status="completed"]')
        .waitFor({ timeout: 30_000 });
      const statuses = await seenStatuses(page);
      expect(statuses.slice(statuses.indexOf('ringing'))).toEqual(['ringing', 'answered', 'completed']);
      expect(await page.getByRole('button', { name: /Hang up/ }).count()).toBe(0);
    });
  }, 60_000);

  it('finds the call in the call logs with its events, and plays its recording', async () => {
    await step(page, 'call-logs', async () => {
      await page.getByRole('link', { name: 'Call logs', exact: true }).click();
      const table = page.getByRole('table', { name: 'Calls' });
      const row = table.locator(`tr[data-call-id="${answeredCallId}"]`);
      const link = row.getByRole('link', { name: ANSWERED.e164 });
      await link.waitFor();
      await row.locator('[data-status="completed"]').waitFor();
      expect(await row.textContent()).toContain(DID);
      await screenshot(page, 'call-logs');
      await link.click();
    });
    await step(page, 'call-detail', async () => {
      await page.waitForURL(new RegExp(`/calls/${answeredCallId}$`));
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText('OriginateResponse').first().waitFor();
      expect(await timeline.getByText('Hangup', { exact: true }).count()).toBeGreaterThan(0);
      const outcome = page.getByRole('table', { name: 'Outcome' });
      expect(await outcome.textContent()).toMatch(/Hangup cause16 Normal Clearing/);
      const recording = page.getByLabel(`Recording of the call to ${ANSWERED.e164}`);
      await recording.waitFor({ timeout: 30_000 });
      expect(await recording.getAttribute('src')).toMatch(/^blob:/);
      expect(await page.getByRole('link', { name: 'Download' }).isVisible()).toBe(true);
      await screenshot(page, 'call-detail');
    });
  }, 60_000);

  it('shows a busy call as busy', async () => {
    await step(page, 'busy-call', async () => {
      await page.getByRole('link', { name: 'Make a call' }).click();
      await page.getByLabel('Number to call').fill(BUSY.typed);
      await page.getByRole('radio', { name: 'Tenant default' }).check();
      await page.getByRole('button', { name: 'Call' }).click();
      await page.getByRole('heading', { name: `Call to ${BUSY.e164}` }).waitFor();
      await page.locator('[data-testid="call-status"] [data-status="busy"]').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('call-status').textContent()).toBe('busy');
      const outcome = page.getByRole('table', { name: 'Outcome' });
      await outcome.getByText(/^17 /).waitFor();
    });
  }, 60_000);

  it('lists the calls at phone width', async () => {
    await step(page, 'call-logs-phone', async () => {
      const phone = await openPage(browser, { phone: true });
      try {
        await signIn(phone, server.baseUrl, server.tenant.key);
        await phone.goto(`${server.baseUrl}/calls`);
        const list = phone.getByRole('list', { name: 'Calls' });
        await list.getByRole('link', { name: BUSY.e164 }).waitFor();
        expect(
          await list.locator('li', { hasText: BUSY.e164 }).locator('[data-status="busy"]').isVisible(),
        ).toBe(true);
        await screenshot(phone, 'call-logs-phone');
        await list.getByRole('link', { name: BUSY.e164 }).click();
        await phone.getByRole('heading', { name: `Call to ${BUSY.e164}` }).waitFor();
        await screenshot(phone, 'call-detail-phone');
        await phone.goto(`${server.baseUrl}/calls/new`);
        await phone.getByLabel('Number to call').fill(ANSWERED.typed);
        await screenshot(phone, 'make-call-phone');
      } finally {
        await phone.context().close();
      }
    });
  }, 60_000);
});
