// `numberyard sip-media-applications …` and `sip-rules …`: a SIP rule is how a number is assigned
// to SIP media applications (Dial-In), through the Chime SDK Voice API.
import {
  CreateSipMediaApplicationCommand,
  CreateSipRuleCommand,
  DeleteSipMediaApplicationCommand,
  DeleteSipRuleCommand,
  GetSipMediaApplicationCommand,
  GetSipRuleCommand,
  UpdateSipRuleCommand,
  paginateListSipMediaApplications,
  paginateListSipRules,
  type SipMediaApplication,
  type SipRule,
} from '@aws-sdk/client-chime-sdk-voice';
import { Command, InvalidArgumentError } from 'commander';
import { e164List } from '../support/arguments';
import { usageError } from '../support/cli-error';
import { commandContext } from '../support/command-context';
import type { Connection } from '../support/connection';
import { details, table } from '../support/output';

function applicationDetails(a: SipMediaApplication): string {
  return details([
    ['SIP media application', a.SipMediaApplicationId],
    ['Name', a.Name],
    ['Region', a.AwsRegion],
    ['Endpoints', (a.Endpoints ?? []).map((e) => e.LambdaArn).join(', ')],
    ['Created', a.CreatedTimestamp],
  ]);
}

function ruleDetails(r: SipRule): string {
  return details([
    ['SIP rule', r.SipRuleId],
    ['Name', r.Name],
    ['Trigger', `${r.TriggerType} ${r.TriggerValue}`],
    ['Enabled', r.Disabled === undefined ? undefined : !r.Disabled],
    ['Targets', (r.TargetApplications ?? []).map((t) => `${t.SipMediaApplicationId} (priority ${t.Priority}, ${t.AwsRegion})`).join(', ')],
    ['Created', r.CreatedTimestamp],
  ]);
}

/** "ID" or "ID:PRIORITY"; repeated in priority order. */
function targetApplication(raw: string, previous: { SipMediaApplicationId: string; Priority: number }[] = []) {
  const [id, priority] = raw.split(':');
  const value = priority === undefined ? previous.length + 1 : Number(priority);
  if (!id || !Number.isInteger(value) || value < 1) throw new InvalidArgumentError(`${JSON.stringify(raw)} must be ID or ID:PRIORITY (priority 1 or more).`);
  return [...previous, { SipMediaApplicationId: id, Priority: value }];
}

async function setDisabled(connection: Connection, id: string, disabled: boolean): Promise<SipRule> {
  // UpdateSipRule needs the name, so the rule is read first.
  const { SipRule: rule } = await connection.voice.send(new GetSipRuleCommand({ SipRuleId: id }));
  const { SipRule: updated } = await connection.voice.send(new UpdateSipRuleCommand({ SipRuleId: id, Name: rule!.Name, Disabled: disabled }));
  return updated ?? {};
}

export function sipMediaApplicationsCommand(): Command {
  const applications = new Command('sip-media-applications').description('SIP media applications (the targets of SIP rules)');

  applications
    .command('list')
    .description('List every SIP media application')
    .action(async (_options, command: Command) => {
      const context = commandContext(command);
      const all: SipMediaApplication[] = [];
      for await (const page of paginateListSipMediaApplications({ client: context.connection().voice }, {})) all.push(...(page.SipMediaApplications ?? []));
      context.output.result({ SipMediaApplications: all }, (r) =>
        table(r.SipMediaApplications, [
          ['SIP MEDIA APPLICATION ID', (a) => a.SipMediaApplicationId],
          ['NAME', (a) => a.Name],
          ['REGION', (a) => a.AwsRegion],
        ]),
      );
    });

  applications
    .command('get')
    .description('Show one SIP media application')
    .argument('<id>', 'SIP media application id')
    .action(async (id: string, _options, command: Command) => {
      const context = commandContext(command);
      const { SipMediaApplication: found } = await context.connection().voice.send(new GetSipMediaApplicationCommand({ SipMediaApplicationId: id }));
      context.output.result(found ?? {}, applicationDetails);
    });

  applications
    .command('create')
    .description('Create a SIP media application')
    .argument('<name>', 'its name')
    .requiredOption('--lambda-arn <arn>', 'the AWS Lambda function that handles its calls (in the same region)')
    .option('--aws-region <region>', 'its region', 'us-east-1')
    .action(async (name: string, options: { lambdaArn: string; awsRegion: string }, command: Command) => {
      const context = commandContext(command);
      const { SipMediaApplication: created } = await context
        .connection()
        .voice.send(new CreateSipMediaApplicationCommand({ Name: name, AwsRegion: options.awsRegion, Endpoints: [{ LambdaArn: options.lambdaArn }] }));
      context.output.result(created ?? {}, applicationDetails);
    });

  applications
    .command('delete')
    .description('Delete a SIP media application (no SIP rule may point at it)')
    .argument('<id>', 'SIP media application id')
    .action(async (id: string, _options, command: Command) => {
      const context = commandContext(command);
      await context.connection().voice.send(new DeleteSipMediaApplicationCommand({ SipMediaApplicationId: id }));
      context.output.result({ SipMediaApplicationId: id, Deleted: true }, () => `Deleted SIP media application ${id}`);
    });

  return applications;
}

export function sipRulesCommand(): Command {
  const rules = new Command('sip-rules').description('SIP rules: assign a number (or a request URI host name) to SIP media applications');

  rules
    .command('list')
    .description('List SIP rules')
    .option('--sip-media-application <id>', 'only rules that target this application')
    .action(async (options: { sipMediaApplication?: string }, command: Command) => {
      const context = commandContext(command);
      const all: SipRule[] = [];
      for await (const page of paginateListSipRules({ client: context.connection().voice }, { SipMediaApplicationId: options.sipMediaApplication })) all.push(...(page.SipRules ?? []));
      context.output.result({ SipRules: all }, (r) =>
        table(r.SipRules, [
          ['SIP RULE ID', (s) => s.SipRuleId],
          ['NAME', (s) => s.Name],
          ['TRIGGER', (s) => `${s.TriggerType} ${s.TriggerValue}`],
          ['ENABLED', (s) => (s.Disabled ? 'no' : 'yes')],
          ['TARGETS', (s) => (s.TargetApplications ?? []).map((t) => t.SipMediaApplicationId).join(' ')],
        ]),
      );
    });

  rules
    .command('get')
    .description('Show one SIP rule')
    .argument('<id>', 'SIP rule id')
    .action(async (id: string, _options, command: Command) => {
      const context = commandContext(command);
      const { SipRule: found } = await context.connection().voice.send(new GetSipRuleCommand({ SipRuleId: id }));
      context.output.result(found ?? {}, ruleDetails);
    });

  rules
    .command('create')
    .description('Create a SIP rule: with --phone-number it assigns that SIP Media Application Dial-In number to the targets')
    .argument('<name>', 'its name')
    .option('--phone-number <e164>', 'trigger: calls to this number (E.164, +1 and ten digits for US)')
    .option('--hostname <host>', 'trigger: the request URI host name (a Voice Connector outbound host name)')
    .option('--target <id[:priority]>', 'a SIP media application (repeat, in priority order)', targetApplication, [])
    .option('--target-region <region>', 'region of the target applications', 'us-east-1')
    .option('--disabled', 'create it disabled', false)
    .action(
      async (name: string, options: { phoneNumber?: string; hostname?: string; target: { SipMediaApplicationId: string; Priority: number }[]; targetRegion: string; disabled: boolean }, command: Command) => {
        const context = commandContext(command);
        if ((options.phoneNumber === undefined) === (options.hostname === undefined)) throw usageError('Give exactly one trigger: --phone-number or --hostname');
        if (options.target.length === 0) throw usageError('Give at least one --target SIP media application');
        const trigger = options.phoneNumber
          ? { TriggerType: 'ToPhoneNumber' as const, TriggerValue: e164List([options.phoneNumber])[0] }
          : { TriggerType: 'RequestUriHostname' as const, TriggerValue: options.hostname };
        const { SipRule: created } = await context.connection().voice.send(
          new CreateSipRuleCommand({
            Name: name,
            ...trigger,
            Disabled: options.disabled,
            TargetApplications: options.target.map((t) => ({ ...t, AwsRegion: options.targetRegion })),
          }),
        );
        context.output.result(created ?? {}, ruleDetails);
      },
    );

  for (const [verb, disabled] of [['enable', false], ['disable', true]] as const) {
    rules
      .command(verb)
      .description(`${verb === 'enable' ? 'Enable' : 'Disable'} a SIP rule`)
      .argument('<id>', 'SIP rule id')
      .action(async (id: string, _options, command: Command) => {
        const context = commandContext(command);
        context.output.result(await setDisabled(context.connection(), id, disabled), ruleDetails);
      });
  }

  rules
    .command('delete')
    .description('Delete a SIP rule, which unassigns its number; this cannot be reversed (a rule must be disabled first, or pass --disable)')
    .argument('<id>', 'SIP rule id')
    .option('--disable', 'disable the rule first', false)
    .action(async (id: string, options: { disable: boolean }, command: Command) => {
      const context = commandContext(command);
      if (options.disable) await setDisabled(context.connection(), id, true);
      await context.connection().voice.send(new DeleteSipRuleCommand({ SipRuleId: id }));
      context.output.result({ SipRuleId: id, Deleted: true }, () => `Deleted SIP rule ${id}`);
    });

  return rules;
}
