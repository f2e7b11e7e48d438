// Loads the sample organization through the API, as any client would, into the organization of the
// key it runs with. Every step looks for what an earlier run made first, so running it again
// changes nothing. A step whose operations this server does not offer is skipped and reported.
import {
  AssociatePhoneNumberWithUserCommand,
  CreateAccountCommand,
  CreateUserCommand,
  paginateListAccounts,
  ListUsersCommand,
  type Account,
  type User,
} from '@aws-sdk/client-chime';
import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
  GetPhoneNumberCommand,
  paginateListSipMediaApplications,
  paginateListSipRules,
  paginateListVoiceConnectorGroups,
  paginateListVoiceConnectors,
  type SipMediaApplication,
  type SipRule,
  type VoiceConnector,
  type VoiceConnectorGroup,
} from '@aws-sdk/client-chime-sdk-voice';
import type { ImportResponse } from '../../contract/admin.schema';
import type { Connection } from '../support/connection';
import {
  DEMO_ACCOUNTS,
  DEMO_CONNECTOR_NUMBERS,
  DEMO_GROUP_NAME,
  DEMO_GROUP_NUMBERS,
  DEMO_INVENTORY,
  DEMO_POOL,
  DEMO_SIP_MEDIA_APPLICATION,
  DEMO_SIP_RULE_NAME,
  DEMO_SIP_RULE_NUMBER,
  DEMO_USER_NUMBERS,
  DEMO_VOICE_CONNECTORS,
} from './demo-data';

export interface DemoStep {
  step: string;
  created: number;
  alreadyThere: number;
  /** Why the step did not run (the server does not offer those operations). */
  skipped?: string;
}

async function all<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

function isMissingOperation(error: unknown): boolean {
  return (error as { name?: string }).name === 'NotFoundException' && String((error as Error).message).startsWith('No operation at');
}

/** False also for a number another organization of this server holds (numbers are unique server-wide). */
async function isUnassigned(connection: Connection, e164: string): Promise<boolean> {
  try {
    const { PhoneNumber: found } = await connection.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: e164 }));
    return found?.Status === 'Unassigned';
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFoundException') return false;
    throw error;
  }
}

export async function loadDemo(connection: Connection, onStep: (step: DemoStep) => void): Promise<DemoStep[]> {
  const { voice, chime } = connection;
  const steps: DemoStep[] = [];
  const run = async (step: string, work: (counts: DemoStep) => Promise<void>) => {
    const counts: DemoStep = { step, created: 0, alreadyThere: 0 };
    try {
      await work(counts);
    } catch (error) {
      if (!isMissingOperation(error)) throw error;
      counts.skipped = `this server does not offer it yet (${(error as Error).message})`;
    }
    steps.push(counts);
    onStep(counts);
    return counts;
  };
  const tally = (counts: DemoStep, response: ImportResponse) => {
    counts.created += response.Imported.length;
    counts.alreadyThere += response.AlreadyPresent.length;
    if (response.PhoneNumberErrors.length > 0) throw new Error(`demo numbers were refused: ${JSON.stringify(response.PhoneNumberErrors.slice(0, 3))}`);
  };

  await run('inventory numbers', async (counts) => {
    const PhoneNumbers = DEMO_INVENTORY.map((n) => ({ E164PhoneNumber: n.e164, ProductType: n.productType, ...(n.name ? { Name: n.name } : {}) }));
    tally(counts, await connection.call<ImportResponse>('POST', '/admin/phone-numbers?operation=import', { PhoneNumbers }));
  });
  await run('available pool numbers', async (counts) => {
    const PhoneNumbers = DEMO_POOL.map((n) => ({ E164PhoneNumber: n.e164, ...(n.city ? { City: n.city, State: n.state } : {}) }));
    tally(counts, await connection.call<ImportResponse>('POST', '/admin/available-numbers?operation=import', { PhoneNumbers }));
  });

  const users: User[] = [];
  await run('accounts and users', async (counts) => {
    const accounts = await all(paginateListAccounts({ client: chime }, {}), (p) => p.Accounts);
    for (const demo of DEMO_ACCOUNTS) {
      let account: Account | undefined = accounts.find((a) => a.Name === demo.name);
      if (account) counts.alreadyThere += 1;
      else {
        account = (await chime.send(new CreateAccountCommand({ Name: demo.name }))).Account;
        counts.created += 1;
      }
      for (const [Username, Email] of demo.users) {
        let user = (await chime.send(new ListUsersCommand({ AccountId: account!.AccountId, UserEmail: Email }))).Users?.[0];
        if (user) counts.alreadyThere += 1;
        else {
          user = (await chime.send(new CreateUserCommand({ AccountId: account!.AccountId, Username, Email }))).User;
          counts.created += 1;
        }
        users.push(user!);
      }
    }
  });
  await run('Business Calling numbers of users', async (counts) => {
    for (const [i, user] of users.entries()) {
      const number = DEMO_USER_NUMBERS[i];
      if (!number) break;
      if (user.PrimaryProvisionedNumber || !(await isUnassigned(connection, number))) {
        counts.alreadyThere += 1;
        continue;
      }
      await chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: user.AccountId, UserId: user.UserId, E164PhoneNumber: number }));
      counts.created += 1;
    }
  });

  const connectors: VoiceConnector[] = [];
  await run('Voice Connectors', async (counts) => {
    const existing = await all(paginateListVoiceConnectors({ client: voice }, {}), (p) => p.VoiceConnectors);
    for (const demo of DEMO_VOICE_CONNECTORS) {
      let connector = existing.find((c) => c.Name === demo.name);
      if (connector) counts.alreadyThere += 1;
      else {
        connector = (await voice.send(new CreateVoiceConnectorCommand({ Name: demo.name, AwsRegion: demo.awsRegion, RequireEncryption: true }))).VoiceConnector;
        counts.created += 1;
      }
      connectors.push(connector!);
    }
  });
  let group: VoiceConnectorGroup | undefined;
  await run('Voice Connector group', async (counts) => {
    if (connectors.length === 0) return;
    group = (await all(paginateListVoiceConnectorGroups({ client: voice }, {}), (p) => p.VoiceConnectorGroups)).find((g) => g.Name === DEMO_GROUP_NAME);
    if (group) counts.alreadyThere += 1;
    else {
      const VoiceConnectorItems = connectors.map((c, i) => ({ VoiceConnectorId: c.VoiceConnectorId!, Priority: i + 1 }));
      group = (await voice.send(new CreateVoiceConnectorGroupCommand({ Name: DEMO_GROUP_NAME, VoiceConnectorItems }))).VoiceConnectorGroup;
      counts.created += 1;
    }
  });
  await run('Voice Connector numbers', async (counts) => {
    const assign = async (numbers: string[], send: (batch: string[]) => Promise<unknown>) => {
      const free: string[] = [];
      for (const number of numbers) if (await isUnassigned(connection, number)) free.push(number);
      counts.alreadyThere += numbers.length - free.length;
      if (free.length > 0) await send(free);
      counts.created += free.length;
    };
    if (connectors[0]) {
      await assign(DEMO_CONNECTOR_NUMBERS, (E164PhoneNumbers) =>
        voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: connectors[0]!.VoiceConnectorId, E164PhoneNumbers })),
      );
    }
    if (group) {
      await assign(DEMO_GROUP_NUMBERS, (E164PhoneNumbers) =>
        voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: group!.VoiceConnectorGroupId, E164PhoneNumbers })),
      );
    }
  });

  let application: SipMediaApplication | undefined;
  await run('SIP media application', async (counts) => {
    application = (await all(paginateListSipMediaApplications({ client: voice }, {}), (p) => p.SipMediaApplications)).find((a) => a.Name === DEMO_SIP_MEDIA_APPLICATION.name);
    if (application) counts.alreadyThere += 1;
    else {
      const { name, awsRegion, lambdaArn } = DEMO_SIP_MEDIA_APPLICATION;
      application = (await voice.send(new CreateSipMediaApplicationCommand({ Name: name, AwsRegion: awsRegion, Endpoints: [{ LambdaArn: lambdaArn }] }))).SipMediaApplication;
      counts.created += 1;
    }
  });
  await run('SIP rule', async (counts) => {
    if (!application) return;
    const rule: SipRule | undefined = (await all(paginateListSipRules({ client: voice }, {}), (p) => p.SipRules)).find((r) => r.Name === DEMO_SIP_RULE_NAME);
    if (rule) {
      counts.alreadyThere += 1;
      return;
    }
    await voice.send(
      new CreateSipRuleCommand({
        Name: DEMO_SIP_RULE_NAME,
        TriggerType: 'ToPhoneNumber',
        TriggerValue: DEMO_SIP_RULE_NUMBER,
        TargetApplications: [{ SipMediaApplicationId: application.SipMediaApplicationId, Priority: 1, AwsRegion: DEMO_SIP_MEDIA_APPLICATION.awsRegion }],
      }),
    );
    counts.created += 1;
  });
  return steps;
}
