// Model-based test (issue 8): random sequences of API operations through the real AWS SDK clients
// against a listening server, checked after every command against an in-memory reference model of
// the inventory (test/ops/support/model-inventory.ts). A failure prints the seed, the path and the
// command sequence; rerun it with MODEL_SEED=<seed> MODEL_PATH=<path> to replay that very case, and
// with MODEL_SHRINK=1 to let fast-check shrink it to the shortest failing sequence.
import { CreateAccountCommand, CreateUserCommand } from '@aws-sdk/client-chime';
import { CreateSipMediaApplicationCommand, CreateVoiceConnectorCommand, CreateVoiceConnectorGroupCommand } from '@aws-sdk/client-chime-sdk-voice';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { importNumbers } from '../support/inventory';
import { startTestServer, type TestServer } from '../support/test-server';
import { inventoryCommands, type RealInventory } from './support/model-commands';
import type { InventoryModel, ModelNumber, ModelProductType } from './support/model-inventory';

// MODEL_RUNS=<n> soaks longer locally; `npm test` keeps each dialect well under a minute.
const NUM_RUNS = Number(process.env.MODEL_RUNS ?? 12);
const MAX_COMMANDS = 25;

/** The kinds of number every run starts with: US local of each product type, US toll-free, non-US. */
const SHAPES: { kind: 'local' | 'tollFree' | 'uk'; productType: ModelProductType }[] = [
  { kind: 'local', productType: 'VoiceConnector' },
  { kind: 'local', productType: 'VoiceConnector' },
  { kind: 'local', productType: 'BusinessCalling' },
  { kind: 'local', productType: 'SipMediaApplicationDialIn' },
  { kind: 'tollFree', productType: 'VoiceConnector' },
  { kind: 'uk', productType: 'SipMediaApplicationDialIn' },
];

/** Distinct E.164s for run `run` (phone numbers are unique across organizations). */
function numbersOfRun(run: number): string[] {
  return SHAPES.map(({ kind }, i) => {
    const n = run * SHAPES.length + i;
    if (kind === 'local') return `+1206555${String(1000 + n).padStart(4, '0')}`;
    if (kind === 'tollFree') return `+1800555${String(1000 + n).padStart(4, '0')}`;
    return `+44207100${String(n).padStart(4, '0')}`;
  });
}

for (const dialect of DIALECTS) {
  describe(`model-based: random API sequences agree with the reference model [${dialect}]`, () => {
    let server: TestServer;
    let run = 0;

    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server?.close());

    /** A fresh organization per run: its own inventory, 2 connectors, 1 group, 1 SIP media application, 1 account with 2 users. */
    async function setup(): Promise<{ model: InventoryModel; real: RealInventory }> {
      run += 1;
      const org = await server.newOrganization(`model run ${run}`);
      const numbers = numbersOfRun(run);
      for (const productType of new Set(SHAPES.map((shape) => shape.productType))) {
        await importNumbers(
          server,
          numbers.filter((_, i) => SHAPES[i]!.productType === productType),
          productType,
          org,
        );
      }
      const connectorIds: string[] = [];
      for (const name of ['vc0', 'vc1']) {
        connectorIds.push((await org.voice.send(new CreateVoiceConnectorCommand({ Name: name, RequireEncryption: true }))).VoiceConnector!.VoiceConnectorId!);
      }
      const group = await org.voice.send(new CreateVoiceConnectorGroupCommand({ Name: 'group', VoiceConnectorItems: [] }));
      const application = await org.voice.send(
        new CreateSipMediaApplicationCommand({ AwsRegion: 'us-east-1', Name: 'ivr', Endpoints: [{ LambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:ivr' }] }),
      );
      const { Account } = await org.chime.send(new CreateAccountCommand({ Name: `model account ${run}` }));
      const userIds: string[] = [];
      for (const u of [0, 1]) {
        const { User } = await org.chime.send(new CreateUserCommand({ AccountId: Account!.AccountId!, Email: `model-${run}-${u}@example.com` }));
        userIds.push(User!.UserId!);
      }
      const model: InventoryModel = {
        numbers: numbers.map(
          (e164, i): ModelNumber => ({
            e164,
            us: SHAPES[i]!.kind !== 'uk',
            tollFree: SHAPES[i]!.kind === 'tollFree',
            productType: SHAPES[i]!.productType,
            status: 'Unassigned',
            holder: null,
          }),
        ),
        rules: [],
        nextRuleKey: 0,
        userNumbers: [null, null],
      };
      const real: RealInventory = {
        org,
        numbers,
        connectorIds,
        groupId: group.VoiceConnectorGroup!.VoiceConnectorGroupId!,
        applicationId: application.SipMediaApplication!.SipMediaApplicationId!,
        accountId: Account!.AccountId!,
        userIds,
        ruleIds: new Map(),
      };
      return { model, real };
    }

    it(
      `${NUM_RUNS} runs of up to ${MAX_COMMANDS} commands: every answer and every read-back matches the model`,
      async () => {
        const seed = process.env.MODEL_SEED ? Number(process.env.MODEL_SEED) : undefined;
        await fc.assert(
          fc.asyncProperty(inventoryCommands(SHAPES.length, MAX_COMMANDS), (commands) => fc.asyncModelRun(setup, commands)),
          {
            numRuns: NUM_RUNS,
            ...(seed !== undefined && { seed, path: process.env.MODEL_PATH }),
            // Shrinking replays whole sequences against a real server: far too slow for `npm test`.
            // The failure message still names the seed, the path and every command of the sequence.
            endOnFailure: !process.env.MODEL_SHRINK,
          },
        );
      },
      // About 1 s a run on a loaded two-core machine, with room to spare.
      Math.max(240_000, NUM_RUNS * 4_000),
    );
  });
}
