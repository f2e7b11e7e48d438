// Two `numberyard serve` processes on one PostgreSQL database, as behind a load balancer: they
// migrate once although they start at the same moment, their background jobs handle each item once,
// and 50 AWS SDK clients split across both racing for the same 200 numbers leave exactly one winner
// per number, typed 4xx for every loser, no 5xx, and every invariant intact.
import { AssociatePhoneNumberWithUserCommand, CreateAccountCommand, CreateUserCommand } from '@aws-sdk/client-chime';
import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  CreatePhoneNumberOrderCommand,
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
  DeletePhoneNumberCommand,
  GetPhoneNumberOrderCommand,
  ListPhoneNumbersCommand,
} from '@aws-sdk/client-chime-sdk-voice';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetch } from '../../src/client/signed-fetch';
import { openDatabase, type DatabaseHandle } from '../../src/storage/database';
import { DIALECTS } from '../support/dialects';
import { usNumbers } from '../support/inventory';
import { sdkClients, TEST_REGION } from '../support/test-server';
import { createEmptyPostgresDatabase } from './support/fresh-postgres-database';
import { importIntoNode, newAdminCredentials } from './support/node-inventory';
import { runCli, type CliResult } from '../cli/cli-runner';
import { startServerNode, type ServerNode } from './support/server-node';

const hasPostgres = DIALECTS.includes('postgres');
if (!hasPostgres) console.warn('two-nodes.test.ts skipped: several nodes share a PostgreSQL database (set NUMBERYARD_TEST_DATABASE_URL); SQLite serves one node');

const CLIENTS = 50;
const CONTENDERS = 4;

interface Outcome {
  ok: boolean;
  status?: number;
  type?: string;
}

async function outcome<T>(promise: Promise<T>): Promise<Outcome & { value?: T }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return { ok: false, status: e.$metadata?.httpStatusCode, type: e.name };
  }
}

async function eventually(what: string, check: () => Promise<boolean>, withinMs = 30_000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!hasPostgres)('two nodes on one PostgreSQL database', () => {
  const admin = newAdminCredentials();
  let database: { url: string; drop(): Promise<void> };
  let nodes: ServerNode[] = [];
  let handle: DatabaseHandle;
  let migrations: CliResult[] = [];

  beforeAll(async () => {
    database = await createEmptyPostgresDatabase();
    // Three `numberyard migrate` processes at the same moment on the empty database (what several
    // nodes do when they start together: startServer migrates first, through the same migrator).
    migrations = await Promise.all([0, 1, 2].map(() => runCli(['migrate'], { ...process.env, DATABASE_URL: database.url })));
    // The nodes then start one after the other: the first bootstraps the administrator key.
    // Several nodes share the master key that seals the secret access keys (README "Operations").
    const env = { NUMBERYARD_DELETION_RESTORE_DAYS: '0', NUMBERYARD_MASTER_KEY: randomBytes(32).toString('base64') };
    for (let i = 0; i < 2; i++) nodes.push(await startServerNode({ databaseUrl: database.url, admin, jobIntervalMs: 100, env }));
    handle = openDatabase({ kind: 'postgres', url: database.url });
  }, 90_000);
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await handle?.db.destroy();
    await database?.drop();
  });

  it('migrates once when several processes migrate at the same moment', async () => {
    for (const run of migrations) expect(run.code, run.stderr + run.stdout).toBe(0);
    const applied = await sql<{ name: string; times: number }>`select name, count(*)::int as times from kysely_migration group by name`.execute(handle.db);
    expect(applied.rows.length).toBeGreaterThan(0);
    for (const row of applied.rows) expect(row, row.name).toMatchObject({ times: 1 });
    for (const node of nodes) expect((await fetch(new URL('/ready', node.url))).status).toBe(200);
  });

  it('runs the jobs on both nodes yet completes each order and purges each number once', async () => {
    const orderNumbers = usNumbers(100, 5000);
    const sign = { region: TEST_REGION, credentials: admin };
    const pooled = await signedFetch({ endpoint: nodes[0]!.url, ...sign }, 'POST', '/admin/available-numbers?operation=import', {
      PhoneNumbers: orderNumbers.map((E164PhoneNumber) => ({ E164PhoneNumber })),
    });
    expect(pooled.status).toBe(200);
    const clients = nodes.map((node) => sdkClients(node.url, admin).voice);
    const orderIds = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const { PhoneNumberOrder } = await clients[i % 2]!.send(
          new CreatePhoneNumberOrderCommand({ ProductType: 'VoiceConnector', E164PhoneNumbers: orderNumbers.slice(i * 5, i * 5 + 5) }),
        );
        return PhoneNumberOrder!.PhoneNumberOrderId!;
      }),
    );
    await eventually('every order Successful', async () => {
      const orders = await Promise.all(orderIds.map((id, i) => clients[i % 2]!.send(new GetPhoneNumberOrderCommand({ PhoneNumberOrderId: id }))));
      return orders.every((o) => o.PhoneNumberOrder?.Status === 'Successful');
    });

    const purgeNumbers = usNumbers(40, 6000);
    await importIntoNode(nodes[1]!.url, admin, purgeNumbers, 'VoiceConnector');
    await Promise.all(purgeNumbers.map((n, i) => clients[i % 2]!.send(new DeletePhoneNumberCommand({ PhoneNumberId: n }))));
    await eventually('every deleted number purged', async () => {
      const left = await handle.db.selectFrom('phone_numbers').select('e164').where('e164', 'in', purgeNumbers).execute();
      return left.length === 0;
    });

    const events = await handle.db
      .selectFrom('audit_events')
      .select(['operation', 'resource_type', 'resource_id'])
      .where('operation', 'in', ['CompletePhoneNumberOrder', 'PurgePhoneNumber'])
      .execute();
    const count = (operation: string, type: string, id: string) =>
      events.filter((e) => e.operation === operation && e.resource_type === type && e.resource_id === id).length;
    for (const id of orderIds) expect(count('CompletePhoneNumberOrder', 'PhoneNumberOrder', id), `completions of order ${id}`).toBe(1);
    for (const n of orderNumbers) expect(count('CompletePhoneNumberOrder', 'PhoneNumber', n), `completions of ${n}`).toBe(1);
    for (const n of purgeNumbers) expect(count('PurgePhoneNumber', 'PhoneNumber', n), `purges of ${n}`).toBe(1);
    for (const client of clients) client.destroy();
  });

  it('gives each of 200 contested numbers one winner across both nodes, with typed 4xx for the losers and no 5xx', async () => {
    const base = sdkClients(nodes[0]!.url, admin);
    const connectorNumbers = usNumbers(100, 7000);
    const userNumbers = usNumbers(50, 7100);
    const ruleNumbers = usNumbers(50, 7150);
    await importIntoNode(nodes[0]!.url, admin, connectorNumbers, 'VoiceConnector');
    await importIntoNode(nodes[1]!.url, admin, userNumbers, 'BusinessCalling');
    await importIntoNode(nodes[0]!.url, admin, ruleNumbers, 'SipMediaApplicationDialIn');

    const connectors = await Promise.all(
      [0, 1, 2, 3].map(async (i) => (await base.voice.send(new CreateVoiceConnectorCommand({ Name: `vc-${i}`, RequireEncryption: true }))).VoiceConnector!.VoiceConnectorId!),
    );
    const groups = await Promise.all(
      connectors.map(
        async (id, i) =>
          (await base.voice.send(new CreateVoiceConnectorGroupCommand({ Name: `group-${i}`, VoiceConnectorItems: [{ VoiceConnectorId: id, Priority: 1 }] }))).VoiceConnectorGroup!
            .VoiceConnectorGroupId!,
      ),
    );
    const accountId = (await base.chime.send(new CreateAccountCommand({ Name: 'Racing account' }))).Account!.AccountId!;
    const users: string[] = [];
    for (let batch = 0; batch < (CLIENTS * CONTENDERS) / 20; batch++) {
      users.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, async (_, j) => {
            const i = batch * 20 + j;
            return (await base.chime.send(new CreateUserCommand({ AccountId: accountId, Email: `racer${i}@example.com`, Username: `racer${i}` }))).User!.UserId!;
          }),
        )),
      );
    }
    const application = (
      await base.voice.send(
        new CreateSipMediaApplicationCommand({ AwsRegion: 'us-east-1', Name: 'race-ivr', Endpoints: [{ LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:race-ivr' }] }),
      )
    ).SipMediaApplication!.SipMediaApplicationId!;

    // Client i talks to node i % 2. For contender k it aims at number (i + 13k) % 50 of the user and
    // of the rule numbers: every such number has exactly CONTENDERS contenders on both nodes.
    const clients = Array.from({ length: CLIENTS }, (_, i) => sdkClients(nodes[i % 2]!.url, admin));
    const targets = [...connectors.map((id) => ({ kind: 'connector' as const, id })), ...groups.map((id) => ({ kind: 'group' as const, id }))];
    const attempts = clients.map((client, i) => {
      const target = targets[i % targets.length]!;
      const contested = Array.from({ length: CONTENDERS }, (_, k) => (i + 13 * k) % 50);
      return {
        target: target.id,
        connector: outcome(
          target.kind === 'connector'
            ? client.voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: target.id, E164PhoneNumbers: connectorNumbers }))
            : client.voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: target.id, E164PhoneNumbers: connectorNumbers })),
        ),
        users: contested.map((n, k) =>
          outcome(client.chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: accountId, UserId: users[i * CONTENDERS + k]!, E164PhoneNumber: userNumbers[n]! }))),
        ),
        rules: contested.map((n, k) =>
          outcome(
            client.voice.send(
              new CreateSipRuleCommand({
                Name: `rule-${i}-${k}`,
                TriggerType: 'ToPhoneNumber',
                TriggerValue: ruleNumbers[n]!,
                TargetApplications: [{ SipMediaApplicationId: application, Priority: 1, AwsRegion: 'us-east-1' }],
              }),
            ),
          ),
        ),
      };
    });

    const connectorResults = await Promise.all(attempts.map((a) => a.connector));
    const userResults = await Promise.all(attempts.flatMap((a) => a.users));
    const ruleResults = await Promise.all(attempts.flatMap((a) => a.rules));
    const all = [...connectorResults, ...userResults, ...ruleResults];
    expect(all.filter((r) => !r.ok && (r.status === undefined || r.status >= 500)).map((r) => r.type)).toEqual([]);

    // Batch associations answer 200 and name the numbers they lost; the others they won.
    const winners = new Map<string, Set<string>>();
    connectorResults.forEach((result, i) => {
      expect(result.ok, result.type).toBe(true);
      const lost = new Set(result.value!.PhoneNumberErrors!.map((e) => e.PhoneNumberId));
      for (const e of result.value!.PhoneNumberErrors!) expect(['PhoneNumberAssociationsExist', 'Conflict']).toContain(e.ErrorCode);
      for (const n of connectorNumbers) if (!lost.has(n)) winners.set(n, new Set([...(winners.get(n) ?? []), attempts[i]!.target]));
    });
    for (const n of connectorNumbers) expect(winners.get(n)?.size, `distinct winners of ${n}`).toBe(1);
    for (const [kind, results] of [['user', userResults], ['rule', ruleResults]] as const) {
      expect(results.filter((r) => r.ok), kind).toHaveLength(50);
      for (const loser of results.filter((r) => !r.ok)) {
        expect(loser.status, `${kind} loser ${loser.type}`).toBeGreaterThanOrEqual(400);
        expect(loser.status, `${kind} loser ${loser.type}`).toBeLessThan(500);
        expect(['ConflictException', 'BadRequestException']).toContain(loser.type);
      }
    }

    // The database: at most one association per number, Assigned exactly when associated, and the
    // holder the winner the API reported; one winning audit event per number.
    const all200 = [...connectorNumbers, ...userNumbers, ...ruleNumbers];
    const rows = await handle.db.selectFrom('phone_numbers').selectAll().where('e164', 'in', all200).execute();
    expect(rows).toHaveLength(200);
    for (const row of rows) {
      const held = [row.user_id, row.voice_connector_id, row.voice_connector_group_id, row.sip_rule_id].filter((v) => v !== null);
      expect(held, row.e164).toHaveLength(1);
      expect(row.status, row.e164).toBe('Assigned');
      if (winners.has(row.e164)) expect([...winners.get(row.e164)!]).toEqual([row.voice_connector_id ?? row.voice_connector_group_id]);
    }
    const events = await handle.db.selectFrom('audit_events').select(['resource_id', 'after']).where('resource_type', '=', 'PhoneNumber').where('resource_id', 'in', all200).execute();
    for (const n of all200) {
      const toAssigned = events.filter((e) => e.resource_id === n && e.after !== null && (JSON.parse(e.after) as { Status?: string }).Status === 'Assigned');
      expect(toAssigned, `assignment events of ${n}`).toHaveLength(1);
    }
    // Both nodes give the same answer.
    const listed = await Promise.all(
      nodes.map(async (node) => {
        const { voice } = sdkClients(node.url, admin);
        const assigned: string[] = [];
        let NextToken: string | undefined;
        do {
          const page = await voice.send(new ListPhoneNumbersCommand({ Status: 'Assigned', MaxResults: 100, NextToken }));
          assigned.push(...page.PhoneNumbers!.map((p) => p.E164PhoneNumber!));
          NextToken = page.NextToken;
        } while (NextToken);
        voice.destroy();
        return assigned.sort();
      }),
    );
    expect(listed[0]).toHaveLength(200);
    expect(listed[0]).toEqual(listed[1]);
    for (const node of nodes) expect(node.exitCode(), node.output()).toBeUndefined();
    for (const client of [...clients, base]) {
      client.voice.destroy();
      client.chime.destroy();
    }
  }, 120_000);
});
