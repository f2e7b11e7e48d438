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
import { choose, dialog, expectFlash, expectTableNumbers, selectNumbers } from './support/console-actions';
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

      await page.getByRole('link', { name: 'Voice connector groups' }).click();
      await page.getByRole('button', { name: 'Create voice connector group' }).click();
      const modal = dialog(page);
      await modal.getByLabel('Name').fill('West');
      await choose(page, /Choose a voice connector/, /^Seattle trunk/);
      await modal.getByRole('button', { name: 'Add a voice connector' }).click();
      await choose(page, /Choose a voice connector/, /^Seattle trunk/);
      await modal.getByRole('button', { name: 'Create' }).click();
      await modal.getByText('This voice connector is already in row 1.').waitFor();
      expect(apiCalls.filter((call) => call.startsWith('POST /voice-connector-groups'))).toEqual([]);
      await modal.getByRole('button', { name: 'Remove' }).nth(1).click();
      await modal.getByRole('button', { name: 'Create' }).click();
      await expectFlash(page, 'Voice connector group West created.');
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

      await page.getByRole('link', { name: 'Inventory' }).click();
      await expectTableNumbers(page, NUMBERS);
      await selectNumbers(page, chosen);
      await page.getByRole('button', { name: 'Assign', exact: true }).click();
      await dialog(page).getByRole('radio', { name: 'Voice connector', exact: true }).check();
      await dialog(page).getByRole('button', { name: 'Assign' }).click();
      await choose(page, /Choose a voice connector/, /^Seattle trunk/);
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
      await server.admin.voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: doomed!.VoiceConnectorId! }));
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

      // The API refuses what the browser cannot know: the connector was deleted meanwhile. Nothing changes. Nothing changes.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      expect(await modal.getByLabel('Name').inputValue()).toBe('West coast');
      await modal.getByRole('button', { name: 'Add a voice connector' }).click();
      await choose(page, /Choose a voice connector/, /^Doomed trunk/);
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'Voice connector group West coast was not updated');
      await expectFlash(page, `Voice Connector ${doomed!.VoiceConnectorId} not found`);
      expect(puts()).toHaveLength(putsBefore + 2);
      await modal.waitFor({ state: 'hidden' });
      expect(await members()).toEqual(edited);
      await page.getByText('Portland trunk (1), Seattle trunk (2)').waitFor();
      await screenshot(page, `voice-connector-group-edit-refused-${dialect}`);
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

      // The API refuses what the browser cannot know: the connector was deleted meanwhile. Nothing changes.
      await page.getByRole('radio', { name: 'Select Tacoma trunk' }).check();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const modal = dialog(page);
      await modal.getByLabel('Name').fill('Tacoma trunk 2');
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'Voice connector Tacoma trunk was not updated');
      await expectFlash(page, `Voice Connector ${tacoma!.VoiceConnectorId} not found`);
      expect(puts()).toHaveLength(putsBefore + 1);
      await modal.waitFor({ state: 'hidden' });
      // The list is read again: the deleted connector is gone from it, and nothing else changed.
      await page.getByRole('rowheader', { name: 'Tacoma trunk' }).waitFor({ state: 'detached' });
      expect(await page.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(true);
      await screenshot(page, `voice-connector-edit-refused-${dialect}`);
      const names = (await server.admin.voice.send(new ListVoiceConnectorsCommand({}))).VoiceConnectors!.map((c) => c.Name).sort();
      expect(names).toEqual(['Portland trunk', 'Seattle trunk']);

      await page.getByRole('radio', { name: 'Select Seattle trunk' }).check();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await modal.getByText('Edit voice connector').waitFor();
      expect(await modal.getByLabel('Name').inputValue()).toBe('Seattle trunk');
      const encryption = modal.getByRole('checkbox', { name: 'Require encryption' });
      expect(await encryption.isChecked()).toBe(true);
      // The region and host name are fixed when the connector is made: shown, not offered.
      await modal.getByText(seattle.OutboundHostName!).waitFor();
      expect(await modal.getByRole('button', { name: /AWS Region/ }).count()).toBe(0);

      await modal.getByLabel('Name').fill('  ');
      await modal.getByRole('button', { name: 'Save' }).click();
      await modal.getByText('Enter a name for the voice connector.').waitFor();
      expect(puts()).toHaveLength(putsBefore + 1);

      await modal.getByLabel('Name').fill('Seattle trunk 2');
      await encryption.uncheck();
      await expectAccessible(page);
      await screenshot(page, `voice-connector-edit-${dialect}`);
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'Voice connector Seattle trunk 2 updated.');
      expect(puts()).toHaveLength(putsBefore + 2);
      expect(await stored(seattle.VoiceConnectorId!)).toMatchObject({ Name: 'Seattle trunk 2', RequireEncryption: false, AwsRegion: seattle.AwsRegion });
      const row = page.getByRole('row', { name: /Seattle trunk 2/ });
      await expect.poll(() => row.innerText()).toContain('Not required');
      expect(console_.problems).toEqual([]);
    });
  },
);
