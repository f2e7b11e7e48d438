import { GetPhoneNumberCommand } from '@aws-sdk/client-chime-sdk-voice';
import { GetUserCommand } from '@aws-sdk/client-chime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';
import { cliEnv, cliJson, runCli } from './cli-runner';

for (const dialect of DIALECTS) {
  describe(`numberyard numbers / voice-connectors / users / sip-rules through the CLI [${dialect}]`, () => {
    let server: TestServer;
    let env: NodeJS.ProcessEnv;
    const statusOf = async (number: string) => (await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }))).PhoneNumber!;

    beforeAll(async () => {
      server = await startTestServer(dialect);
      env = cliEnv(server);
    });
    afterAll(async () => server?.close());

    it('lists, gets, changes the product type of, deletes and restores numbers', async () => {
      const numbers = usNumbers(3, 100);
      await importNumbers(server, numbers, 'VoiceConnector');
      const page = await cliJson<{ PhoneNumbers: { E164PhoneNumber: string }[]; NextToken?: string }>(['numbers', 'list', '--product-type', 'VoiceConnector', '--max-results', '2'], env);
      expect(page.PhoneNumbers.map((n) => n.E164PhoneNumber)).toEqual(numbers.slice(0, 2));
      expect(page.NextToken).toBeDefined();
      const all = await cliJson<{ PhoneNumbers: unknown[] }>(['numbers', 'list', '--product-type', 'VoiceConnector', '--max-results', '2', '--all'], env);
      expect(all.PhoneNumbers).toHaveLength(3);

      const text = await runCli(['numbers', 'get', numbers[0]!], env);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/Product type:\s+VoiceConnector/);

      const changed = await cliJson<{ Succeeded: string[] }>(['numbers', 'set-product-type', numbers[0]!, numbers[1]!, '--product-type', 'SipMediaApplicationDialIn'], env);
      expect(changed.Succeeded).toEqual(numbers.slice(0, 2));
      expect((await statusOf(numbers[0]!)).ProductType).toBe('SipMediaApplicationDialIn');

      await cliJson(['numbers', 'delete', numbers[2]!], env);
      expect((await statusOf(numbers[2]!)).Status).toBe('DeleteInProgress');
      await cliJson(['numbers', 'restore', numbers[2]!], env);
      expect((await statusOf(numbers[2]!)).Status).toBe('Unassigned');
    });

    it('assigns, reassigns and unassigns Voice Connector numbers', async () => {
      const numbers = usNumbers(3, 200);
      await importNumbers(server, numbers, 'VoiceConnector');
      const first = await cliJson<{ VoiceConnectorId: string }>(['voice-connectors', 'create', 'First PBX'], env);
      const second = await cliJson<{ VoiceConnectorId: string }>(['voice-connectors', 'create', 'Second PBX', '--aws-region', 'us-west-2'], env);
      const group = await cliJson<{ VoiceConnectorGroupId: string }>(['voice-connector-groups', 'create', 'Trunks', '--connector', `${first.VoiceConnectorId}:1`, '--connector', `${second.VoiceConnectorId}:2`], env);
      const listed = await cliJson<{ VoiceConnectors: { Name: string }[] }>(['voice-connectors', 'list'], env);
      expect(listed.VoiceConnectors.map((c) => c.Name)).toEqual(expect.arrayContaining(['First PBX', 'Second PBX']));

      await cliJson(['numbers', 'assign', numbers[0]!, numbers[1]!, '--voice-connector', first.VoiceConnectorId], env);
      expect((await statusOf(numbers[0]!)).Associations).toEqual([expect.objectContaining({ Name: 'VoiceConnectorId', Value: first.VoiceConnectorId })]);

      await cliJson(['numbers', 'reassign', numbers[0]!, '--voice-connector-group', group.VoiceConnectorGroupId], env);
      expect((await statusOf(numbers[0]!)).Associations).toEqual([expect.objectContaining({ Name: 'VoiceConnectorGroupId', Value: group.VoiceConnectorGroupId })]);

      await cliJson(['numbers', 'unassign', numbers[0]!, numbers[1]!], env);
      expect((await statusOf(numbers[0]!)).Status).toBe('Unassigned');
      expect((await statusOf(numbers[1]!)).Status).toBe('Unassigned');

      // A number that is not assigned: the batch reports it and exits 1.
      const notAssigned = await runCli(['numbers', 'unassign', numbers[2]!, '--json'], env);
      expect(notAssigned.code).toBe(1);
      expect(JSON.parse(notAssigned.stdout).PhoneNumberErrors[0]).toMatchObject({ PhoneNumberId: numbers[2], ErrorMessage: expect.stringContaining('not assigned') });
    });

    it('assigns a Business Calling number to a user and unassigns it', async () => {
      const [number] = usNumbers(1, 300);
      await importNumbers(server, [number!], 'BusinessCalling');
      const account = await cliJson<{ AccountId: string }>(['accounts', 'create', 'Sales'], env);
      const user = await cliJson<{ UserId: string }>(['users', 'create', '--account', account.AccountId, '--email', 'ada@example.com', '--username', 'Ada Lovelace'], env);
      await cliJson(['numbers', 'assign', number!, '--user', user.UserId, '--account', account.AccountId], env);
      const { User } = await server.admin.chime.send(new GetUserCommand({ AccountId: account.AccountId, UserId: user.UserId }));
      expect(User?.PrimaryProvisionedNumber).toBe(number);

      const permissions = await runCli(['users', 'set-permissions', user.UserId, '--account', account.AccountId, '--sms', 'off'], env);
      expect(permissions.code).toBe(0);
      expect(permissions.stdout).toContain('must sign in again');
      const shown = await cliJson<{ UserSettings: { Telephony: { SMS: boolean; InboundCalling: boolean } } }>(['users', 'get', user.UserId, '--account', account.AccountId], env);
      expect(shown.UserSettings.Telephony).toMatchObject({ SMS: false, InboundCalling: true });

      await cliJson(['numbers', 'unassign', number!], env);
      expect((await statusOf(number!)).Status).toBe('Unassigned');
    });

    it('assigns a SIP Media Application Dial-In number by creating a SIP rule, and frees it by deleting the rule', async () => {
      const [number] = usNumbers(1, 400);
      await importNumbers(server, [number!], 'SipMediaApplicationDialIn');
      const application = await cliJson<{ SipMediaApplicationId: string }>(
        ['sip-media-applications', 'create', 'IVR', '--lambda-arn', 'arn:aws:lambda:us-east-1:123456789012:function:ivr'],
        env,
      );
      const rule = await cliJson<{ SipRuleId: string }>(['sip-rules', 'create', 'IVR line', '--phone-number', number!, '--target', application.SipMediaApplicationId], env);
      expect((await statusOf(number!)).Associations).toEqual([expect.objectContaining({ Name: 'SipRuleId', Value: rule.SipRuleId })]);

      const blocked = await runCli(['numbers', 'unassign', number!], env);
      expect(blocked.code).toBe(1);
      expect(blocked.stdout).toContain(`sip-rules delete ${rule.SipRuleId}`);

      await cliJson(['sip-rules', 'delete', rule.SipRuleId, '--disable'], env);
      expect((await statusOf(number!)).Status).toBe('Unassigned');
    });

    it('loads the demo organization on a fresh server, and a second run changes nothing', async () => {
      // Numbers are unique server-wide, so the demo gets a server of its own, as a newcomer's is.
      const fresh = await startTestServer(dialect);
      try {
        await loadDemoTwice(cliEnv(fresh));
      } finally {
        await fresh.close();
      }
    });

    async function loadDemoTwice(demoEnv: NodeJS.ProcessEnv): Promise<void> {
      const first = await cliJson<{ steps: { step: string; created: number; skipped?: string }[] }>(['demo'], demoEnv);
      expect(first.steps.filter((s) => s.skipped)).toEqual([]);
      expect(Object.fromEntries(first.steps.map((s) => [s.step, s.created]))).toMatchObject({
        'inventory numbers': 300,
        'accounts and users': 7,
        'Voice Connectors': 2,
        'Voice Connector group': 1,
        'SIP media application': 1,
        'SIP rule': 1,
      });
      const second = await cliJson<{ steps: { created: number }[] }>(['demo'], demoEnv);
      expect(second.steps.map((s) => s.created)).toEqual(second.steps.map(() => 0));
      const assigned = await cliJson<{ PhoneNumbers: unknown[] }>(['numbers', 'list', '--status', 'Assigned', '--all'], demoEnv);
      expect(assigned.PhoneNumbers).toHaveLength(5 + 30 + 1);
    }

    it('answers with exit codes that mean something and messages that say what to fix', async () => {
      const unknown = await runCli(['numbers', 'get', '+12065559999'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('NotFoundException');

      const badArgument = await runCli(['numbers', 'get', '2065559999'], env);
      expect(badArgument.code).toBe(2);
      expect(badArgument.stderr).toContain('is not an E.164 number');

      const badChoice = await runCli(['numbers', 'list', '--product-type', 'Fax'], env);
      expect(badChoice.code).toBe(2);

      const { AWS_ACCESS_KEY_ID: _id, AWS_SECRET_ACCESS_KEY: _secret, ...noCredentials } = env;
      const anonymous = await runCli(['numbers', 'list'], noCredentials);
      expect(anonymous.code).toBe(2);
      expect(anonymous.stderr).toContain('set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');

      const wrongSecret = await runCli(['numbers', 'list', '--secret-access-key', 'not-the-secret-at-all'], env);
      expect(wrongSecret.code).toBe(1);
      expect(wrongSecret.stderr).toContain('Hint: check AWS_ACCESS_KEY_ID');

      const nobody = await runCli(['numbers', 'list', '--endpoint', 'http://127.0.0.1:9'], env);
      expect(nobody.code).toBe(1);
      expect(nobody.stderr).toContain('Cannot reach numberyard at http://127.0.0.1:9');

      const help = await runCli(['numbers', 'assign', '--help'], env);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('--voice-connector-group <id>');
    });
  });
}
