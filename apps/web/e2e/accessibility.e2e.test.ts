import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations } from './helpers/accessibility.js';
import { launchBrowser, openPage, signIn, step } from './helpers/browser.js';
import { startUiServer, type UiServer } from './helpers/ui-server.js';

/** Each page, once its content has loaded: what a WCAG 2.1 AA audit (axe-core) finds must be nothing. */
const PAGES: { path: string; ready: string }[] = [
  { path: '/', ready: 'Dashboard' },
  { path: '/calls/new', ready: 'Make a call' },
  { path: '/calls', ready: 'Call logs' },
  { path: '/sounds', ready: 'Sounds' },
  { path: '/recordings', ready: 'Recordings' },
  { path: '/settings/dids', ready: 'Settings' },
  { path: '/settings/transfer-numbers', ready: 'Settings' },
  { path: '/settings/api-keys', ready: 'Settings' },
  { path: '/settings/tenants', ready: 'Settings' },
];

describe('accessibility (browser, axe-core)', () => {
  let server: UiServer;
  let browser: Browser;
  let page: Page;
  let callId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startUiServer(), launchBrowser()]);
    page = await openPage(browser);
    await server.api('POST', `/api/tenants/${server.tenant.id}/dids`, {
      number: '+442079460001',
      label: 'London',
    });
    await server.api('PATCH', `/api/tenants/${server.tenant.id}`, {
      originateChannelTemplate: 'Local/{number}@from-internal',
      answerDestination: { type: 'sound', sound: 'hello-world' },
    });
    // A finished call, so the logs, the dashboard's figures and a call's detail are audited with data in them.
    const call = await server.api('POST', '/api/calls/make-call', { to: '+14155550486' });
    expect(call.status).toBe(202);
    callId = (call.body as { id: string }).id;
    for (let tries = 0; ; tries++) {
      const { body } = await server.api('GET', `/api/calls/${callId}`);
      if ((body as { status: string }).status === 'busy') break;
      if (tries > 300) throw new Error(`the seeded call never ended busy: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds no WCAG A/AA violation on the sign-in page', async () => {
    await page.goto(server.baseUrl + '/');
    await page.getByLabel('API key').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("finds no WCAG A/AA violation on a call's detail", async () => {
    await step(page, 'a11y-call-detail', async () => {
      await signIn(page, server.baseUrl, server.tenant.key);
      await page.goto(`${server.baseUrl}/calls/${callId}`);
      await expect.poll(() => page.getByTestId('call-status').textContent()).toContain('busy');
      await page
        .waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
        .catch(() => undefined);
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });

  for (const { path, ready } of PAGES) {
    it(`finds no WCAG A/AA violation on ${path}`, async () => {
      await step(page, `a11y${path.replaceAll('/', '-')}`, async () => {
        if (
          !(await page
            .getByTestId('pbx-state')
            .isVisible()
            .catch(() => false))
        ) {
          await signIn(page, server.baseUrl, server.tenant.key);
        }
        await page.goto(server.baseUrl + path);
        await page.getByRole('heading', { name: ready, level: 2 }).first().waitFor();
        // Audit the page with its data, not its spinners (an SSE stream keeps the network busy for ever).
        await page
          .waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
          .catch(() => undefined);
        expect(await accessibilityViolations(page)).toEqual([]);
      });
    });
  }

  it('finds no WCAG A/AA violation on /settings/api-keys for a platform admin (platform keys shown)', async () => {
    const admin = await openPage(browser);
    try {
      await step(admin, 'a11y-settings-platform-keys', async () => {
        await signIn(admin, server.baseUrl, server.adminKey);
        await admin.goto(server.baseUrl + '/settings/api-keys');
        await admin.getByRole('region', { name: 'Platform keys' }).waitFor();
        await admin
          .waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
          .catch(() => undefined);
        expect(await accessibilityViolations(admin)).toEqual([]);
      });
    } finally {
      await admin.context().close();
    }
  });
});
