import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  CreateVoiceConnectorCommand,
  DeleteVoiceConnectorCommand,
  DisassociatePhoneNumbersFromVoiceConnectorCommand,
  GetPhoneNumberCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import { expect, it } from 'vitest';
import type { PhoneNumber } from '../../src/contract/phone-number.schema';
import { signedFetch } from '../../src/client/signed-fetch';
import { importNumbers, usNumbers } from '../support/inventory';
import { TEST_REGION } from '../support/test-server';
import { expectAccessible, screenshot, type ConsolePage } from './support/browser';
import { chooseAction, dialog, expectDialogRefusal, expectFlash, expectTableNumbers, flashCount, selectNumbers, tableNumbers } from './support/console-actions';
import { describeConsole } from './support/console-suite';

// 60 Voice Connector numbers (a full page of 50 and more), one Business Calling number and two
// non-US numbers, which can only be SIP Media Application Dial-In.
const VOICE_CONNECTOR_NUMBERS = usNumbers(60, 100);
const BUSINESS_CALLING_NUMBER = '+12065550300';
const UK_NUMBERS = ['+442079460001', '+442079460002'];
const ALL = [...VOICE_CONNECTOR_NUMBERS, BUSINESS_CALLING_NUMBER, ...UK_NUMBERS];

/**
 * Sorts by the Phone number column with the keyboard (its sort control, then Enter): the full-page
 * table's sticky header covers the column header once the page has scrolled, so a pointer click on it
 * is intercepted.
 */
async function sortByPhoneNumber(page: ConsolePage['page']): Promise<void> {
  await page.locator('table thead th', { hasText: 'Phone number' }).last().getByRole('button').first().focus();
  await page.keyboard.press('Enter');
}

describeConsole(
  'web console: Inventory',
  {
    seed: async (server) => {
      await importNumbers(server, VOICE_CONNECTOR_NUMBERS, 'VoiceConnector');
      await importNumbers(server, [BUSINESS_CALLING_NUMBER], 'BusinessCalling');
      await importNumbers(server, UK_NUMBERS, 'SipMediaApplicationDialIn');
    },
  },
  (suite) => {
    const getNumber = async (id: string) => (await suite.server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: id }))).PhoneNumber!;
    /** The first page of ListPhoneNumbers with numberyard's extension parameters, as the API answers it. */
    const apiNumbers = async (query: Record<string, string>) => {
      const response = await signedFetch<{ PhoneNumbers: PhoneNumber[] }>(
        { endpoint: suite.server.url, region: TEST_REGION, credentials: suite.server.admin.credentials },
        'GET',
        `/phone-numbers?${new URLSearchParams({ 'max-results': '50', ...query }).toString()}`,
      );
      expect(response.status).toBe(200);
      return response.body.PhoneNumbers.map((n) => n.E164PhoneNumber);
    };

    it('lists the inventory a page of 50 at a time, in number order, and pages with NextToken', async () => {
      const { console: console_, dialect } = suite;
      const { page } = console_;
      await page.goto('/console/inventory');
      await expectTableNumbers(page, ALL.slice(0, 50));
      // The side navigation marks Inventory as the current page, not its section heading as well.
      const current = await page.locator('a[aria-current="page"]').allInnerTexts();
      expect(current).toContain('Inventory');
      expect(current).not.toContain('Phone number management');
      await expectAccessible(page);
      await screenshot(page, `inventory-${dialect}`);

      await page.getByRole('button', { name: 'Next page' }).click();
      await expectTableNumbers(page, ALL.slice(50));
      expect(console_.apiCalls.some((call) => call.startsWith('GET /phone-numbers?') && call.includes('next-token='))).toBe(true);
      // Back from a number's details, and a reload, return to the page the user was on.
      await page.getByRole('link', { name: ALL[50]!, exact: true }).click();
      await page.waitForURL((url) => url.pathname === `/console/inventory/${encodeURIComponent(ALL[50]!)}`);
      await page.goBack();
      await expectTableNumbers(page, ALL.slice(50));
      await page.reload();
      await expectTableNumbers(page, ALL.slice(50));
      expect(await page.locator('li button[aria-current="true"]').innerText()).toBe('2');
      await page.getByRole('button', { name: 'Previous page' }).click();
      await expectTableNumbers(page, ALL.slice(0, 50));
      expect(console_.problems).toEqual([]);
    });

    it('filters by product type and status with the property filter, keeps the filter in the URL, and starts again at page 1', async () => {
      const { console: console_ } = suite;
      const { page } = console_;
      await page.goto('/console/inventory');
      await expectTableNumbers(page, ALL.slice(0, 50));
      await page.getByRole('button', { name: 'Next page' }).click();
      await expectTableNumbers(page, ALL.slice(50));

      const filter = page.getByRole('combobox', { name: 'Filter phone numbers' });
      await filter.click();
      await filter.fill('Product type = ');
      await page.getByRole('option', { name: 'SIP Media Application Dial-In' }).click();
      await expectTableNumbers(page, UK_NUMBERS);
      expect(new URL(page.url()).searchParams.get('product-type')).toBe('SipMediaApplicationDialIn');
      expect(await page.locator('li button[aria-current="true"]').innerText()).toBe('1');
      // Back to the list without the filter: to the page it was on.
      await page.goBack();
      await expectTableNumbers(page, ALL.slice(50));

      // A bookmarked filter: Unassigned Business Calling numbers.
      await page.goto('/console/inventory?status=Unassigned&product-type=BusinessCalling');
      await expectTableNumbers(page, [BUSINESS_CALLING_NUMBER]);
      await page.reload();
      await expectTableNumbers(page, [BUSINESS_CALLING_NUMBER]);
      expect(console_.apiCalls).toContain('GET /phone-numbers?status=Unassigned&product-type=BusinessCalling&max-results=50');

      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expectTableNumbers(page, ALL.slice(0, 50));
      expect(new URL(page.url()).search).toBe('');
      expect(console_.problems).toEqual([]);
    });

    it('filters by country with the property filter, as the API does, and keeps the country in the URL', async () => {
      const { console: console_, dialect } = suite;
      const { page } = console_;
      await page.goto('/console/inventory');
      await expectTableNumbers(page, ALL.slice(0, 50));
      const filter = page.getByRole('combobox', { name: 'Filter phone numbers' });
      await filter.click();
      await filter.fill('Country = gb');
      await filter.press('Enter');
      await expectTableNumbers(page, UK_NUMBERS);
      expect(new URL(page.url()).searchParams.get('country')).toBe('GB');
      expect(console_.apiCalls).toContain('GET /phone-numbers?country=GB&max-results=50');
      expect(await apiNumbers({ country: 'GB' })).toEqual(UK_NUMBERS);
      await screenshot(page, `inventory-country-filter-${dialect}`);

      // Bookmarked: US numbers that are Business Calling.
      await page.goto('/console/inventory?country=US&product-type=BusinessCalling');
      await expectTableNumbers(page, [BUSINESS_CALLING_NUMBER]);
      expect(await apiNumbers({ country: 'US', 'product-type': 'BusinessCalling' })).toEqual([BUSINESS_CALLING_NUMBER]);
      expect(console_.problems).toEqual([]);
    });

    it('filters by number prefix: the Phone number property, or free text that looks like a number', async () => {
      const { console: console_ } = suite;
      const { page } = console_;
      await page.goto('/console/inventory');
      await expectTableNumbers(page, ALL.slice(0, 50));
      const filter = page.getByRole('combobox', { name: 'Filter phone numbers' });
      await filter.click();
      await filter.fill('Phone number ^ +44');
      await filter.press('Enter');
      await expectTableNumbers(page, UK_NUMBERS);
      expect(new URL(page.url()).searchParams.get('number-prefix')).toBe('+44');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expectTableNumbers(page, ALL.slice(0, 50));

      // Typed as people write numbers: spaces and brackets are dropped, and it is a prefix.
      await filter.click();
      await filter.fill('+1 (206) 555-015');
      await filter.press('Enter');
      const expected = VOICE_CONNECTOR_NUMBERS.filter((n) => n.startsWith('+1206555015'));
      await expectTableNumbers(page, expected);
      expect(new URL(page.url()).searchParams.get('number-prefix')).toBe('+1206555015');
      expect(console_.apiCalls).toContain('GET /phone-numbers?number-prefix=%2B1206555015&max-results=50');
      expect(await apiNumbers({ 'number-prefix': '+1206555015' })).toEqual(expected);
      await expectAccessible(page);

      // A bookmarked prefix.
      await page.goto('/console/inventory?number-prefix=%2B1206555030');
      await expectTableNumbers(page, [BUSINESS_CALLING_NUMBER]);
      expect(console_.problems).toEqual([]);
    });

    it('says which free text it cannot filter by instead of dropping it, and reads "+1206" or "1206" as a number prefix', async () => {
      const { console: console_, dialect } = suite;
      const { page } = console_;
      await page.goto('/console/inventory?product-type=VoiceConnector');
      await expectTableNumbers(page, VOICE_CONNECTOR_NUMBERS.slice(0, 50));
      const filter = page.getByRole('combobox', { name: 'Filter phone numbers' });
      const listCalls = () => console_.apiCalls.filter((call) => call.startsWith('GET /phone-numbers?')).length;
      const callsBefore = listCalls();
      await filter.click();
      await filter.fill('Seattle PBX');
      await filter.press('Enter');
      // Said below the filter, with what was typed; the filter and the list stay as they were.
      const notice = page.getByText('Not applied: "Seattle PBX".');
      await notice.waitFor();
      await page.getByText('Free text finds the phone numbers that start with it, such as +1206').first().waitFor();
      expect(new URL(page.url()).search).toBe('?product-type=VoiceConnector');
      await expectTableNumbers(page, VOICE_CONNECTOR_NUMBERS.slice(0, 50));
      expect(listCalls()).toBe(callsBefore);
      await expectAccessible(page);
      await screenshot(page, `inventory-free-text-not-applied-${dialect}`);

      // A typed value the API does not know is said the same way.
      await filter.fill('Country = Germany');
      await filter.press('Enter');
      await page.getByText('Not applied: Country = Germany.').waitFor();
      expect(new URL(page.url()).search).toBe('?product-type=VoiceConnector');

      // A number, with or without its '+', is the Phone number filter; the notice goes.
      await filter.fill('+1206555010');
      await filter.press('Enter');
      const expected = VOICE_CONNECTOR_NUMBERS.filter((n) => n.startsWith('+1206555010'));
      await expectTableNumbers(page, expected);
      expect(new URL(page.url()).searchParams.get('number-prefix')).toBe('+1206555010');
      expect(new URL(page.url()).searchParams.get('product-type')).toBe('VoiceConnector');
      expect(await page.getByText('Not applied:').count()).toBe(0);
      await page.getByText('Phone number ^ +1206555010').waitFor();
      expect(await apiNumbers({ 'product-type': 'VoiceConnector', 'number-prefix': '+1206555010' })).toEqual(expected);

      await filter.fill('1206555011');
      await filter.press('Enter');
      await expectTableNumbers(page, VOICE_CONNECTOR_NUMBERS.filter((n) => n.startsWith('+1206555011')));
      expect(new URL(page.url()).searchParams.get('number-prefix')).toBe('+1206555011');
      expect(console_.apiCalls).toContain('GET /phone-numbers?product-type=VoiceConnector&number-prefix=%2B1206555011&max-results=50');

      // Free text cannot ask for "does not contain", which the API cannot do.
      await filter.fill('');
      await filter.click();
      await filter.fill('+44');
      expect(await page.getByRole('option', { name: /Does not contain/ }).count()).toBe(0);
      await filter.press('Escape');
      expect(console_.problems).toEqual([]);
    });

    it('sorts by phone number in descending order on the server, starting again at page 1', async () => {
      const { console: console_, dialect } = suite;
      const { page } = console_;
      const descending = [...ALL].reverse();
      await page.goto('/console/inventory');
      await expectTableNumbers(page, ALL.slice(0, 50));
      await page.getByRole('button', { name: 'Next page' }).click();
      await expectTableNumbers(page, ALL.slice(50));

      await sortByPhoneNumber(page);
      await expectTableNumbers(page, descending.slice(0, 50));
      expect(await page.locator('li button[aria-current="true"]').innerText()).toBe('1');
      expect(new URL(page.url()).searchParams.get('sort-order')).toBe('desc');
      expect(console_.apiCalls).toContain('GET /phone-numbers?sort-order=desc&max-results=50');
      expect(await apiNumbers({ 'sort-order': 'desc' })).toEqual(descending.slice(0, 50));
      expect(await page.locator('table thead th', { hasText: 'Phone number' }).last().getAttribute('aria-sort')).toBe('descending');
      await screenshot(page, `inventory-descending-${dialect}`);

      // The next page follows on in the same order, with a descending NextToken.
      await page.getByRole('button', { name: 'Next page' }).click();
      await expectTableNumbers(page, descending.slice(50));
      expect(console_.apiCalls.some((call) => call.startsWith('GET /phone-numbers?sort-order=desc&max-results=50&next-token='))).toBe(true);

      // A filter keeps the order; sorting again goes back to ascending.
      await page.goto('/console/inventory?sort-order=desc&product-type=SipMediaApplicationDialIn');
      await expectTableNumbers(page, [...UK_NUMBERS].reverse());
      await sortByPhoneNumber(page);
      await expectTableNumbers(page, UK_NUMBERS);
      expect(new URL(page.url()).searchParams.get('sort-order')).toBeNull();
      expect(console_.problems).toEqual([]);
    });

    it('edits the product type of several unassigned numbers at once', async () => {
      const { console: console_, dialect } = suite;
      const { page } = console_;
      const [first, second] = VOICE_CONNECTOR_NUMBERS as [string, string];
      await page.goto('/console/inventory');
      await expectTableNumbers(page, ALL.slice(0, 50));
      await selectNumbers(page, [first, second]);
      await page.getByRole('button', { name: 'Edit product type' }).click();
      await dialog(page).getByRole('radio', { name: /^Business Calling/ }).check();
      await screenshot(page, `edit-product-type-${dialect}`);
      await expectAccessible(page);
      await dialog(page).getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'Product type of 2 phone numbers changed to Business Calling.');

      expect((await getNumber(first)).ProductType).toBe('BusinessCalling');
      expect((await getNumber(second)).ProductType).toBe('BusinessCalling');
      expect(console_.apiCalls.filter((call) => call === 'POST /phone-numbers?operation=batch-update')).toHaveLength(1);
      const firstRow = page.locator('table tbody tr', { hasText: first });
      await expect.poll(() => firstRow.innerText()).toContain('Business Calling');
    });

    it('keeps Edit product type open when the API refuses the number, saying why; nothing changes', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const taken = VOICE_CONNECTOR_NUMBERS[30]!;
      await page.goto('/console/inventory');
      await expectTableNumbers(page, ALL.slice(0, 50));
      await selectNumbers(page, [taken]);
      await page.getByRole('button', { name: 'Edit product type' }).click();
      const modal = dialog(page);
      const businessCalling = modal.getByRole('radio', { name: /^Business Calling/ });
      await businessCalling.check();
      // Someone assigns the number meanwhile: only the API can know that it may no longer change.
      const { VoiceConnector } = await server.admin.voice.send(new CreateVoiceConnectorCommand({ Name: 'Tacoma trunk', RequireEncryption: true }));
      const connectorId = VoiceConnector!.VoiceConnectorId!;
      await server.admin.voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connectorId, E164PhoneNumbers: [taken] }));

      await modal.getByRole('button', { name: 'Save' }).click();
      await expectDialogRefusal(page, `${taken} was not changed`);
      await expectDialogRefusal(page, `The product type of ${taken} can only be changed while it is Unassigned; it is Assigned`);
      expect(await businessCalling.isChecked()).toBe(true);
      expect((await getNumber(taken)).ProductType).toBe('VoiceConnector');
      expect(await flashCount(page, 'was not changed')).toBe(0);
      await expectAccessible(page);
      await screenshot(page, `edit-product-type-refused-${dialect}`);

      // Closed, the list is read again: the number shows what holds it now, and cannot change product type.
      await modal.getByRole('button', { name: 'Cancel' }).click();
      await modal.waitFor({ state: 'hidden' });
      const row = page.locator('table tbody tr', { hasText: taken });
      await expect.poll(() => row.innerText()).toContain('Voice connector Tacoma trunk');
      expect(await page.getByRole('button', { name: 'Edit product type' }).isDisabled()).toBe(true);
      expect(console_.problems).toEqual([]);

      // As it was, for the tests that follow.
      await server.admin.voice.send(new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: connectorId, E164PhoneNumbers: [taken] }));
      await server.admin.voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: connectorId }));
    });

    it('offers only SIP Media Application Dial-In for non-US numbers and says why; saves nothing without a choice', async () => {
      const { console: console_, dialect } = suite;
      const { page } = console_;
      await page.goto('/console/inventory?product-type=SipMediaApplicationDialIn');
      await expectTableNumbers(page, UK_NUMBERS);
      await selectNumbers(page, [UK_NUMBERS[0]!]);
      await page.getByRole('button', { name: 'Edit product type' }).click();
      const modal = dialog(page);
      await modal.getByText('Numbers outside the US can only use the SIP Media Application Dial-In product type.').first().waitFor();
      expect(await modal.getByRole('radio', { name: /^Business Calling/ }).isDisabled()).toBe(true);
      expect(await modal.getByRole('radio', { name: /^Voice Connector/ }).isDisabled()).toBe(true);
      expect(await modal.getByRole('radio', { name: /^SIP Media Application Dial-In/ }).isEnabled()).toBe(true);
      await screenshot(page, `edit-product-type-non-us-${dialect}`);
      await modal.getByRole('button', { name: 'Cancel' }).click();
      expect((await getNumber(UK_NUMBERS[0]!)).ProductType).toBe('SipMediaApplicationDialIn');

      // Numbers of different product types: nothing is chosen, and Save asks for a choice without calling the API.
      await page.goto('/console/inventory?status=Unassigned');
      await expectTableNumbers(page, ALL.slice(0, 50));
      await selectNumbers(page, [VOICE_CONNECTOR_NUMBERS[0]!, VOICE_CONNECTOR_NUMBERS[10]!]);
      const before = console_.apiCalls.length;
      await page.getByRole('button', { name: 'Edit product type' }).click();
      await dialog(page).getByRole('button', { name: 'Save' }).click();
      await dialog(page).getByText('Choose a product type.').waitFor();
      expect(console_.apiCalls.slice(before).filter((call) => call.startsWith('POST'))).toEqual([]);
      await dialog(page).getByRole('button', { name: 'Cancel' }).click();
      expect((await getNumber(VOICE_CONNECTOR_NUMBERS[10]!)).ProductType).toBe('VoiceConnector');
    });

    it('shows what holds a number, what it can do and its history (Actions > View details)', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const held = VOICE_CONNECTOR_NUMBERS[59]!;
      const { VoiceConnector } = await server.admin.voice.send(new CreateVoiceConnectorCommand({ Name: 'Seattle trunk', RequireEncryption: true }));
      const connectorId = VoiceConnector!.VoiceConnectorId!;
      await server.admin.voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connectorId, E164PhoneNumbers: [held] }));

      // The filter offers the connector by name, filters by its id, and its token shows the name.
      await page.goto('/console/inventory');
      const filter = page.getByRole('combobox', { name: 'Filter phone numbers' });
      await filter.click();
      await filter.fill('Assigned to voice connector = Seattle');
      await page.getByRole('option', { name: /Seattle trunk/ }).click();
      await expectTableNumbers(page, [held]);
      expect(new URL(page.url()).searchParams.get('filter-name')).toBe('VoiceConnectorId');
      expect(new URL(page.url()).searchParams.get('filter-value')).toBe(connectorId);
      await page.getByText('Assigned to voice connector = Seattle trunk').waitFor();

      await page.goto('/console/inventory?status=Assigned');
      await expectTableNumbers(page, [held]);
      await selectNumbers(page, [held]);
      await chooseAction(page, 'View details');
      await page.getByRole('heading', { name: held, level: 1 }).waitFor();
      const associations = page.locator('[data-testid="associations"]');
      // By name, with the id beside it for those who need it.
      await associations.getByRole('link', { name: 'Seattle trunk' }).waitFor();
      expect(await associations.innerText()).toContain('Voice connector');
      expect(await associations.innerText()).toContain(`ID ${connectorId}`);
      expect(await page.getByText('Inbound calls enabled').count()).toBe(1);
      expect(await page.getByText('Inbound SMS not enabled').count()).toBe(1);
      await page.getByRole('cell', { name: 'AssociatePhoneNumbersWithVoiceConnector' }).waitFor();
      // The history says what changed in the console's words, naming the holder.
      await page.getByRole('cell', { name: /Assigned to: nothing → Voice connector Seattle trunk/ }).waitFor();
      expect(await page.getByRole('cell', { name: /Status: Unassigned → Assigned/ }).count()).toBe(1);
      expect(await page.getByText('"Name":"VoiceConnectorId"').count()).toBe(0);
      await expectAccessible(page);
      await screenshot(page, `phone-number-details-${dialect}`);

      // A Business Calling US local number can text.
      await page.goto(`/console/inventory/${encodeURIComponent(BUSINESS_CALLING_NUMBER)}`);
      await page.getByText('Inbound SMS enabled').waitFor();
      expect(await page.getByText('Not assigned to anything.').count()).toBe(1);
      expect(console_.problems).toEqual([]);
    });

    it('deletes unassigned numbers after confirmation and restores them from Deleted numbers', async () => {
      const { console: console_, dialect } = suite;
      const { page } = console_;
      const doomed = [VOICE_CONNECTOR_NUMBERS[20]!, VOICE_CONNECTOR_NUMBERS[21]!];
      await page.goto('/console/inventory');
      await expectTableNumbers(page, ALL.slice(0, 50));
      await selectNumbers(page, doomed);
      await chooseAction(page, 'Delete');
      await dialog(page).getByText('Delete 2 phone numbers from the inventory?').waitFor();
      await dialog(page).getByRole('button', { name: 'Delete' }).click();
      await expectFlash(page, /2 phone numbers deleted/);
      for (const number of doomed) expect((await getNumber(number)).Status).toBe('DeleteInProgress');

      await page.getByRole('link', { name: 'Deleted numbers' }).click();
      await page.getByRole('heading', { name: 'Deleted numbers', level: 1 }).waitFor();
      await expectTableNumbers(page, doomed, 'Loading deleted numbers');
      await expectAccessible(page);
      await screenshot(page, `deleted-numbers-${dialect}`);

      await selectNumbers(page, [doomed[0]!]);
      await page.getByRole('button', { name: 'Restore' }).click();
      await expectFlash(page, `${doomed[0]} restored to the inventory.`);
      await expectTableNumbers(page, [doomed[1]!], 'Loading deleted numbers');
      expect((await getNumber(doomed[0]!)).Status).toBe('Unassigned');
      expect((await getNumber(doomed[1]!)).Status).toBe('DeleteInProgress');
      expect(await tableNumbers(page, 'Loading deleted numbers')).toEqual([doomed[1]]);
      expect(console_.problems).toEqual([]);
    });
  },
);
