import { AssociatePhoneNumberWithUserCommand, CreateAccountCommand, CreateUserCommand } from '@aws-sdk/client-chime';
import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  CreatePhoneNumberOrderCommand,
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/client/signed-fetch';
import type { DoctorReport } from '../../src/contract/doctor.schema';
import { cliEnv, runCli } from '../cli/cli-runner';
import { DIALECTS } from '../support/dialects';
import { importAvailableNumbers, importNumbers, usNumbers } from '../support/inventory';
import { startTestServer, TEST_REGION, type Credentials, type TestServer } from '../support/test-server';

async function doctor(server: TestServer, credentials: Credentials, query = '') {
  return signedFetch<DoctorReport & { Code?: string; Message?: string }>(
    { endpoint: server.url, region: TEST_REGION, credentials },
    'GET',
    `/admin/doctor${query}`,
  );
}

function breaches(report: DoctorReport): Record<string, { count: number; examples: string[] }> {
  return Object.fromEntries(report.Checks.filter((c) => c.Breaches > 0).map((c) => [c.Check, { count: c.Breaches, examples: c.Examples }]));
}

for (const dialect of DIALECTS) {
  describe(`numberyard doctor and GET /admin/doctor [${dialect}]`, () => {
    let server: TestServer;
    const vcNumbers = usNumbers(10, 100);
    const bcNumbers = usNumbers(4, 200);
    const smaNumbers = usNumbers(3, 300);
    const ordered = usNumbers(3, 400);
    let voiceConnectorId: string;
    let groupId: string;
    let accountIds: string[];
    let userId: string;
    let sipRuleId: string;

    // A realistic inventory: every kind of association, made through the API.
    beforeAll(async () => {
      server = await startTestServer(dialect);
      const { voice, chime } = server.admin;
      await importNumbers(server, vcNumbers, 'VoiceConnector');
      await importNumbers(server, bcNumbers, 'BusinessCalling');
      await importNumbers(server, smaNumbers, 'SipMediaApplicationDialIn');
      voiceConnectorId = (await voice.send(new CreateVoiceConnectorCommand({ Name: 'trunk', RequireEncryption: true }))).VoiceConnector!.VoiceConnectorId!;
      groupId = (
        await voice.send(new CreateVoiceConnectorGroupCommand({ Name: 'group', VoiceConnectorItems: [{ VoiceConnectorId: voiceConnectorId, Priority: 1 }] }))
      ).VoiceConnectorGroup!.VoiceConnectorGroupId!;
      await voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: voiceConnectorId, E164PhoneNumbers: vcNumbers.slice(0, 4) }));
      await voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: groupId, E164PhoneNumbers: vcNumbers.slice(4, 6) }));
      accountIds = [];
      for (const name of ['Sales', 'Support']) accountIds.push((await chime.send(new CreateAccountCommand({ Name: name }))).Account!.AccountId!);
      userId = (await chime.send(new CreateUserCommand({ AccountId: accountIds[0], Email: 'jane@example.com' }))).User!.UserId!;
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountIds[0], UserId: userId, E164PhoneNumber: bcNumbers[0] }));
      const application = await voice.send(
        new CreateSipMediaApplicationCommand({ AwsRegion: 'us-east-1', Name: 'ivr', Endpoints: [{ LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:ivr' }] }),
      );
      sipRuleId = (
        await voice.send(
          new CreateSipRuleCommand({
            Name: 'main line',
            TriggerType: 'ToPhoneNumber',
            TriggerValue: smaNumbers[0],
            TargetApplications: [{ SipMediaApplicationId: application.SipMediaApplication!.SipMediaApplicationId!, Priority: 1, AwsRegion: 'us-east-1' }],
          }),
        )
      ).SipRule!.SipRuleId!;
      await importAvailableNumbers(server, ordered);
      await voice.send(new CreatePhoneNumberOrderCommand({ ProductType: 'VoiceConnector', E164PhoneNumbers: ordered }));
      await server.server.services.orders.completeProcessingOrders();
    });
    afterAll(async () => server?.close());

    it('finds nothing wrong with an inventory built through the API, over the route and the CLI (exit 0)', async () => {
      const response = await doctor(server, server.admin.credentials);
      expect(response.status).toBe(200);
      expect(breaches(response.body)).toEqual({});
      expect(response.body).toMatchObject({ Healthy: true, Dialect: dialect, PhoneNumbers: 20 });
      const names = response.body.Checks.map((c) => c.Check);
      expect(names).toEqual(expect.arrayContaining(['multiple-associations', 'missing-target', 'number-without-audit-event', 'stuck-order']));
      expect(names.includes('sqlite-integrity')).toBe(dialect === 'sqlite');

      const cli = await runCli(['doctor', '--json'], cliEnv(server));
      expect(cli.code, cli.stderr).toBe(0);
      expect(JSON.parse(cli.stdout)).toMatchObject({ Healthy: true, PhoneNumbers: 20 });
      const text = await runCli(['doctor'], cliEnv(server));
      expect(text.stdout).toContain('Healthy: every invariant holds.');
    });

    it('refuses an ordinary key with AccessDeniedException and bad query values with BadRequestException', async () => {
      const other = await server.newOrganization();
      const denied = await doctor(server, other.credentials);
      expect(denied.status).toBe(403);
      expect(denied.headers.get('x-amzn-errortype')).toMatch(/^AccessDeniedException/);
      for (const query of ['?max-examples=0', '?max-examples=abc', '?stuck-order-minutes=-1', '?max-examples=1001']) {
        const bad = await doctor(server, server.admin.credentials, query);
        expect(bad.status, query).toBe(400);
        expect(bad.headers.get('x-amzn-errortype'), query).toMatch(/^BadRequestException/);
      }
    });

    it('reports each breach of a database edited by hand, with the numbers concerned; the CLI exits 1', async () => {
      // A second connection with the safety nets off, as someone editing the file by hand would have.
      const handle = server.database.open();
      const { db } = handle;
      try {
        if (dialect === 'sqlite') {
          await sql`pragma foreign_keys = off`.execute(db);
          await sql`pragma ignore_check_constraints = on`.execute(db);
        } else {
          for (const constraint of [
            'phone_numbers__one_association_check',
            'phone_numbers__assigned_iff_associated_check',
            'phone_numbers__voice_connector_fk',
            'phone_numbers__user_key',
          ]) {
            await sql`alter table phone_numbers drop constraint ${sql.ref(constraint)}`.execute(db);
          }
        }
        const set = (e164: string, values: Record<string, string | null>) => db.updateTable('phone_numbers').set(values).where('e164', '=', e164).execute();
        await set(vcNumbers[0]!, { voice_connector_group_id: groupId }); // on a connector and a group
        await set(vcNumbers[6]!, { status: 'Assigned' }); // Assigned to nothing
        await set(bcNumbers[0]!, { account_id: accountIds[1]! }); // the user is in another account
        await set(vcNumbers[7]!, { status: 'Assigned', voice_connector_id: 'vc-that-is-gone' });
        await set(bcNumbers[1]!, { status: 'Assigned', voice_connector_id: voiceConnectorId }); // Business Calling on a connector
        await db.updateTable('sip_rules').set({ trigger_value: '+12065559999' }).where('id', '=', sipRuleId).execute();
        await db.deleteFrom('audit_events').where('resource_id', '=', vcNumbers[8]!).execute();
        // Offered in the pool although the inventory holds it (the import refuses this; a hand edit does not).
        await db.insertInto('available_numbers').values({ e164: vcNumbers[9]!, country: 'US', number_type: 'Local', area_code: '206', city: null, state: null, created_at: new Date().toISOString() }).execute();
        const longAgo = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
        await db
          .insertInto('phone_number_orders')
          .values({ id: 'stuck-order', organization_id: server.admin.organizationId, product_type: 'VoiceConnector', order_type: 'New', status: 'Processing', name: null, created_at: longAgo, updated_at: longAgo, version: 1 })
          .execute();
        if (dialect === 'postgres') await set(bcNumbers[2]!, { status: 'Assigned', user_id: userId, account_id: accountIds[0]! }); // a user with two numbers
      } finally {
        await db.destroy();
      }

      const response = await doctor(server, server.admin.credentials, '?max-examples=5');
      expect(response.status).toBe(200);
      expect(response.body.Healthy).toBe(false);
      const found = breaches(response.body);
      expect(found['multiple-associations']).toEqual({ count: 1, examples: [vcNumbers[0]] });
      expect(found['status-disagrees-with-association']).toEqual({ count: 1, examples: [vcNumbers[6]] });
      expect(found['user-account-mismatch']).toEqual({ count: 1, examples: [bcNumbers[0]] });
      expect(found['missing-target']).toEqual({ count: 1, examples: [vcNumbers[7]] });
      expect(found['product-type-does-not-fit-target']).toEqual({ count: 1, examples: [bcNumbers[1]] });
      expect(found['sip-rule-trigger-mismatch']).toEqual({ count: 1, examples: [smaNumbers[0]] });
      expect(found['number-without-audit-event']).toEqual({ count: 1, examples: [vcNumbers[8]] });
      expect(found['number-in-pool-and-inventory']).toEqual({ count: 1, examples: [vcNumbers[9]] });
      expect(found['stuck-order']).toEqual({ count: 1, examples: ['stuck-order'] });
      if (dialect === 'sqlite') {
        expect(found['sqlite-foreign-keys']?.count).toBe(1);
        // SQLite's own check also finds the rows that break the table's CHECK constraints.
        expect(found['sqlite-integrity']?.count).toBe(2);
        expect(found['sqlite-integrity']?.examples.every((line) => /CHECK constraint failed in phone_numbers/.test(line))).toBe(true);
      } else {
        expect(found['target-holds-several-numbers']).toEqual({ count: 1, examples: [bcNumbers[0], bcNumbers[2]] });
      }

      // A longer threshold: the two-hour-old order is not stuck yet.
      const patient = await doctor(server, server.admin.credentials, '?stuck-order-minutes=180');
      expect(breaches(patient.body)['stuck-order']).toBeUndefined();

      const cli = await runCli(['doctor', '--json', '--max-examples', '1'], cliEnv(server));
      expect(cli.code).toBe(1);
      expect(cli.stderr).toMatch(/check\(s\) found breaches: .*multiple-associations/);
      const report = JSON.parse(cli.stdout) as DoctorReport;
      expect(breaches(report)['missing-target']).toEqual({ count: 1, examples: [vcNumbers[7]] });
      const text = await runCli(['doctor', '--full'], cliEnv(server));
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/FAIL {2}A number is associated with at most one target.*: 1 breach/);
      expect(text.stdout).toContain(vcNumbers[7]);
    });
  });
}
