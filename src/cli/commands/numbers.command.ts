// `numberyard numbers …`: the inventory through the Chime SDK Voice / Chime API, as any SDK script would.
import {
  AssociatePhoneNumbersWithVoiceConnectorCommand,
  AssociatePhoneNumbersWithVoiceConnectorGroupCommand,
  BatchDeletePhoneNumberCommand,
  BatchUpdatePhoneNumberCommand,
  DisassociatePhoneNumbersFromVoiceConnectorCommand,
  DisassociatePhoneNumbersFromVoiceConnectorGroupCommand,
  GetPhoneNumberCommand,
  ListPhoneNumbersCommand,
  RestorePhoneNumberCommand,
  paginateListPhoneNumbers,
  type PhoneNumber,
  type PhoneNumberError,
} from '@aws-sdk/client-chime-sdk-voice';
import { AssociatePhoneNumberWithUserCommand, DisassociatePhoneNumberFromUserCommand } from '@aws-sdk/client-chime';
import { Command, Option } from 'commander';
import type { ProductType } from '../../contract/enums';
import { BATCH_MAX_ITEMS, LIST_MAX_RESULTS } from '../../contract/limits';
import { e164List, filterNameOption, integerIn, productTypeOption, statusOption } from '../support/arguments';
import { CliError, usageError } from '../support/cli-error';
import { commandContext } from '../support/command-context';
import type { Connection } from '../support/connection';
import type { Output } from '../support/output';
import { phoneNumberDetails, phoneNumberTable } from '../support/phone-number-format';

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface BatchOutcome {
  Succeeded: string[];
  PhoneNumberErrors: PhoneNumberError[];
}

/** Prints which numbers a batch changed and which it did not (and why); exit code 1 when any failed. */
function reportBatch(output: Output, verb: string, numbers: readonly string[], errors: readonly PhoneNumberError[]): void {
  const failed = new Set(errors.map((e) => e.PhoneNumberId));
  const outcome: BatchOutcome = { Succeeded: numbers.filter((n) => !failed.has(n)), PhoneNumberErrors: [...errors] };
  output.result(outcome, (o) =>
    [
      o.Succeeded.length > 0 ? `${verb} ${o.Succeeded.length} number(s): ${o.Succeeded.join(', ')}` : '',
      ...o.PhoneNumberErrors.map((e) => `  ${e.PhoneNumberId}: ${e.ErrorCode}: ${e.ErrorMessage}`),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  if (errors.length > 0) throw new CliError(`${errors.length} of ${numbers.length} number(s) were not changed; see the reasons above`);
}

interface TargetOptions {
  voiceConnector?: string;
  voiceConnectorGroup?: string;
  user?: string;
  account?: string;
  force?: boolean;
}

type Target = { kind: 'VoiceConnector'; id: string } | { kind: 'VoiceConnectorGroup'; id: string } | { kind: 'User'; id: string; accountId: string };

function targetOf(options: TargetOptions, allowUser: boolean): Target {
  const given = [options.voiceConnector, options.voiceConnectorGroup, options.user].filter((v) => v !== undefined);
  const choices = allowUser ? '--voice-connector, --voice-connector-group or --user (with --account)' : '--voice-connector or --voice-connector-group';
  if (given.length !== 1) throw usageError(`Give exactly one target: ${choices}`);
  if (options.voiceConnector) return { kind: 'VoiceConnector', id: options.voiceConnector };
  if (options.voiceConnectorGroup) return { kind: 'VoiceConnectorGroup', id: options.voiceConnectorGroup };
  if (!options.account) throw usageError('--user needs --account (the Business Calling account the user belongs to)');
  return { kind: 'User', id: options.user!, accountId: options.account };
}

async function associate(connection: Connection, target: Target, numbers: string[], force: boolean): Promise<PhoneNumberError[]> {
  if (target.kind === 'User') {
    // Business Calling: one number per user, one call per number.
    if (numbers.length !== 1) throw usageError('A user holds one Business Calling number: give exactly one number with --user');
    await connection.chime.send(new AssociatePhoneNumberWithUserCommand({ AccountId: target.accountId, UserId: target.id, E164PhoneNumber: numbers[0] }));
    return [];
  }
  const errors: PhoneNumberError[] = [];
  for (const batch of chunks(numbers, BATCH_MAX_ITEMS)) {
    const result =
      target.kind === 'VoiceConnector'
        ? await connection.voice.send(new AssociatePhoneNumbersWithVoiceConnectorCommand({ VoiceConnectorId: target.id, E164PhoneNumbers: batch, ForceAssociate: force }))
        : await connection.voice.send(new AssociatePhoneNumbersWithVoiceConnectorGroupCommand({ VoiceConnectorGroupId: target.id, E164PhoneNumbers: batch, ForceAssociate: force }));
    errors.push(...(result.PhoneNumberErrors ?? []));
  }
  return errors;
}

function targetOptions(command: Command, allowUser: boolean): Command {
  command.option('--voice-connector <id>', 'a Voice Connector').option('--voice-connector-group <id>', 'a Voice Connector group');
  if (allowUser) command.option('--user <id>', 'a Business Calling user (with --account)').option('--account <id>', "the user's account");
  return command;
}

/** Unassigns each number from whatever holds it, looked up first; SIP rule numbers are freed by deleting the rule. */
async function unassign(connection: Connection, numbers: readonly string[]): Promise<PhoneNumberError[]> {
  const errors: PhoneNumberError[] = [];
  const byTarget = new Map<string, { kind: 'VoiceConnectorId' | 'VoiceConnectorGroupId'; id: string; numbers: string[] }>();
  for (const number of numbers) {
    const { PhoneNumber: found } = await connection.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: number }));
    const associations = found?.Associations ?? [];
    const user = associations.find((a) => a.Name === ('UserId' as string));
    const account = associations.find((a) => a.Name === ('AccountId' as string));
    const rule = associations.find((a) => a.Name === 'SipRuleId');
    const connector = associations.find((a) => a.Name === 'VoiceConnectorId' || a.Name === 'VoiceConnectorGroupId');
    if (user && account) {
      await connection.chime.send(new DisassociatePhoneNumberFromUserCommand({ AccountId: account.Value, UserId: user.Value }));
    } else if (rule) {
      errors.push({ PhoneNumberId: number, ErrorCode: 'Conflict', ErrorMessage: `held by SIP rule ${rule.Value}: delete the rule to free it (\`numberyard sip-rules delete ${rule.Value}\`)` });
    } else if (connector) {
      const key = `${connector.Name}/${connector.Value}`;
      const entry = byTarget.get(key) ?? { kind: connector.Name as 'VoiceConnectorId' | 'VoiceConnectorGroupId', id: connector.Value!, numbers: [] };
      entry.numbers.push(number);
      byTarget.set(key, entry);
    } else {
      errors.push({ PhoneNumberId: number, ErrorCode: 'BadRequest', ErrorMessage: `is not assigned (status ${found?.Status})` });
    }
  }
  for (const entry of byTarget.values()) {
    for (const batch of chunks(entry.numbers, BATCH_MAX_ITEMS)) {
      const result =
        entry.kind === 'VoiceConnectorId'
          ? await connection.voice.send(new DisassociatePhoneNumbersFromVoiceConnectorCommand({ VoiceConnectorId: entry.id, E164PhoneNumbers: batch }))
          : await connection.voice.send(new DisassociatePhoneNumbersFromVoiceConnectorGroupCommand({ VoiceConnectorGroupId: entry.id, E164PhoneNumbers: batch }));
      errors.push(...(result.PhoneNumberErrors ?? []));
    }
  }
  return errors;
}

interface ListOptions {
  status?: string;
  productType?: ProductType;
  filterName?: string;
  filterValue?: string;
  maxResults?: number;
  nextToken?: string;
  all?: boolean;
}

export function numbersCommand(): Command {
  const numbers = new Command('numbers').description('Phone numbers of your inventory (through the Chime SDK Voice API)');

  numbers
    .command('list')
    .description('List numbers, one page (100) at a time or --all of them; `numberyard export` streams large inventories to a file')
    .addOption(statusOption())
    .addOption(productTypeOption('--product-type <type>', 'only numbers of this product type'))
    .addOption(filterNameOption())
    .option('--filter-value <id>', 'the target id for --filter-name')
    .option('--max-results <n>', `numbers per page (1-${LIST_MAX_RESULTS})`, integerIn(1, LIST_MAX_RESULTS))
    .option('--next-token <token>', 'continue from the NextToken a previous page printed')
    .option('--all', 'follow NextToken to the end')
    .action(async (options: ListOptions, command: Command) => {
      const context = commandContext<ListOptions>(command);
      const { voice } = context.connection();
      if ((options.filterName === undefined) !== (options.filterValue === undefined)) throw usageError('--filter-name and --filter-value go together');
      const query = {
        Status: options.status,
        ProductType: options.productType as never,
        FilterName: options.filterName as never,
        FilterValue: options.filterValue,
        MaxResults: options.maxResults,
      };
      if (options.all) {
        const all: PhoneNumber[] = [];
        for await (const page of paginateListPhoneNumbers({ client: voice, pageSize: options.maxResults ?? LIST_MAX_RESULTS }, query)) all.push(...(page.PhoneNumbers ?? []));
        context.output.result({ PhoneNumbers: all }, (r) => phoneNumberTable(r.PhoneNumbers));
        return;
      }
      const page = await voice.send(new ListPhoneNumbersCommand({ ...query, NextToken: options.nextToken }));
      context.output.result({ PhoneNumbers: page.PhoneNumbers ?? [], NextToken: page.NextToken }, (r) =>
        phoneNumberTable(r.PhoneNumbers) + (r.NextToken ? `More: --next-token ${r.NextToken}  (or --all)\n` : ''),
      );
    });

  numbers
    .command('get')
    .description('Show one number: product type, status, what it is assigned to, capabilities')
    .argument('<number>', 'E.164, such as +12065550100')
    .action(async (number: string, _options, command: Command) => {
      const context = commandContext(command);
      const [id] = e164List([number]);
      const { PhoneNumber: found } = await context.connection().voice.send(new GetPhoneNumberCommand({ PhoneNumberId: id }));
      context.output.result(found ?? {}, phoneNumberDetails);
    });

  numbers
    .command('set-product-type')
    .description('Change the product type of unassigned numbers (non-US numbers can only be SipMediaApplicationDialIn)')
    .argument('<numbers...>', 'E.164 numbers')
    .addOption(productTypeOption('--product-type <type>', 'the new product type').makeOptionMandatory())
    .action(async (given: string[], options: { productType: ProductType }, command: Command) => {
      const context = commandContext(command);
      const ids = e164List(given);
      const errors: PhoneNumberError[] = [];
      for (const batch of chunks(ids, BATCH_MAX_ITEMS)) {
        const result = await context.connection().voice.send(
          new BatchUpdatePhoneNumberCommand({ UpdatePhoneNumberRequestItems: batch.map((PhoneNumberId) => ({ PhoneNumberId, ProductType: options.productType as never })) }),
        );
        errors.push(...(result.PhoneNumberErrors ?? []));
      }
      reportBatch(context.output, `Set product type ${options.productType} on`, ids, errors);
    });

  numbers
    .command('delete')
    .description('Move unassigned numbers to the deletion queue (restorable until purged; see `numbers restore`)')
    .argument('<numbers...>', 'E.164 numbers')
    .action(async (given: string[], _options, command: Command) => {
      const context = commandContext(command);
      const ids = e164List(given);
      const errors: PhoneNumberError[] = [];
      for (const batch of chunks(ids, BATCH_MAX_ITEMS)) {
        const result = await context.connection().voice.send(new BatchDeletePhoneNumberCommand({ PhoneNumberIds: batch }));
        errors.push(...(result.PhoneNumberErrors ?? []));
      }
      reportBatch(context.output, 'Deleted', ids, errors);
    });

  numbers
    .command('restore')
    .description('Take numbers back out of the deletion queue')
    .argument('<numbers...>', 'E.164 numbers')
    .action(async (given: string[], _options, command: Command) => {
      const context = commandContext(command);
      const ids = e164List(given);
      const errors: PhoneNumberError[] = [];
      for (const id of ids) {
        try {
          await context.connection().voice.send(new RestorePhoneNumberCommand({ PhoneNumberId: id }));
        } catch (error) {
          const e = error as { name?: string; Code?: string; message?: string; $metadata?: unknown };
          if (!e.$metadata) throw error;
          errors.push({ PhoneNumberId: id, ErrorCode: (e.Code ?? e.name) as never, ErrorMessage: e.message ?? '' });
        }
      }
      reportBatch(context.output, 'Restored', ids, errors);
    });

  targetOptions(
    numbers
      .command('assign')
      .description('Assign numbers to a Voice Connector or group, or one Business Calling number to a user (SIP media application numbers: `sip-rules create`)')
      .argument('<numbers...>', 'E.164 numbers')
      .addOption(new Option('--force', 'take numbers from whatever holds them now (ForceAssociate)').default(false)),
    true,
  ).action(async (given: string[], options: TargetOptions, command: Command) => {
    const context = commandContext(command);
    const ids = e164List(given);
    const errors = await associate(context.connection(), targetOf(options, true), ids, options.force === true);
    reportBatch(context.output, 'Assigned', ids, errors);
  });

  targetOptions(
    numbers
      .command('reassign')
      .description('Move numbers from the Voice Connector or group that holds them to another one (ForceAssociate)')
      .argument('<numbers...>', 'E.164 numbers'),
    false,
  ).action(async (given: string[], options: TargetOptions, command: Command) => {
    const context = commandContext(command);
    const ids = e164List(given);
    const errors = await associate(context.connection(), targetOf(options, false), ids, true);
    reportBatch(context.output, 'Reassigned', ids, errors);
  });

  numbers
    .command('unassign')
    .description('Unassign numbers from the user, Voice Connector or group that holds them')
    .argument('<numbers...>', 'E.164 numbers')
    .action(async (given: string[], _options, command: Command) => {
      const context = commandContext(command);
      const ids = e164List(given);
      reportBatch(context.output, 'Unassigned', ids, await unassign(context.connection(), ids));
    });

  return numbers;
}
