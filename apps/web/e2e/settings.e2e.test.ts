import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, signIn, step } from './helpers/browser.js';
import { startUiServer, type UiServer } from './helpers/ui-server.js';

/** Waits for the success toasts to close by themselves, so a screenshot shows the page, not the toasts. */
async function toastsGone(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
}

describe('settings (browser)', () => {
  let server: UiServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startUiServer(), launchBrowser()]);
    page = await openPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.baseUrl });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('adds a DID after the server refuses a bad number on the field', async () => {
    await step(page, 'settings-dids', async () => {
      await signIn(page, server.baseUrl, server.tenant.key);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL('**/settings/tenants');
      await page.getByRole('form', { name: 'Settings of Acme Outbound' }).waitFor();
      await screenshot(page, 'settings-tenant-own');
      await page.getByRole('tab', { name: 'DIDs' }).click();
      await page.waitForURL('**/settings/dids');
      await page.getByText('No DIDs yet').waitFor();

      await page.getByRole('button', { name: 'Add DID' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a DID' });
      await dialog.getByLabel('Number').fill('12');
      await dialog.getByRole('button', { name: 'Add DID' }).click();
      await dialog.getByText('"12" is not a valid phone number').waitFor();
      expect(await dialog.getByLabel('Number').getAttribute('aria-invalid')).toBe('true');
      await screenshot(page, 'settings-did-refused');

      await dialog.getByLabel('Number').fill('+1 415 555 0123');
      await dialog.getByLabel('Label').fill('San Francisco');
      await dialog.getByLabel('Daily cap').fill('200');
      await dialog.getByRole('button', { name: 'Add DID' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('+14155550123', { exact: true }).waitFor();
      await page.getByText('0 / 200 today').waitFor();

      await page.getByRole('textbox', { name: 'Caller ID rotation' }).click();
      await page.getByRole('option', { name: 'Local presence' }).click();
      await page.getByText("A DID in the callee's area code first").waitFor();
      const tenant = await server.api('GET', `/api/tenants/${server.tenant.id}`);
      expect(tenant.body.didRotation).toBe('local-presence');
      await toastsGone(page);
      await screenshot(page, 'settings-dids');
    });
  });

  it('adds two transfer numbers and shows each share, live while typing a weight', async () => {
    await step(page, 'settings-transfer-numbers', async () => {
      await page.getByRole('tab', { name: 'Transfer numbers' }).click();
      await page.waitForURL('**/settings/transfer-numbers');
      await page.getByText('No transfer numbers yet').waitFor();

      const add = async (number: string, label: string, weight: string, shareWhileTyping: string) => {
        await page.getByRole('button', { name: 'Add transfer number' }).click();
        const dialog = page.getByRole('dialog', { name: 'Add a transfer number' });
        await dialog.getByLabel('Number').fill(number);
        await dialog.getByLabel('Label').fill(label);
        await dialog.getByLabel('Weight').fill(weight);
        await expect.poll(() => dialog.getByTestId('share').textContent()).toBe(shareWhileTyping);
        await dialog.getByRole('button', { name: 'Add number' }).click();
        await dialog.waitFor({ state: 'detached' });
      };
      await add('+12025550150', 'Sales desk', '1', '100%');
      await add('+12025550151', 'Support desk', '3', '75%');

      const rows = page.getByTestId('transfer-number-row');
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).getByTestId('share').textContent()).toBe('25%');
      expect(await rows.nth(1).getByTestId('share').textContent()).toBe('75%');
      await toastsGone(page);
      await screenshot(page, 'settings-transfer-numbers');
    });
  });

  let newKey = '';

  it('creates an API key, shows it once with a copy button, and the key signs in', async () => {
    await step(page, 'settings-api-keys', async () => {
      await page.getByRole('tab', { name: 'API keys' }).click();
      await page.waitForURL('**/settings/api-keys');
      await page.getByText('e2e admin').waitFor();

      await page.getByRole('button', { name: 'Create API key' }).click();
      const form = page.getByRole('dialog', { name: 'Create an API key' });
      await form.getByLabel('Name').fill('CRM integration');
      await form.getByRole('button', { name: 'Create key' }).click();

      const shown = page.getByRole('dialog', { name: 'API key "CRM integration" created' });
      await shown.getByText('you will not see it again').waitFor();
      newKey = (await shown.getByTestId('created-api-key').textContent()) ?? '';
      expect(newKey).toMatch(/^sb_/);
      await shown.getByRole('button', { name: 'Copy key' }).click();
      await shown.getByRole('button', { name: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(newKey);
      await toastsGone(page);
      await screenshot(page, 'settings-api-keys');

      await shown.getByRole('button', { name: 'I have stored it' }).click();
      await shown.waitFor({ state: 'detached' });
      const row = page.getByTestId('api-key-row').filter({ hasText: 'CRM integration' });
      await row.getByText('operator').waitFor();
      expect(await page.getByText(newKey).count()).toBe(0);
    });

    await step(page, 'new-key-signs-in', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await signIn(page, server.baseUrl, newKey);
      await expect.poll(() => page.getByTestId('role').textContent()).toBe('operator');
    });
  });

  it('revokes the new key from another session, and the key is refused', async () => {
    const other = await openPage(browser);
    try {
      await step(other, 'revoke-from-other-session', async () => {
        await signIn(other, server.baseUrl, server.tenant.key);
        await other.goto(server.baseUrl + '/settings/api-keys');
        const row = other.getByTestId('api-key-row').filter({ hasText: 'CRM integration' });
        await row.getByRole('button', { name: 'Revoke CRM integration' }).click();
        const confirm = other.getByRole('dialog', { name: 'Revoke CRM integration?' });
        await confirm.getByText('cannot be undone').waitFor();
        await confirm.getByRole('button', { name: 'Revoke key' }).click();
        await row
          .getByText(/^Revoked/)
          .filter({ visible: true })
          .waitFor();
      });
    } finally {
      await other.context().close();
    }
    await step(page, 'revoked-key-refused', async () => {
      await page.reload();
      await page.getByText('Your API key was not accepted (expired or revoked). Sign in again.').waitFor();
      const me = await server.api('GET', '/api/auth/me', undefined, newKey);
      expect(me.status).toBe(401);
    });
  });

  it('warns before revoking the key you are signed in with', async () => {
    await step(page, 'revoke-own-key-warning', async () => {
      await signIn(page, server.baseUrl, server.tenant.key);
      await page.goto(server.baseUrl + '/settings/api-keys');
      await page.getByRole('button', { name: 'Revoke e2e admin' }).click();
      const confirm = page.getByRole('dialog', { name: 'Revoke e2e admin?' });
      await confirm.getByText('This is the key you are signed in with').waitFor();
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'detached' });
    });
  });

  it('lets the super-admin list and create tenants', async () => {
    const admin = await openPage(browser);
    try {
      await step(admin, 'settings-tenants', async () => {
        await signIn(admin, server.baseUrl, server.adminKey);
        await admin.goto(server.baseUrl + '/settings');
        await admin.waitForURL('**/settings/tenants');
        const panel = admin.getByRole('tabpanel', { name: 'Tenants' });
        await panel.getByText('Acme Outbound', { exact: true }).waitFor();

        await admin.getByRole('button', { name: 'New tenant' }).click();
        const dialog = admin.getByRole('dialog', { name: 'New tenant' });
        await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Globex Support');
        expect(await dialog.getByLabel('Slug').inputValue()).toBe('globex-support');
        await dialog.getByLabel('Originate channel').fill('PJSIP/trunk');
        await dialog.getByRole('button', { name: 'Create tenant' }).click();
        await dialog.getByText('Must contain {number}').waitFor();
        await dialog.getByLabel('Originate channel').fill('PJSIP/{number}@trunk');
        await dialog.getByRole('button', { name: 'Create tenant' }).click();
        await dialog.waitFor({ state: 'detached' });
        await panel.getByText('Globex Support', { exact: true }).waitFor();
        await toastsGone(admin);
        await screenshot(admin, 'settings-tenants');

        await admin.getByRole('tab', { name: 'DIDs' }).click();
        await admin.getByText('Pick a tenant', { exact: true }).waitFor();
        await admin.getByRole('tab', { name: 'Tenants' }).click();
        await admin.getByRole('button', { name: 'Work on Globex Support' }).click();
        await admin.waitForURL('**/settings/dids');
        await admin.getByText('No DIDs yet').waitFor();
        await expect
          .poll(() => admin.getByRole('textbox', { name: 'Tenant' }).inputValue())
          .toBe('Globex Support');
      });
    } finally {
      await admin.context().close();
    }
  });

  it('lets the super-admin create a platform key, which signs in as a platform admin, and revoke it', async () => {
    const admin = await openPage(browser);
    try {
      await step(admin, 'settings-platform-keys', async () => {
        await signIn(admin, server.baseUrl, server.adminKey);
        await admin.goto(server.baseUrl + '/settings/api-keys');
        const platform = admin.getByRole('region', { name: 'Platform keys' });
        await platform.getByRole('button', { name: 'Create platform key' }).click();
        const form = admin.getByRole('dialog', { name: 'Create a platform key' });
        await form.getByLabel('Name').fill('Ops team');
        await form.getByRole('button', { name: 'Create key' }).click();
        const shown = admin.getByRole('dialog', { name: 'API key "Ops team" created' });
        const platformKey = (await shown.getByTestId('created-api-key').textContent()) ?? '';
        expect(platformKey).toMatch(/^sb_/);
        await shown.getByRole('button', { name: 'I have stored it' }).click();
        await shown.waitFor({ state: 'detached' });
        await platform.getByText('Ops team').waitFor();
        await toastsGone(admin);
        await screenshot(admin, 'settings-platform-keys');

        // The new key signs in, and is a platform admin: it manages the platform keys (no tenant key may).
        const other = await openPage(browser);
        try {
          await signIn(other, server.baseUrl, platformKey);
          await expect.poll(() => other.getByTestId('role').textContent()).toBe('admin');
          const keys = await server.api('GET', '/api/api-keys', undefined, platformKey);
          expect(keys.status).toBe(200);
          expect((keys.body as { items: { name: string }[] }).items.map((k) => k.name)).toContain('Ops team');
        } finally {
          await other.context().close();
        }

        await platform.getByRole('button', { name: 'Revoke Ops team' }).click();
        const confirm = admin.getByRole('dialog', { name: 'Revoke Ops team?' });
        await confirm.getByRole('button', { name: 'Revoke key' }).click();
        await confirm.waitFor({ state: 'detached' });
        await platform
          .getByText(/^Revoked/)
          .filter({ visible: true })
          .waitFor();
        expect((await server.api('GET', '/api/api-keys', undefined, platformKey)).status).toBe(401);
      });
    } finally {
      await admin.context().close();
    }
  }, 60_000);

  it('fits a phone screen', async () => {
    const phone = await openPage(browser, { phone: true });
    try {
      await step(phone, 'settings-phone', async () => {
        await signIn(phone, server.baseUrl, server.tenant.key);
        await phone.goto(server.baseUrl + '/settings/transfer-numbers');
        await phone.getByTestId('transfer-number-row').first().waitFor();
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(phone, 'settings-phone');

        await phone.getByRole('button', { name: 'Edit +12025550151' }).click();
        const dialog = phone.getByRole('dialog', { name: 'Edit transfer number +12025550151' });
        await dialog.getByRole('textbox', { name: 'Weight' }).fill('1');
        await expect.poll(() => dialog.getByTestId('share').textContent()).toBe('50%');
        const box = await dialog.getByRole('button', { name: 'Save number' }).boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        await screenshot(phone, 'settings-phone-form');
      });
    } finally {
      await phone.context().close();
    }
  });
});
