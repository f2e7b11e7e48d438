// The console benchmark (not part of `npm test`): run with `npm run bench:console`.
// Time from navigating to Calling > Phone number management > Inventory (in a signed-in session) until
// the table shows its first page, with 1,000,000 numbers in the inventory next to the same with 100
// numbers, measured in the same run, in Debian's Chromium driven by playwright-core. Goal: <= 1.5x.
// Rounds alternate between the two inventories so that a busy moment of the machine hits both alike.
// Prints the JSON report on stdout (also written to bench/results/), then a short summary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import buildConsole from '../test/browser/support/build-console';
import { createServices } from '../src/services';
import { systemClock } from '../src/services/service-context';
import { databaseTargetOf, masterKeyOf } from '../src/server';
import { createSecretBox } from '../src/services/secret-box';
import { openDatabase } from '../src/storage/database';
import { migrateToLatest } from '../src/storage/migrator';
import { phoneNumberRepository, type NewPhoneNumberRow } from '../src/storage/repositories/phone-number.repository';
import { benchNumber, INVENTORY_SIZE } from './support/numbers';
import { startServerChild, type ServerChild } from './support/server-child';
import { percentile, progress, round } from './support/stats';

const REGION = 'us-east-1';
const GOAL_RATIO = 1.5;
const SMALL_SIZE = 100;
const WARMUP_ROUNDS = 2;
const ROUNDS = 9;
const PAGE_SIZE = 50;
/** Rows per transaction when loading: one transaction per 50,000 rows keeps the load to seconds. */
const LOAD_TRANSACTION_ROWS = 50_000;
const CHROMIUM_PATH = process.env.NUMBERYARD_CHROMIUM ?? '/usr/bin/chromium';
// The same flags as test/browser/support/browser.ts launchChromium (which needs vitest, so is not imported).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The views timed: the plain Inventory (the goal's figure), and the new descending sort and country filter. */
const VIEWS = [
  { name: 'inventory', search: '', first: () => benchNumber(0).e164, last: (size: number) => benchNumber(Math.min(size, PAGE_SIZE) - 1).e164 },
  { name: 'descending', search: '?sort-order=desc', first: (size: number) => benchNumber(size - 1).e164, last: (size: number) => benchNumber(size - Math.min(size, PAGE_SIZE)).e164 },
  { name: 'country US, Unassigned', search: '?status=Unassigned&country=US', first: () => benchNumber(0).e164, last: (size: number) => benchNumber(Math.min(size, PAGE_SIZE) - 1).e164 },
] as const;

interface Inventory {
  size: number;
  dataDir: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  loadSeconds: number;
}

/** A fresh SQLite data directory whose organization holds the first `size` benchmark numbers, inserted through the repository. */
async function prepareInventory(workDir: string, size: number): Promise<Inventory> {
  const dataDir = path.join(workDir, `inventory-${size}`);
  const target = databaseTargetOf({ dataDir, databaseUrl: undefined });
  if (target.kind !== 'sqlite') throw new Error('the benchmark needs the SQLite target');
  fs.mkdirSync(dataDir, { recursive: true });
  const database = openDatabase(target);
  try {
    await migrateToLatest(database.db);
    // The master key file the server started on this data directory will read, so that it can check the key made here.
    const services = createServices({
      database,
      clock: systemClock,
      settings: { region: REGION, deletionRestoreWindowMs: 7 * 86_400_000 },
      secretBox: createSecretBox(masterKeyOf({ dataDir, masterKey: undefined })),
    });
    await services.organizations.bootstrapAdministrator();
    const organization = await services.organizations.createOrganization('Bench organization');
    const key = await services.organizations.createAccessKey(organization.OrganizationId, { isAdmin: false });
    const now = new Date().toISOString();
    const startedAt = process.hrtime.bigint();
    for (let first = 0; first < size; first += LOAD_TRANSACTION_ROWS) {
      const rows: NewPhoneNumberRow[] = [];
      for (let i = first; i < Math.min(first + LOAD_TRANSACTION_ROWS, size); i += 1) {
        const n = benchNumber(i);
        rows.push({
          e164: n.e164, organization_id: organization.OrganizationId, country: 'US', number_type: 'Local', area_code: n.areaCode,
          product_type: n.productType, status: 'Unassigned', calling_name_status: 'Unassigned', created_at: now, updated_at: now, version: 1,
        });
      }
      const inserted = await database.db.transaction().execute((trx) => phoneNumberRepository.insertNew(trx, rows, database.maxBindParameters));
      if (inserted.length !== rows.length) throw new Error(`transaction at ${first} inserted ${inserted.length} of ${rows.length} rows`);
      if ((first + LOAD_TRANSACTION_ROWS) % 250_000 === 0) progress(`loaded ${first + LOAD_TRANSACTION_ROWS} numbers`);
    }
    const loadSeconds = round(Number(process.hrtime.bigint() - startedAt) / 1e9);
    return { size, dataDir, credentials: { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }, loadSeconds };
  } finally {
    await database.db.destroy();
  }
}

/** A browser context signed in to the console of `server` (HttpOnly session cookie), as a user would. */
async function signedInPage(browser: Browser, server: ServerChild, inventory: Inventory): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1400, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto('/console/');
  await page.getByLabel('Access key ID').fill(inventory.credentials.accessKeyId);
  await page.getByLabel('Secret access key').fill(inventory.credentials.secretAccessKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inventory', level: 1 }).waitFor({ timeout: 30_000 });
  return page;
}

/**
 * Milliseconds from the start of the navigation until the table shows the view's first page: its
 * first and last expected numbers are in the rows and the loading row is gone. The page is left for
 * about:blank first, so that every round loads the console afresh (the browser's cache may serve its
 * assets, as it would for a returning user).
 */
async function timeFirstPage(page: Page, view: (typeof VIEWS)[number], size: number): Promise<number> {
  await page.goto('about:blank');
  const first = view.first(size);
  const last = view.last(size);
  const startedAt = process.hrtime.bigint();
  await page.goto(`/console/inventory${view.search}`, { waitUntil: 'commit' });
  await page.waitForFunction(
    ([firstNumber, lastNumber, rows]) => {
      // Runs in the page; the bench is type-checked without the DOM library.
      const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> } };
      const shown = Array.from(document.querySelectorAll('table tbody tr'), (row) => /\+\d+/.exec(row.textContent ?? '')?.[0]);
      return shown.length === rows && shown[0] === firstNumber && shown[rows - 1] === lastNumber;
    },
    [first, last, Math.min(size, PAGE_SIZE)] as const,
    { timeout: 60_000, polling: 'raf' },
  );
  return Number(process.hrtime.bigint() - startedAt) / 1e6;
}

async function main() {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set NUMBERYARD_CHROMIUM)`);
  const startedAt = Date.now();
  const loadAtStart = os.loadavg();
  await buildConsole();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-console-bench-'));
  const servers: ServerChild[] = [];
  let browser: Browser | undefined;
  try {
    progress(`loading ${INVENTORY_SIZE} numbers through the repository, ${LOAD_TRANSACTION_ROWS} per transaction`);
    const large = await prepareInventory(workDir, INVENTORY_SIZE);
    const small = await prepareInventory(workDir, SMALL_SIZE);
    const inventories = [large, small];
    for (const inventory of inventories) servers.push(await startServerChild('numberyard', inventory.dataDir));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    const pages = await Promise.all(inventories.map((inventory, i) => signedInPage(browser!, servers[i]!, inventory)));

    const samples = new Map<string, number[]>();
    for (const view of VIEWS) {
      progress(`timing the first page of ${view.name}: ${WARMUP_ROUNDS} warm-up and ${ROUNDS} measured rounds per inventory`);
      for (let round_ = 0; round_ < WARMUP_ROUNDS + ROUNDS; round_ += 1) {
        // Alternate which inventory goes first, so neither always follows the other.
        const order = round_ % 2 === 0 ? [0, 1] : [1, 0];
        for (const i of order) {
          const ms = await timeFirstPage(pages[i]!, view, inventories[i]!.size);
          if (round_ < WARMUP_ROUNDS) continue;
          const key = `${view.name}/${inventories[i]!.size}`;
          samples.set(key, [...(samples.get(key) ?? []), ms]);
        }
      }
    }

    const figures = VIEWS.map((view) => {
      const of = (size: number) => {
        const values = samples.get(`${view.name}/${size}`)!;
        return { rounds: values.length, medianMs: round(percentile(values, 50), 1), minMs: round(Math.min(...values), 1), maxMs: round(Math.max(...values), 1) };
      };
      const atLarge = of(large.size);
      const atSmall = of(small.size);
      return { view: view.name, url: `/console/inventory${view.search}`, [`${large.size}Numbers`]: atLarge, [`${small.size}Numbers`]: atSmall, ratio: round(atLarge.medianMs / atSmall.medianMs, 3) };
    });
    const headline = figures[0]!;
    const report = {
      benchmark: 'console-first-page',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageAtStart: loadAtStart.map((l) => round(l)), node: process.version },
      browser: { executable: CHROMIUM_PATH, version: browser.version() },
      measures: 'navigation to /console/inventory in a signed-in session until the table shows the first page (first and last of its 50 numbers in order, loading row gone)',
      inventories: inventories.map((i) => ({ numbers: i.size, loadSeconds: i.loadSeconds })),
      goal: { ratio: GOAL_RATIO, met: headline.ratio <= GOAL_RATIO },
      figures,
      durationSeconds: round((Date.now() - startedAt) / 1000, 1),
    };
    const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(path.join(resultsDir, `console-first-page-${report.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
    for (const f of figures) {
      console.log(`${f.view}: median ${(f[`${large.size}Numbers`] as { medianMs: number }).medianMs} ms at ${large.size} numbers vs ${(f[`${small.size}Numbers`] as { medianMs: number }).medianMs} ms at ${small.size}: ${f.ratio}x`);
    }
    console.log(`goal <= ${GOAL_RATIO}x for the Inventory's first page: ${report.goal.met ? 'met' : 'NOT met'} (${headline.ratio}x)`);
  } finally {
    await browser?.close();
    for (const server of servers) await server.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
