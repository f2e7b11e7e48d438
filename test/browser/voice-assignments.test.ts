import {
  CreateVoiceConnectorCommand,
  DeleteVoiceConnectorCommand,
  GetPhoneNumberCommand,
  GetVoiceConnectorCommand,
  GetVoiceConnectorGroupCommand,
  ListVoiceConnectorGroupsCommand,
  ListVoiceConnectorsCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import { expect, it } from 'vitest';
import { importNumbers, usNumbers } from '../support/inventory';
import { expectAccessible, screenshot } from './support/browser';
import { choose, dialog, expectDialogRefusal, expectFlash, expectTableNumbers, flashCount, selectNumbers } from './support/console-actions';
import { describeConsole } from './support/console-suite';

const NUMBERS = usNumbers(4, 700);

describeConsole(
  'web console: voice connectors, groups, Assign / Reassign / Unassign',
  { seed: (server) => importNumbers(server, NUMBERS, 'VoiceConnector') },
  (suite) => {
    const associationsOf = async (number: string) => {
      const { PhoneNumber } = await suite.server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }));
      return { status: PhoneNumber!.Status, associations: PhoneNumber!.Associations!.map(({ Name, Value }) => ({ Name, Value })) };
    };

    it('creates a voice connector and a group with member priorities, checking the forms first', async () => {
      const { server, console: console_, dialect } = suite;
      const { page, apiCalls } = console_;
      await page.getByRole('link', { name: 'Voice connectors', exact: true }).click();
      await page.getByRole('heading', { name: 'Voice connectors', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Create voice connector' }).click();
      await dialog(page).getByRole('button', { name: 'Create' }).click();
      await dialog(page).getByText('Enter a name for the voice connector.').waitFor();
      expect(apiCalls.filter((call) => call.startsWith('POST /voice-connectors'))).toEqual([]);
      await dialog(page).getByLabel('Name').fill('Seattle trunk');
      await dialog(page).getByRole('button', { name: 'Create' }).click();
      await expectFlash(page, 'Voice connector Seattle trunk created.');
      await page.getByRole('cell', { name: 'Seattle trunk' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, `voice-connectors-${dialect}`);
      const { VoiceConnectors } = await server.admin.voice.send(new ListVoiceConnectorsCommand({}));
      expect(VoiceConnectors!.map((c) => c.Name)).toEqual(['Seattle trunk']);

      // A connector the page lists, which someone else deletes before the user creates a group with it.
      const { VoiceConnector: gone } = await server.admin.voice.send(new CreateVoiceConnectorCommand({ Name: 'Gone trunk', RequireEncryption: true }));
      const groupPosts = () => apiCalls.filter((call) => call.startsWith('POST /voice-connector-groups'));
      await page.getByRole('link', { name: 'Voice connector groups' }).click();
      await page.getByRole('button', { name: 'Create voice connector group' }).click();
      const modal = dialog(page);
      await modal.getByLabel('Name').fill('West');
      await choose(page, /Choose a voice connector/, /^Gone trunk/);
      await server.admin.voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: gone!.VoiceConnectorId! }));

      // The API refuses what the browser cannot know. The dialog stays open with what the user entered and says why.
      await modal.getByRole('button', { name: 'Create' }).click();
      await expectDialogRefusal(page, 'The voice connector group was not created');
      await expectDialogRefusal(page, `Voice Connector ${gone!.VoiceConnectorId} not found`);
      expect(groupPosts()).toHaveLength(1);
      expect((await server.admin.voice.send(new ListVoiceConnectorGroupsCommand({}))).VoiceConnectorGroups).toEqual([]);
      expect(await modal.getByLabel('Name').inputValue()).toBe('West');
      await modal.getByRole('button', { name: /Voice connector 1/ }).getByText('Gone trunk').waitFor();
      expect(await modal.getByRole('button', { name: 'Create' }).isEnabled()).toBe(true);
      expect(await flashCount(page, 'was not created')).toBe(0);
      await expectAccessible(page);
      await screenshot(page, `voice-connector-group-create-refused-${dialect}`);

      // The user puts another connector in its place (twice, which the browser catches first) and creates the group.
      await modal.getByRole('button', { name: /Voice connector 1/ }).click();
      await page.getByRole('option', { name: /^Seattle trunk/ }).click();
      await modal.getByRole('button', { name: 'Add a voice connector' }).click();
      await choose(page, /Choose a voice connector/, /^Seattle trunk/);
      await modal.getByRole('button', { name: 'Create' }).click();
      await modal.getByText('This voice connector is already in row 1.').waitFor();
      expect(groupPosts()).toHaveLength(1);
      await modal.getByRole('button', { name: 'Remove' }).nth(1).click();
      await modal.getByRole('button', { name: 'Create' }).click();
      await expectFlash(page, 'Voice connector group West created.');
      await modal.waitFor({ state: 'hidden' });
      expect(groupPosts()).toHaveLength(2);
      await page.getByText('Seattle trunk (1)').waitFor();
      await expectAccessible(page);
      await screenshot(page, `voice-connector-groups-${dialect}`);
      const { VoiceConnectorGroups } = await server.admin.voice.send(new ListVoiceConnectorGroupsCommand({}));
      expect(VoiceConnectorGroups!.map((g) => [g.Name, g.VoiceConnectorItems!.map((i) => [i.VoiceConnectorId, i.Priority])])).toEqual([
        ['West', [[VoiceConnectors![0]!.VoiceConnectorId, 1]]],
      ]);
    });

    it('assigns numbers to a voice connector, reassigns them to a group, and unassigns them', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const [connector] = (await server.admin.voice.send(new ListVoiceConnectorsCommand({}))).VoiceConnectors!;
      const [group] = (await server.admin.voice.send(new ListVoiceConnectorGroupsCommand({}))).VoiceConnectorGroups!;
      const chosen = NUMBERS.slice(0, 2);
      // A connector the dialog offers, which someone else deletes before the user assigns numbers to it.
      const { VoiceConnector: closing } = await server.admin.voice.send(new CreateVoiceConnectorCommand({ Name: 'Closing trunk', RequireEncryption: true }));

      await page.getByRole('link', { name: 'Inventory' }).click();
      await expectTableNumbers(page, NUMBERS);
      await selectNumbers(page, chosen);
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await dialog(page).getByRole('radio', { name: 'Voice connector', exact: true }).check();
      await dialog(page).getByRole('button', { name: 'Assign' }).click();
      await choose(page, /Choose a voice connector/, /^Closing trunk/);
      await server.admin.voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: closing!.VoiceConnectorId! }));

      // The API refuses the whole call: the dialog stays open and says why; nothing is assigned. It reads the
      // connectors again, so the deleted one is no longer chosen nor offered, and the field says so.
      await dialog(page).getByRole('button', { name: 'Assign' }).click();
      await expectDialogRefusal(page, '2 phone numbers were not assigned');
      await expectDialogRefusal(page, `Voice Connector ${closing!.VoiceConnectorId} not found`);
      await dialog(page).getByText('Closing trunk no longer exists. Choose another voice connector.').waitFor();
      for (const number of chosen) expect(await associationsOf(number)).toEqual({ status: 'Unassigned', associations: [] });
      await expectAccessible(page);
      await screenshot(page, `assign-voice-connector-refused-${dialect}`);
      await dialog(page).getByRole('button', { name: /Choose a voice connector/ }).click();
      await page.getByRole('option', { name: /^Seattle trunk/ }).waitFor();
      expect(await page.getByRole('option', { name: /^Closing trunk/ }).count()).toBe(0);
      await page.getByRole('option', { name: /^Seattle trunk/ }).click();
      await expectAccessible(page);
      await screenshot(page, `assign-voice-connector-${dialect}`);
      await dialog(page).getByRole('button', { name: 'Assign' }).click();
      await expectFlash(page, '2 phone numbers assigned to Seattle trunk.');
      for (const number of chosen) {
        expect(await associationsOf(number)).toEqual({ status: 'Assigned', associations: [{ Name: 'VoiceConnectorId', Value: connector!.VoiceConnectorId }] });
      }

      await selectNumbers(page, chosen);
      await page.getByRole('button', { name: 'Reassign' }).click();
      await dialog(page).getByRole('radio', { name: 'Voice connector group' }).check();
      await dialog(page).getByRole('button', { name: 'Reassign' }).click();
      await choose(page, /Choose a voice connector group/, /^West/);
      await dialog(page).getByRole('button', { name: 'Reassign' }).click();
      await expectFlash(page, '2 phone numbers reassigned to West.');
      for (const number of chosen) {
        expect(await associationsOf(number)).toEqual({ status: 'Assigned', associations: [{ Name: 'VoiceConnectorGroupId', Value: group!.VoiceConnectorGroupId }] });
      }

      await selectNumbers(page, chosen);
      await page.getByRole('button', { name: 'Unassign' }).click();
      const unassign = dialog(page).getByRole('button', { name: 'Unassign' });
      expect(await unassign.isDisabled()).toBe(true);
      await dialog(page).getByRole('checkbox').check();
      await unassign.click();
      await expectFlash(page, '2 phone numbers unassigned.');
      for (const number of chosen) expect(await associationsOf(number)).toEqual({ status: 'Unassigned', associations: [] });
      expect(console_.problems).toEqual([]);
    });

    it("edits a group's name and member connectors with their priorities, checking them before calling the API", async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const puts = () => console_.apiCalls.filter((call) => call.startsWith('PUT /voice-connector-groups/'));
      const [seattle] = (await server.admin.voice.send(new ListVoiceConnectorsCommand({}))).VoiceConnectors!;
      const [west] = (await server.admin.voice.send(new ListVoiceConnectorGroupsCommand({}))).VoiceConnectorGroups!;
      const { VoiceConnector: portland } = await server.admin.voice.send(new CreateVoiceConnectorCommand({ Name: 'Portland trunk', RequireEncryption: true }));
      // A connector the page lists, which someone else deletes before the user saves it into the group.
      const { VoiceConnector: doomed } = await server.admin.voice.send(new CreateVoiceConnectorCommand({ Name: 'Doomed trunk', RequireEncryption: true }));
      const members = async () => {
        const { VoiceConnectorGroup } = await server.admin.voice.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId: west!.VoiceConnectorGroupId! }));
        const items = VoiceConnectorGroup!.VoiceConnectorItems!.map((i) => [i.VoiceConnectorId, i.Priority]).sort((a, b) => Number(a[1]) - Number(b[1]));
        return { name: VoiceConnectorGroup!.Name, items };
      };

      await page.getByRole('link', { name: 'Voice connector groups' }).click();
      await page.getByRole('rowheader', { name: 'West' }).waitFor();
      const putsBefore = puts().length;

      await page.getByRole('radio', { name: 'Select West' }).check();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const modal = dialog(page);
      await modal.getByText('Edit voice connector group').waitFor();
      expect(await modal.getByLabel('Name').inputValue()).toBe('West');
      expect(await modal.getByLabel('Priority 1').inputValue()).toBe('1');
      await modal.getByRole('button', { name: /Voice connector 1/ }).getByText('Seattle trunk').waitFor();

      await modal.getByRole('button', { name: 'Add a voice connector' }).click();
      await choose(page, /Choose a voice connector/, /^Seattle trunk/);
      await modal.getByLabel('Priority 2').fill('100');
      await modal.getByRole('button', { name: 'Save' }).click();
      await modal.getByText('This voice connector is already in row 1.').waitFor();
      await modal.getByText('Enter a whole number from 1 to 99.').waitFor();
      expect(puts()).toHaveLength(putsBefore);

      await modal.getByLabel('Name').fill('West coast');
      await modal.getByRole('button', { name: /Voice connector 2/ }).click();
      await page.getByRole('option', { name: /^Portland trunk/ }).click();
      await modal.getByLabel('Priority 2').fill('1');
      await modal.getByLabel('Priority 1').fill('2');
      await expectAccessible(page);
      await screenshot(page, `voice-connector-group-edit-${dialect}`);
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'Voice connector group West coast updated.');
      expect(puts()).toHaveLength(putsBefore + 1);
      const edited = { name: 'West coast', items: [[portland!.VoiceConnectorId, 1], [seattle!.VoiceConnectorId, 2]] };
      expect(await members()).toEqual(edited);
      await page.getByText('Portland trunk (1), Seattle trunk (2)').waitFor();

      // The API refuses what the browser cannot know: the connector was deleted meanwhile. The dialog stays open
      // with what the user entered and says why; nothing is stored.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      expect(await modal.getByLabel('Name').inputValue()).toBe('West coast');
      await modal.getByLabel('Name').fill('West coast 2');
      await modal.getByRole('button', { name: 'Add a voice connector' }).click();
      await choose(page, /Choose a voice connector/, /^Doomed trunk/);
      await server.admin.voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: doomed!.VoiceConnectorId! }));
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectDialogRefusal(page, 'Voice connector group West coast was not updated');
      await expectDialogRefusal(page, `Voice Connector ${doomed!.VoiceConnectorId} not found`);
      expect(puts()).toHaveLength(putsBefore + 2);
      expect(await members()).toEqual(edited);
      expect(await modal.getByLabel('Name').inputValue()).toBe('West coast 2');
      await modal.getByRole('button', { name: /Voice connector 3/ }).getByText('Doomed trunk').waitFor();
      await expectAccessible(page);
      await screenshot(page, `voice-connector-group-edit-refused-${dialect}`);

      // The user takes the deleted connector out again and saves the rest.
      await modal.getByRole('button', { name: 'Remove' }).nth(2).click();
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'Voice connector group West coast 2 updated.');
      await modal.waitFor({ state: 'hidden' });
      expect(puts()).toHaveLength(putsBefore + 3);
      expect(await members()).toEqual({ ...edited, name: 'West coast 2' });
      await page.getByText('Portland trunk (1), Seattle trunk (2)').waitFor();
      expect(console_.problems).toEqual([]);
    });

    it("edits a voice connector's name and Require encryption, checking the name before calling the API", async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const puts = () => console_.apiCalls.filter((call) => call.startsWith('PUT /voice-connectors/'));
      const connectors = (await server.admin.voice.send(new ListVoiceConnectorsCommand({}))).VoiceConnectors!;
      const seattle = connectors.find((c) => c.Name === 'Seattle trunk')!;
      const stored = async (id: string) => (await server.admin.voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: id }))).VoiceConnector!;
      // A connector the page lists, which someone else deletes before the user's change is saved.
      const { VoiceConnector: tacoma } = await server.admin.voice.send(new CreateVoiceConnectorCommand({ Name: 'Tacoma trunk', RequireEncryption: true }));

      await page.getByRole('link', { name: 'Voice connectors', exact: true }).click();
      await page.getByRole('rowheader', { name: 'Tacoma trunk' }).waitFor();
      await server.admin.voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: tacoma!.VoiceConnectorId! }));
      const putsBefore = puts().length;

      // The API refuses what the browser cannot know: the connector was deleted meanwhile. The dialog stays open
      // with what the user entered and says why, and Save can be tried again.
      await page.getByRole('radio', { name: 'Select Tacoma trunk' }).check();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const modal = dialog(page);
      const encryption = modal.getByRole('checkbox', { name: 'Require encryption' });
      await modal.getByLabel('Name').fill('Tacoma trunk 2');
      await encryption.uncheck();
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectDialogRefusal(page, 'Voice connector Tacoma trunk was not updated');
      await expectDialogRefusal(page, `Voice Connector ${tacoma!.VoiceConnectorId} not found`);
      expect(puts()).toHaveLength(putsBefore + 1);
      expect(await modal.getByLabel('Name').inputValue()).toBe('Tacoma trunk 2');
      expect(await encryption.isChecked()).toBe(false);
      expect(await flashCount(page, 'was not updated')).toBe(0);
      await expect(server.admin.voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: tacoma!.VoiceConnectorId! }))).rejects.toMatchObject({ name: 'NotFoundException' });
      await expectAccessible(page);
      await screenshot(page, `voice-connector-edit-refused-${dialect}`);
      await modal.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => puts().length).toBe(putsBefore + 2);
      await expectDialogRefusal(page, `Voice Connector ${tacoma!.VoiceConnectorId} not found`);

      // The user closes it: the list is read again, and the deleted connector is gone from it, its selection with it.
      await modal.getByRole('button', { name: 'Cancel' }).click();
      await modal.waitFor({ state: 'hidden' });
      await page.getByRole('rowheader', { name: 'Tacoma trunk' }).waitFor({ state: 'detached' });
      expect(await page.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(true);
      const names = (await server.admin.voice.send(new ListVoiceConnectorsCommand({}))).VoiceConnectors!.map((c) => c.Name).sort();
      expect(names).toEqual(['Portland trunk', 'Seattle trunk']);

      await page.getByRole('radio', { name: 'Select Seattle trunk' }).check();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await modal.getByText('Edit voice connector').waitFor();
      expect(await modal.getByLabel('Name').inputValue()).toBe('Seattle trunk');
      expect(await encryption.isChecked()).toBe(true);
      // A new opening starts from what is stored, without the last one's refusal.
      expect(await modal.getByTestId('dialog-refusal').count()).toBe(0);
      // The region and host name are fixed when the connector is made: shown, not offered.
      await modal.getByText(seattle.OutboundHostName!).waitFor();
      expect(await modal.getByRole('button', { name: /AWS Region/ }).count()).toBe(0);

      await modal.getByLabel('Name').fill('  ');
      await modal.getByRole('button', { name: 'Save' }).click();
      await modal.getByText('Enter a name for the voice connector.').waitFor();
      expect(puts()).toHaveLength(putsBefore + 2);

      await modal.getByLabel('Name').fill('Seattle trunk 2');
      await encryption.uncheck();
      await expectAccessible(page);
      await screenshot(page, `voice-connector-edit-${dialect}`);
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'Voice connector Seattle trunk 2 updated.');
      expect(puts()).toHaveLength(putsBefore + 3);
      expect(await stored(seattle.VoiceConnectorId!)).toMatchObject({ Name: 'Seattle trunk 2', RequireEncryption: false, AwsRegion: seattle.AwsRegion });
      const row = page.getByRole('row', { name: /Seattle trunk 2/ });
      await expect.poll(() => row.innerText()).toContain('Not required');
      expect(console_.problems).toEqual([]);
    });

    it('says when a list cannot be read, rather than "No voice connectors", and reads it again on Retry', async () => {
      const { page } = suite.console;
      const listCall = (url: URL) => url.pathname === '/voice-connectors';
      await page.route(listCall, (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          headers: { 'x-amzn-ErrorType': 'ServiceFailureException' },
          body: JSON.stringify({ Code: 'ServiceFailure', Message: 'The service failed; retry the request' }),
        }),
      );
      await page.goto('/console/voice-connectors');
      const failure = page.getByRole('alert').filter({ hasText: 'The list could not be loaded' });
      await failure.getByText(/retry the request/).waitFor();
      expect(await page.getByText('No voice connectors').count()).toBe(0);
      // Each page has its own title, for tabs, history and screen readers.
      expect(await page.title()).toBe('Voice connectors | numberyard console');
      await expectAccessible(page);

      await page.unroute(listCall);
      await page.getByRole('button', { name: 'Retry' }).click();
      await page.getByRole('rowheader', { name: 'Seattle trunk 2' }).waitFor();
      expect(await failure.count()).toBe(0);
    });
  },
);
