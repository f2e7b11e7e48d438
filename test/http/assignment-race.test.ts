// Twenty clients race to assign the same numbers to different targets at once: users, voice
// connectors, voice connector groups and SIP rules. Exactly one assignment wins per number, every
// loser gets a typed 4xx (never a 500), and afterwards every invariant holds.
import { AssociatePhoneNumberWithUserCommand, CreateAccountCommand, CreateUserCommand } from '@aws-sdk/client-chime';
import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
  GetPhoneNumberCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers, usNumbers } from '../support/inventory';
import { sdkClients, startTestServer, type TestServer } from '../support/test-server';

const CLIENTS = 20;
const NUMBERS_PER_KIND = 5;

interface Outcome {
  ok: boolean;
  status?: number;
  type?: string;
}

async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return { ok: true };
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return { ok: false, status: e.$metadata?.httpStatusCode, type: e.name };
  }
}

for (const dialect of DIALECTS) {
  describe(`assignment races through the AWS SDK clients [${dialect}]`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    it('gives every number exactly one winner and leaves every invariant intact', async () => {
      const { voice, chime } = server.admin;
      const connectorNumbers = usNumbers(NUMBERS_PER_KIND, 1000);
      const userNumbers = usNumbers(NUMBERS_PER_KIND, 1100);
      const ruleNumbers = usNumbers(NUMBERS_PER_KIND, 1200);
      await importNumbers(server, connectorNumbers, 'VoiceConnector');
      await importNumbers(server, userNumbers, 'BusinessCalling');
      await importNumbers(server, ruleNumbers, 'SipMediaApplicationDialIn');

      const connectors = await Promise.all(
        [0, 1].map(async (i) => (await voice.send(new CreateVoiceConnectorCommand({ Name: `vc-${i}`, RequireEncryption: true }))).VoiceConnector!.VoiceConnectorId!),
      );
      const groups = await Promise.all(
        connectors.map(
          async (id, i) =>
            (await voice.send(new CreateVoiceConnectorGroupCommand({ Name: `group-${i}`, VoiceConnectorItems: [{ VoiceConnectorId: id, Priority: 1 }] }))).VoiceConnectorGroup!
              .VoiceConnectorGroupId!,
        ),
      );
      const accountId = (await chime.send(new CreateAccountCommand({ Name: 'Racing account' }))).Account!.AccountId!;
      const users = await Promise.all(
        Array.from({ length: CLIENTS }, async (_, i) => (await chime.send(new CreateUserCommand({ AccountId: accountId, Email: `racer${i}@example.com`, Username: `racer${i}` }))).User!.UserId!),
      );
      const application = (
        await voice.send(
          new CreateSipMediaApplicationCommand({ AwsRegion: 'us-east-1', Name: 'race-ivr', Endpoints: [{ LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:race-ivr' }] }),
        )
      ).SipMediaApplication!.SipMediaApplicationId!;

      // Each client is its own SDK client instance with its own connections, so requests truly overlap.
      const clients = Array.from({ length: CLIENTS }, () => sdkClients(server.url, server.admin.credentials));
      const attempts = clients.map((client, i) => {
        const number = i % NUMBERS_PER_KIND;
        const connectorTarget = i % 2 === 0 ? connectors[(i / 2) % 2]! : groups[((i - 1) / 2) % 2]!;
        const toConnector =
          i % 2 === 0
            ? client.voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connectorTarget, E164PhoneNumbers: connectorNumbers }))
            : client.voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: connectorTarget, E164PhoneNumbers: connectorNumbers }));
        return {
          connectorTarget,
          connector: toConnector,
          user: outcome(client.chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: users[i]!, E164PhoneNumber: userNumbers[number]! }))),
          rule: outcome(
            client.voice.send(
              new CreateSipRuleCommand({
                Name: `rule-${i}`,
                TriggerType: 'ToPhoneNumber',
                TriggerValue: ruleNumbers[number]!,
                TargetApplications: [{ SipMediaApplicationId: application, Priority: 1, AwsRegion: 'us-east-1' }],
              }),
            ),
          ),
        };
      });

      // Voice connector associations answer 200 with per-number errors for the numbers they lost.
      // Several clients may aim at the same connector; each number must end up with the one target
      // that every successful report for it names.
      const connectorResults = await Promise.all(attempts.map((a) => a.connector));
      const reportedHolders = new Map<string, Set<string>>();
      connectorResults.forEach((result, i) => {
        const lost = new Set(result.PhoneNumberErrors!.map((e) => e.PhoneNumberId));
        for (const e of result.PhoneNumberErrors!) expect(['PhoneNumberAssociationsExist', 'Conflict']).toContain(e.ErrorCode);
        for (const n of connectorNumbers) {
          if (!lost.has(n)) reportedHolders.set(n, new Set([...(reportedHolders.get(n) ?? []), attempts[i]!.connectorTarget]));
        }
      });
      for (const n of connectorNumbers) {
        expect(reportedHolders.get(n)?.size, `distinct winners of ${n}`).toBe(1);
        const { PhoneNumber } = await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: n }));
        expect(PhoneNumber?.Associations?.map((a) => a.Value)).toEqual([...reportedHolders.get(n)!]);
      }

      for (const kind of ['user', 'rule'] as const) {
        const results = await Promise.all(attempts.map((a) => a[kind]));
        expect(results.filter((r) => r.ok)).toHaveLength(NUMBERS_PER_KIND);
        for (const loser of results.filter((r) => !r.ok)) {
          expect(loser.status, `${kind} loser ${loser.type}`).toBeGreaterThanOrEqual(400);
          expect(loser.status, `${kind} loser ${loser.type}`).toBeLessThan(500);
          expect(['ConflictException', 'BadRequestException']).toContain(loser.type);
        }
      }

      // Every number: Assigned with exactly one holder, as the API shows it.
      for (const n of [...connectorNumbers, ...userNumbers, ...ruleNumbers]) {
        const { PhoneNumber } = await voice.send(new GetPhoneNumberCommand({ PhoneNumberId: n }));
        expect(PhoneNumber?.Status).toBe('Assigned');
        const holders = PhoneNumber!.Associations!.filter((a) => (a.Name as string) !== 'AccountId');
        expect(holders, n).toHaveLength(1);
      }

      // And as the database holds it: one winning audit event per number, no number on two targets.
      const { db } = server.server.database;
      const rows = await db.selectFrom('phone_numbers').selectAll().where('organization_id', '=', server.admin.organizationId).execute();
      for (const row of rows) {
        const held = [row.user_id, row.voice_connector_id, row.voice_connector_group_id, row.sip_rule_id].filter((v) => v !== null);
        expect(held.length <= 1).toBe(true);
        expect(row.status === 'Assigned').toBe(held.length === 1);
      }
      const assignmentEvents = await db
        .selectFrom('audit_events')
        .select(['resource_id', 'operation', 'after'])
        .where('resource_type', '=', 'PhoneNumber')
        .where('organization_id', '=', server.admin.organizationId)
        .execute();
      for (const n of [...connectorNumbers, ...userNumbers, ...ruleNumbers]) {
        const toAssigned = assignmentEvents.filter((e) => e.resource_id === n && e.after !== null && (JSON.parse(e.after) as { Status?: string }).Status === 'Assigned');
        expect(toAssigned, `assignment events of ${n}`).toHaveLength(1);
      }
      for (const client of clients) {
        client.voice.destroy();
        client.chime.destroy();
      }
    });
  });
}
