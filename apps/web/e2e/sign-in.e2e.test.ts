import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn, step } from './helpers/browser.js';
import { startUiServer, type UiServer } from './helpers/ui-server.js';

describe('sign-in (browser)', () => {
  let server: UiServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startUiServer(), launchBrowser()]);
    page = await openPage(browser);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong key with the server message', async () => {
    await step(page, 'sign-in-refused', async () => {
      await page.goto(server.baseUrl + '/');
      await screenshot(page, 'sign-in');
      await page.getByLabel('API key').fill('sb_not_a_real_key');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByText(/API key/i)
        .nth(1)
        .waitFor();
      expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    });
  });

  it('signs in, shows the tenant, the role and the SIMULATED PBX, and keeps the key for the session', async () => {
    await step(page, 'sign-in', async () => {
      await signIn(page, server.baseUrl, server.tenant.key);
      await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe('Acme Outbound');
      expect(await page.getByTestId('role').textContent()).toBe('admin');
      await expect.poll(() => page.getByTestId('pbx-state').textContent()).toContain('SIMULATED');
      await page.reload();
      await page.getByTestId('pbx-state').waitFor();
    });
  });

  it('returns to sign-in when the key is revoked, and after signing out', async () => {
    await step(page, 'revoked', async () => {
      const keys = await server.api(
        'GET',
        `/api/tenants/${server.tenant.id}/api-keys`,
        undefined,
        server.adminKey,
      );
      const uiKey = (keys.body as { items: { id: string; name: string }[] }).items.find(
        (k) => k.name === 'e2e admin',
      )!;
      const revoke = await server.api(
        'DELETE',
        `/api/tenants/${server.tenant.id}/api-keys/${uiKey.id}`,
        undefined,
        server.adminKey,
      );
      expect(revoke.status).toBe(204);
      await page.reload();
      await page.getByText('Your API key was not accepted (expired or revoked). Sign in again.').waitFor();
    });
    await step(page, 'sign-out', async () => {
      await signIn(page, server.baseUrl, server.adminKey);
      // A platform key with a single tenant starts on it (a fresh `npm start` has only "demo").
      await expect.poll(() => page.getByTestId('tenant-picker').inputValue()).toBe('Acme Outbound');
      await page.getByRole('heading', { name: 'Today' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('switchboard.apiKey'))).toBeNull();
    });
  });

  it('fits a phone: the header keeps the PBX state, tenant and sign-out move into the menu', async () => {
    const phone = await openPage(browser, { phone: true });
    await step(phone, 'phone-menu', async () => {
      await signIn(phone, server.baseUrl, server.adminKey);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      expect(await phone.getByTestId('pbx-state').isVisible()).toBe(true);
      await phone.getByRole('button', { name: 'Toggle navigation' }).click();
      await phone.getByRole('button', { name: 'Sign out' }).waitFor();
      await phone.waitForTimeout(500); // let the menu finish sliding in before the picture
      await screenshot(phone, 'phone-menu');
    });
    await phone.context().close();
  });

  it('works from the keyboard alone: sign in with Enter, reach a page with Tab', async () => {
    const keyboard = await openPage(browser);
    await step(keyboard, 'keyboard', async () => {
      await keyboard.goto(server.baseUrl + '/');
      await keyboard.getByLabel('API key').waitFor();
      // The key field has the focus on arrival.
      await keyboard.keyboard.type(server.adminKey); // (the tenant key was revoked above)
      await keyboard.keyboard.press('Enter');
      await keyboard.getByTestId('pbx-state').waitFor();
      let focused = '';
      for (let presses = 0; presses < 40 && focused !== 'Make a call'; presses++) {
        await keyboard.keyboard.press('Tab');
        focused = await keyboard.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
      }
      expect(focused).toBe('Make a call');
      await keyboard.keyboard.press('Enter');
      await keyboard.waitForURL(/\/calls\/new$/);
      await keyboard.getByRole('heading', { name: 'Make a call', level: 2 }).waitFor();
    });
    await keyboard.context().close();
  });
});
