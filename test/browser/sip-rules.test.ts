import {
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  DeleteSipMediaApplicationCommand,
  GetPhoneNumberCommand,
  GetSipMediaApplicationCommand,
  GetSipRuleCommand,
  ListSipMediaApplicationsCommand,
  ListSipRulesCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import { expect, it } from 'vitest';
import { importNumbers } from '../support/inventory';
import { expectAccessible, screenshot } from './support/browser';
import { choose, chooseAction, dialog, expectDialogRefusal, expectFlash, flashCount } from './support/console-actions';
import { describeConsole } from './support/console-suite';

const SMA_NUMBER = '+15095551212';
/** Free until the last test: the number a user picks after the rule for a taken one was refused. */
const SPARE_SMA_NUMBER = '+15095551213';
const LAMBDA = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

describeConsole(
  'web console: SIP media applications and SIP rules',
  { seed: (server) => importNumbers(server, [SMA_NUMBER, SPARE_SMA_NUMBER], 'SipMediaApplicationDialIn') },
  (suite) => {
    const postsTo = (path: string) => suite.console.apiCalls.filter((call) => call.startsWith(`POST ${path}`));

    it('creates SIP media applications, refusing a Lambda ARN of another region before calling the API', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      await page.getByRole('link', { name: 'SIP media applications' }).click();
      for (const name of ['Reception', 'Overflow']) {
        await page.getByRole('button', { name: 'Create SIP media application' }).click();
        await dialog(page).getByLabel('Name').fill(name);
        await dialog(page).getByLabel('Lambda function ARN').fill(name === 'Reception' ? 'arn:aws:lambda:eu-west-1:123456789012:function:x' : LAMBDA(name));
        await dialog(page).getByRole('button', { name: 'Create' }).click();
        if (name === 'Reception') {
          await dialog(page).getByText("The Lambda function must be in the application's AWS Region (us-east-1).").waitFor();
          expect(postsTo('/sip-media-applications')).toEqual([]);
          await dialog(page).getByLabel('Lambda function ARN').fill(LAMBDA(name));
          await dialog(page).getByRole('button', { name: 'Create' }).click();
        }
        await expectFlash(page, `SIP media application ${name} created.`);
      }
      await page.getByRole('rowheader', { name: 'Overflow' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, `sip-media-applications-${dialect}`);
      const { SipMediaApplications } = await server.admin.voice.send(new ListSipMediaApplicationsCommand({}));
      expect(SipMediaApplications!.map((a) => a.Name).sort()).toEqual(['Overflow', 'Reception']);
    });

    it('creates a SIP rule for a number in two steps, checking the E.164 number and the priorities before calling the API', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      await page.getByRole('link', { name: 'SIP rules' }).click();
      await page.getByRole('heading', { name: 'SIP rules', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Create', exact: true }).first().click();
      await page.getByLabel('Name').fill('Main line');
      expect(await page.getByText('To phone number').count()).toBeGreaterThan(0);
      const phone = page.getByRole('combobox', { name: 'Phone number' });
      await phone.fill('+150955512');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Enter +1 and ten digits, such as +15095551212.').waitFor();
      await phone.fill('');
      await phone.click();
      await page.getByRole('option', { name: SMA_NUMBER }).click();
      expect(await page.getByRole('checkbox', { name: /Enabled/ }).isChecked()).toBe(true);
      await expectAccessible(page);
      await screenshot(page, `sip-rule-create-step1-${dialect}`);
      await page.getByRole('button', { name: 'Next' }).click();

      await choose(page, /Choose a SIP media application/, /^Reception/);
      await page.getByRole('button', { name: 'Add a SIP media application' }).click();
      await choose(page, /Choose a SIP media application/, /^Overflow/);
      await page.getByLabel('Priority 2').fill('1');
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByText('Priority 1 is already used in row 1; each SIP media application needs its own priority.').waitFor();
      expect(postsTo('/sip-rules')).toEqual([]);
      expect((await server.admin.voice.send(new ListSipRulesCommand({}))).SipRules).toEqual([]);
      await page.getByLabel('Priority 2').fill('2');
      await expectAccessible(page);
      await screenshot(page, `sip-rule-create-step2-${dialect}`);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await expectFlash(page, `SIP rule Main line created; ${SMA_NUMBER} is assigned.`);

      const [rule] = (await server.admin.voice.send(new ListSipRulesCommand({}))).SipRules!;
      const applications = (await server.admin.voice.send(new ListSipMediaApplicationsCommand({}))).SipMediaApplications!;
      const idOf = (name: string) => applications.find((a) => a.Name === name)!.SipMediaApplicationId;
      expect(rule).toMatchObject({ Name: 'Main line', TriggerType: 'ToPhoneNumber', TriggerValue: SMA_NUMBER, Disabled: false });
      expect(rule!.TargetApplications!.map((t) => [t.SipMediaApplicationId, t.Priority])).toEqual([
        [idOf('Reception'), 1],
        [idOf('Overflow'), 2],
      ]);
      const { PhoneNumber } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: SMA_NUMBER }));
      expect(PhoneNumber!.Associations!.map((a) => [a.Name, a.Value])).toEqual([['SipRuleId', rule!.SipRuleId]]);
      await page.getByRole('rowheader', { name: 'Main line' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, `sip-rules-${dialect}`);

      // View details names the rule and where it sends calls, in priority order, not only their ids.
      await page.goto(`/console/inventory/${encodeURIComponent(SMA_NUMBER)}`);
      const associations = page.locator('[data-testid="associations"]');
      await associations.getByRole('link', { name: 'Main line' }).waitFor();
      await associations.getByText('SIP media applications: Reception, Overflow').waitFor();
      expect(await associations.innerText()).toContain(`ID ${rule!.SipRuleId}`);
      await page.goto('/console/inventory?status=Assigned');
      const row = page.locator('table tbody tr', { hasText: SMA_NUMBER });
      await expect.poll(() => row.innerText()).toContain('SIP rule Main line');
      // The SIP media applications page shows the number that reaches each application, where the
      // procedure tells the user to find (and copy) it.
      await page.getByRole('link', { name: 'SIP media applications' }).click();
      for (const name of ['Reception', 'Overflow']) {
        const applicationRow = page.locator('table tbody tr', { hasText: name });
        await expect.poll(() => applicationRow.innerText()).toContain(SMA_NUMBER);
      }
      expect(console_.problems).toEqual([]);
      // Back where the next procedure starts.
      await page.getByRole('link', { name: 'SIP rules' }).click();
      await page.getByRole('rowheader', { name: 'Main line' }).waitFor();
    });

    it('deletes an enabled rule (disabling it first) after "I understand that this action cannot be reversed", which unassigns its number', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const [rule] = (await server.admin.voice.send(new ListSipRulesCommand({}))).SipRules!;
      await page.getByRole('radio', { name: 'Select Main line' }).check();
      await chooseAction(page, 'Delete');
      const modal = dialog(page);
      await modal.getByText('I understand that this action cannot be reversed').waitFor();
      expect(await modal.getByRole('button', { name: 'Delete' }).isDisabled()).toBe(true);
      await modal.getByRole('checkbox', { name: 'I understand that this action cannot be reversed' }).check();
      await expectAccessible(page);
      await screenshot(page, `sip-rule-delete-${dialect}`);
      await modal.getByRole('button', { name: 'Delete' }).click();
      await expectFlash(page, `SIP rule Main line deleted; ${SMA_NUMBER} is unassigned.`);

      await expect(server.admin.voice.send(new GetSipRuleCommand({ SipRuleId: rule!.SipRuleId! }))).rejects.toMatchObject({ name: 'NotFoundException' });
      const { PhoneNumber } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: SMA_NUMBER }));
      expect(PhoneNumber).toMatchObject({ Status: 'Unassigned', Associations: [] });
      expect(console_.apiCalls.filter((call) => call.startsWith('PUT /sip-rules/') || call.startsWith('DELETE /sip-rules/'))).toHaveLength(2);
      expect(console_.problems).toEqual([]);
    });

    it('creates a Request URI hostname rule, checking the host name before calling the API, and assigns no number', async () => {
      const { server, console: console_ } = suite;
      const { page } = console_;
      const hostname = 'abcdefghij0123456789ab.voiceconnector.chime.aws';
      await page.getByRole('button', { name: 'Create', exact: true }).first().click();
      await page.getByLabel('Name').fill('Connector calls');
      await choose(page, /Trigger type/, 'Request URI hostname');
      // The select is named once by its form field, not "Trigger type Trigger type …".
      await page.getByRole('button', { name: 'Trigger type Request URI hostname', exact: true }).waitFor();
      const host = page.getByRole('textbox', { name: 'Request URI hostname' });
      await host.fill('not a host!');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Enter a host name, such as the outbound host name of a voice connector.').waitFor();
      await host.fill(hostname);
      await page.getByRole('button', { name: 'Next' }).click();
      await choose(page, /Choose a SIP media application/, /^Reception/);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await expectFlash(page, 'SIP rule Connector calls created.');
      expect(postsTo('/sip-rules')).toHaveLength(2); // the earlier ToPhoneNumber rule, and this one only once

      const { SipRules } = await server.admin.voice.send(new ListSipRulesCommand({}));
      expect(SipRules).toHaveLength(1);
      expect(SipRules![0]).toMatchObject({ Name: 'Connector calls', TriggerType: 'RequestUriHostname', TriggerValue: hostname, Disabled: false });
      const { PhoneNumber } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: SMA_NUMBER }));
      expect(PhoneNumber).toMatchObject({ Status: 'Unassigned', Associations: [] });
      await page.getByRole('rowheader', { name: 'Connector calls' }).waitFor();
      await expectAccessible(page);
      expect(console_.problems).toEqual([]);
    });

    it('edits a rule created disabled: enables it, renames it and reorders its SIP media applications, checking them before calling the API', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const puts = () => console_.apiCalls.filter((call) => call.startsWith('PUT /sip-rules/'));
      const applications = (await server.admin.voice.send(new ListSipMediaApplicationsCommand({}))).SipMediaApplications!;
      const target = (name: string, Priority: number) => ({
        SipMediaApplicationId: applications.find((a) => a.Name === name)!.SipMediaApplicationId!,
        Priority,
        AwsRegion: 'us-east-1',
      });
      // The rule a user made with Enabled cleared: only Edit can enable it.
      const { SipRule: created } = await server.admin.voice.send(
        new CreateSipRuleCommand({ Name: 'Night line', TriggerType: 'ToPhoneNumber', TriggerValue: SMA_NUMBER, Disabled: true, TargetApplications: [target('Reception', 1)] }),
      );
      const ruleId = created!.SipRuleId!;
      // An application the page lists, which someone else deletes before the user saves it into the rule.
      const { SipMediaApplication: spare } = await server.admin.voice.send(
        new CreateSipMediaApplicationCommand({ Name: 'Spare', AwsRegion: 'us-east-1', Endpoints: [{ LambdaArn: LAMBDA('spare') }] }),
      );
      await page.reload();
      await page.getByRole('rowheader', { name: 'Night line' }).waitFor();
      const putsBefore = puts().length;

      await page.getByRole('radio', { name: 'Select Night line' }).check();
      await chooseAction(page, 'Edit');
      const modal = dialog(page);
      await modal.getByText('Edit SIP rule').waitFor();
      const enabled = modal.getByRole('checkbox', { name: /Enabled/ });
      expect(await enabled.isChecked()).toBe(false);
      expect(await modal.getByLabel('Name').inputValue()).toBe('Night line');
      // The trigger is shown, never offered for editing.
      await modal.getByText('To phone number').waitFor();
      await modal.getByText(SMA_NUMBER).waitFor();
      expect(await modal.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as unknown as { value: string }).value))).not.toContain(SMA_NUMBER);

      await modal.getByLabel('Name').fill('   ');
      await modal.getByRole('button', { name: 'Add a SIP media application' }).click();
      await choose(page, /Choose a SIP media application/, /^Reception/);
      await modal.getByRole('button', { name: 'Save' }).click();
      await modal.getByText('Enter a name for the rule.').waitFor();
      await modal.getByText('This SIP media application is already in row 1.').waitFor();
      expect(puts()).toHaveLength(putsBefore);

      await modal.getByLabel('Name').fill('Night line (on)');
      await enabled.check();
      await modal.getByRole('button', { name: 'SIP media application 2' }).click();
      await page.getByRole('option', { name: /^Overflow/ }).click();
      await modal.getByLabel('Priority 1').fill('2');
      await modal.getByLabel('Priority 2').fill('1');
      await expectAccessible(page);
      await screenshot(page, `sip-rule-edit-${dialect}`);
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'SIP rule Night line (on) updated.');
      expect(puts()).toHaveLength(putsBefore + 1);

      const { SipRule: stored } = await server.admin.voice.send(new GetSipRuleCommand({ SipRuleId: ruleId }));
      expect(stored).toMatchObject({ Name: 'Night line (on)', Disabled: false, TriggerType: 'ToPhoneNumber', TriggerValue: SMA_NUMBER });
      expect(stored!.TargetApplications).toEqual([target('Overflow', 1), target('Reception', 2)]);
      const row = page.getByRole('row', { name: /Night line \(on\)/ });
      await expect.poll(() => row.innerText()).toMatch(/Enabled\s+1\. Overflow, 2\. Reception\s/);

      // The API refuses what the browser cannot know: the application was deleted meanwhile. The dialog stays open
      // with what the user entered and says why; nothing is stored.
      await chooseAction(page, 'Edit');
      expect(await modal.getByLabel('Name').inputValue()).toBe('Night line (on)');
      await enabled.uncheck();
      await modal.getByRole('button', { name: 'Add a SIP media application' }).click();
      await choose(page, /Choose a SIP media application/, /^Spare/);
      await server.admin.voice.send(new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: spare!.SipMediaApplicationId! }));
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectDialogRefusal(page, 'SIP rule Night line (on) was not updated');
      await expectDialogRefusal(page, `SIP media application ${spare!.SipMediaApplicationId} not found`);
      expect(puts()).toHaveLength(putsBefore + 2);
      const { SipRule: unchanged } = await server.admin.voice.send(new GetSipRuleCommand({ SipRuleId: ruleId }));
      expect(unchanged).toMatchObject({ Name: 'Night line (on)', Disabled: false });
      expect(unchanged!.TargetApplications).toEqual([target('Overflow', 1), target('Reception', 2)]);
      expect(await enabled.isChecked()).toBe(false);
      await modal.getByRole('button', { name: 'SIP media application 3' }).getByText('Spare').waitFor();
      expect(await flashCount(page, 'was not updated')).toBe(0);
      await expectAccessible(page);
      await screenshot(page, `sip-rule-edit-refused-${dialect}`);

      // The user cancels: the dialog closes and the rule is as it was.
      await modal.getByRole('button', { name: 'Cancel' }).click();
      await modal.waitFor({ state: 'hidden' });
      await expect.poll(() => row.innerText()).toMatch(/Enabled\s+1\. Overflow, 2\. Reception\s/);
      expect(console_.problems).toEqual([]);
    });

    it("edits a SIP media application's name and Lambda function, refusing another region's function before calling the API", async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      const puts = () => console_.apiCalls.filter((call) => call.startsWith('PUT /sip-media-applications/'));
      const applications = (await server.admin.voice.send(new ListSipMediaApplicationsCommand({}))).SipMediaApplications!;
      const overflow = applications.find((a) => a.Name === 'Overflow')!;
      const stored = async (id: string) => (await server.admin.voice.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId: id }))).SipMediaApplication!;
      // An application the page lists, which someone else deletes before the user's change is saved.
      const { SipMediaApplication: gone } = await server.admin.voice.send(
        new CreateSipMediaApplicationCommand({ Name: 'Retired', AwsRegion: 'us-east-1', Endpoints: [{ LambdaArn: LAMBDA('retired') }] }),
      );

      await page.getByRole('link', { name: 'SIP media applications' }).click();
      await page.getByRole('rowheader', { name: 'Retired' }).waitFor();
      await server.admin.voice.send(new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: gone!.SipMediaApplicationId! }));
      const putsBefore = puts().length;

      // The API refuses what the browser cannot know: the application was deleted meanwhile. The dialog stays
      // open with what the user entered and says so; nothing is stored.
      await page.getByRole('radio', { name: 'Select Retired' }).check();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const modal = dialog(page);
      await modal.getByLabel('Name').fill('Retired 2');
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectDialogRefusal(page, 'SIP media application Retired was not updated');
      await expectDialogRefusal(page, `SIP media application ${gone!.SipMediaApplicationId} not found`);
      expect(puts()).toHaveLength(putsBefore + 1);
      expect(await modal.getByLabel('Name').inputValue()).toBe('Retired 2');
      await expect(server.admin.voice.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId: gone!.SipMediaApplicationId! }))).rejects.toMatchObject({
        name: 'NotFoundException',
      });
      await expectAccessible(page);
      await screenshot(page, `sip-media-application-edit-refused-${dialect}`);

      // The user closes it with the close button: the list is read again, without the deleted application.
      await modal.getByRole('button', { name: 'Close dialog' }).click();
      await modal.waitFor({ state: 'hidden' });
      await page.getByRole('rowheader', { name: 'Retired' }).waitFor({ state: 'detached' });
      expect(await page.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(true);

      await page.getByRole('radio', { name: 'Select Overflow' }).check();
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await modal.getByText('Edit SIP media application').waitFor();
      expect(await modal.getByLabel('Name').inputValue()).toBe('Overflow');
      const arn = modal.getByLabel('Lambda function ARN');
      expect(await arn.inputValue()).toBe(LAMBDA('Overflow'));
      // The region is fixed when the application is made: shown, not offered.
      expect(await modal.getByRole('button', { name: /AWS Region/ }).count()).toBe(0);

      await arn.fill('arn:aws:lambda:eu-west-1:123456789012:function:overflow-v2');
      await modal.getByRole('button', { name: 'Save' }).click();
      await modal.getByText("The Lambda function must be in the application's AWS Region (us-east-1).").waitFor();
      expect(puts()).toHaveLength(putsBefore + 1);

      await modal.getByLabel('Name').fill('Overflow desk');
      await arn.fill(LAMBDA('overflow-v2'));
      await expectAccessible(page);
      await screenshot(page, `sip-media-application-edit-${dialect}`);
      await modal.getByRole('button', { name: 'Save' }).click();
      await expectFlash(page, 'SIP media application Overflow desk updated.');
      expect(puts()).toHaveLength(putsBefore + 2);
      expect(await stored(overflow.SipMediaApplicationId!)).toMatchObject({ Name: 'Overflow desk', AwsRegion: 'us-east-1', Endpoints: [{ LambdaArn: LAMBDA('overflow-v2') }] });
      await page.getByRole('row', { name: /Overflow desk/ }).getByText(LAMBDA('overflow-v2')).waitFor();

      // The rule that sends calls to it names it by its new name.
      await page.getByRole('link', { name: 'SIP rules' }).click();
      await page.getByText('1. Overflow desk, 2. Reception').waitFor();
      expect(console_.problems).toEqual([]);
    });

    it('after a rule refused for a number already assigned, Previous, a free number and Create show only the success', async () => {
      const { server, console: console_, dialect } = suite;
      const { page } = console_;
      // SMA_NUMBER is the Night line rule's. A fresh page: the earlier tests' messages would stack the Flashbar.
      await page.reload();
      await page.getByRole('heading', { name: 'SIP rules', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'Create', exact: true }).first().click();
      await page.getByLabel('Name').fill('Day line');
      const phone = page.getByRole('combobox', { name: 'Phone number' });
      await phone.fill(SMA_NUMBER);
      await page.getByRole('button', { name: 'Next' }).click();
      await choose(page, /Choose a SIP media application/, /^Reception/);
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await expectFlash(page, 'The SIP rule was not created');
      await expectFlash(page, `Phone number ${SMA_NUMBER} is already assigned`);

      await page.getByRole('button', { name: 'Previous' }).click();
      await phone.fill('');
      await phone.click();
      await page.getByRole('option', { name: SPARE_SMA_NUMBER }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await expectFlash(page, `SIP rule Day line created; ${SPARE_SMA_NUMBER} is assigned.`);
      await page.getByRole('rowheader', { name: 'Day line' }).waitFor();
      // The refusal of the attempt before is gone: only the success is on the page.
      expect(await flashCount(page, 'The SIP rule was not created')).toBe(0);
      expect(await flashCount(page, 'is already assigned')).toBe(0);
      await screenshot(page, `sip-rule-create-retried-${dialect}`);

      const rules = (await server.admin.voice.send(new ListSipRulesCommand({}))).SipRules!;
      expect(rules.filter((r) => r.Name === 'Day line').map((r) => r.TriggerValue)).toEqual([SPARE_SMA_NUMBER]);
      const { PhoneNumber: spare } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: SPARE_SMA_NUMBER }));
      expect(spare!.Associations!.map((a) => a.Name)).toEqual(['SipRuleId']);
      const { PhoneNumber: taken } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: SMA_NUMBER }));
      expect(taken!.Associations!.map((a) => a.Value)).toEqual([rules.find((r) => r.Name === 'Night line (on)')!.SipRuleId]);
      expect(console_.problems).toEqual([]);
    });
  },
);
