// One Chromium per test file, Debian's own (/usr/bin/chromium): never a browser downloaded by a tool.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Credentials } from '../../support/test-server';

export const CHROMIUM_PATH = process.env.NUMBERYARD_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = path.resolve('test-artifacts', 'screenshots');

/** False (and the suite is skipped, saying why) only outside CI; in CI a missing Chromium is a failure. */
export const HAS_CHROMIUM = (() => {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: .ci/run must apt-get install chromium for the browser tests`);
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set NUMBERYARD_CHROMIUM).`);
  return false;
})();

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ConsolePage {
  page: Page;
  /** Uncaught exceptions and console errors (CSP violations among them) seen so far. */
  problems: string[];
  /** Every API request the page made, as "METHOD /path?query". */
  apiCalls: string[];
  close(): Promise<void>;
}

const API_PATH = /^\/(phone-numbers|phone-number-orders|search|voice-connectors|voice-connector-groups|sip-media-applications|sip-rules|accounts|settings|console\/api)(\/|\?|$)/;

/** A fresh browser context (own cookies) on the server, watching for page errors. */
export async function openConsole(browser: Browser, baseUrl: string): Promise<ConsolePage> {
  // Reduced motion: Cloudscape then shows messages without fading in, so checks never see a half-drawn page.
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  const apiCalls: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A failed request (a 401 before sign-in, a refused change) is logged by Chromium; the tests check those answers themselves.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (API_PATH.test(url.pathname)) apiCalls.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return { page, problems, apiCalls, close: () => context.close() };
}

/** Signs in on the sign-in page (opened first unless `onSignInPage`) and waits for the page it leads to. */
export async function signIn(page: Page, credentials: Credentials, options: { onSignInPage?: boolean } = {}): Promise<void> {
  if (!options.onSignInPage) await page.goto('/console/');
  await page.getByLabel('Access key ID').fill(credentials.accessKeyId);
  await page.getByLabel('Secret access key').fill(credentials.secretAccessKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor({ timeout: 15_000 });
}

/** No serious or critical WCAG 2.x A/AA violation on what the page shows now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
