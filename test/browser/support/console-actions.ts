// What a user does on the console's pages, in their words: the tests read as the procedures.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until the table has finished loading and returns the phone numbers of its rows, in order. */
export async function tableNumbers(page: Page, loadingText = 'Loading phone numbers'): Promise<string[]> {
  await page.getByText(loadingText).first().waitFor({ state: 'hidden' });
  const rows = await page.locator('table tbody tr').allInnerTexts();
  return rows.map((row) => /\+\d+/.exec(row)?.[0]).filter((n): n is string => n !== undefined);
}

/** Polls the table until it shows `expected` (paging and filtering load asynchronously). */
export async function expectTableNumbers(page: Page, expected: string[], loadingText?: string): Promise<void> {
  await expect.poll(() => tableNumbers(page, loadingText), { timeout: 15_000 }).toEqual(expected);
}

export async function selectNumbers(page: Page, numbers: string[]): Promise<void> {
  for (const number of numbers) await page.getByRole('checkbox', { name: `Select ${number}` }).check();
}

export async function chooseAction(page: Page, action: string): Promise<void> {
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: action }).click();
}

/** The text of the Flashbar once a message containing `text` is shown. */
export async function expectFlash(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('region', { name: 'Notifications' }).getByText(text).first().waitFor({ timeout: 15_000 });
}

export function dialog(page: Page) {
  return page.getByRole('dialog');
}

/** Waits until the open dialog shows an API refusal (its error alert, above the form) containing `text`. */
export async function expectDialogRefusal(page: Page, text: string | RegExp): Promise<void> {
  await dialog(page).getByTestId('dialog-refusal').getByText(text).first().waitFor({ timeout: 15_000 });
}

/** How many messages containing `text` the page's Flashbar shows (behind an open dialog, nobody can read them). */
export function flashCount(page: Page, text: string | RegExp): Promise<number> {
  return page.getByRole('region', { name: 'Notifications' }).getByText(text).count();
}

/** Opens a Cloudscape Select (found by the text it shows, such as its placeholder) and picks an option. */
export async function choose(page: Page, shownText: string | RegExp, option: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: shownText }).first().click();
  await page.getByRole('option', { name: option }).first().click();
}
