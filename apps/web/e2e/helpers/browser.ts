import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium; tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
/** Every screenshot lands here (CI keeps artifacts/); SCREENSHOTS_DIR moves them elsewhere. */
export const SCREENSHOT_DIR = path.resolve(repoRoot, process.env.SCREENSHOTS_DIR ?? 'artifacts/screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A laptop-sized page (or phone-sized with `phone: true`) that fails the test on any uncaught page error. */
export async function openPage(browser: Browser, options: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    ...(options.phone ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** The pictures the root README shows; `npm run screenshots` refreshes them in docs/screenshots. */
export const README_SCREENSHOTS = new Set([
  'dashboard',
  'make-call',
  'call-live',
  'call-logs',
  'call-detail',
  'sounds',
  'recordings',
  'settings-dids',
  'settings-transfer-numbers',
  'settings-api-keys',
  'dashboard-phone',
  'phone-menu',
]);
const README_SCREENSHOT_DIR = path.join(repoRoot, 'docs/screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (process.env.UPDATE_README_SCREENSHOTS === '1' && README_SCREENSHOTS.has(name)) {
    fs.mkdirSync(README_SCREENSHOT_DIR, { recursive: true });
    fs.copyFileSync(file, path.join(README_SCREENSHOT_DIR, `${name}.png`));
  }
  return file;
}

/** Runs one step of a flow; if it fails, a screenshot named after the step is saved before the error goes on. */
export async function step<T>(page: Page, name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw error;
  }
}

/** Signs in through the form, as a user would. */
export async function signIn(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('pbx-state').waitFor();
}
