// The set-up every browser test file shares: one Chromium per file, and per dialect a fresh server
// (seeded first) with a console page signed in as the first administrator.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import type { Dialect } from '../../../src/storage/database';
import { DIALECTS } from '../../support/dialects';
import { startTestServer, type TestServer } from '../../support/test-server';
import { HAS_CHROMIUM, launchChromium, openConsole, signIn, type ConsolePage } from './browser';

export interface ConsoleSuiteOptions {
  /** startTestServer's options, such as a faster job interval. */
  server?: Parameters<typeof startTestServer>[1];
  /** Loads what the tests start from (numbers, pools) before the console opens. */
  seed?(server: TestServer): Promise<unknown>;
  /** False: no shared page is signed in; the tests open their own with open() (the sign-in tests). */
  signIn?: boolean;
}

/** What a test of one dialect works with; server and console exist once the suite's beforeAll has run. */
export interface ConsoleSuite {
  readonly dialect: Dialect;
  readonly server: TestServer;
  /** The signed-in page shared by the dialect's tests, which run in order and build on each other. */
  readonly console: ConsolePage;
  /** A fresh browser context (own cookies, not signed in), closed after the test. */
  open(): Promise<ConsolePage>;
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The console suite's ${what} is used before its beforeAll ran (or after it failed)`);
  return value;
}

/** Declares `title` (skipped without Chromium) with one `[dialect]` describe per dialect, whose tests `body` declares. */
export function describeConsole(title: string, options: ConsoleSuiteOptions, body: (suite: ConsoleSuite) => void): void {
  describe.skipIf(!HAS_CHROMIUM)(title, () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => browser?.close());

    for (const dialect of DIALECTS) {
      describe(`[${dialect}]`, () => {
        let server: TestServer | undefined;
        let shared: ConsolePage | undefined;
        const opened: ConsolePage[] = [];
        const suite: ConsoleSuite = {
          dialect,
          get server() {
            return started(server, 'server');
          },
          get console() {
            return started(shared, 'console page');
          },
          async open() {
            const page = await openConsole(started(browser, 'browser'), started(server, 'server').url);
            opened.push(page);
            return page;
          },
        };

        beforeAll(async () => {
          server = await startTestServer(dialect, options.server);
          await options.seed?.(server);
          if (options.signIn === false) return;
          shared = await openConsole(started(browser, 'browser'), server.url);
          await signIn(shared.page, server.admin.credentials);
        });
        // Contexts a test opened are closed even when it fails.
        afterEach(async () => {
          await Promise.all(opened.splice(0).map((page) => page.close()));
        });
        afterAll(async () => {
          await shared?.close();
          await server?.close();
        });

        body(suite);
      });
    }
  });
}
