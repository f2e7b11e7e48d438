// `numberyard voice-connectors …` and `voice-connector-groups …` through the Chime SDK Voice API.
import {
  CreateVoiceConnectorCommand,
  CreateVoiceConnectorGroupCommand,
  DeleteVoiceConnectorCommand,
  DeleteVoiceConnectorGroupCommand,
  GetVoiceConnectorCommand,
  GetVoiceConnectorGroupCommand,
  paginateListVoiceConnectorGroups,
  paginateListVoiceConnectors,
  type VoiceConnector,
  type VoiceConnectorGroup,
} from '@aws-sdk/client-chime-sdk-voice';
import { Command, InvalidArgumentError, Option } from 'commander';
import { CALL_DISTRIBUTION_TYPES, VOICE_CONNECTOR_AWS_REGIONS } from '../../contract/enums';
import { commandContext } from '../support/command-context';
import { details, table } from '../support/output';

function connectorDetails(c: VoiceConnector): string {
  return details([
    ['Voice Connector', c.VoiceConnectorId],
    ['Name', c.Name],
    ['Region', c.AwsRegion],
    ['Outbound host name', c.OutboundHostName],
    ['Require encryption', c.RequireEncryption],
    ['Created', c.CreatedTimestamp],
  ]);
}

function groupDetails(g: VoiceConnectorGroup): string {
  return details([
    ['Voice Connector group', g.VoiceConnectorGroupId],
    ['Name', g.Name],
    ['Connectors', (g.VoiceConnectorItems ?? []).map((i) => `${i.VoiceConnectorId} (priority ${i.Priority})`).join(', ')],
    ['Call distribution', g.CallDistributionType],
    ['Created', g.CreatedTimestamp],
  ]);
}

/** "ID" or "ID:PRIORITY" (priority 1 is tried first). */
function connectorItem(raw: string, previous: { VoiceConnectorId: string; Priority: number }[] = []) {
  const [id, priority = '1'] = raw.split(':');
  const value = Number(priority);
  if (!id || !Number.isInteger(value) || value < 1 || value > 99) throw new InvalidArgumentError(`${JSON.stringify(raw)} must be ID or ID:PRIORITY with a priority from 1 to 99.`);
  return [...previous, { VoiceConnectorId: id, Priority: value }];
}

export function voiceConnectorsCommand(): Command {
  const connectors = new Command('voice-connectors').description('Voice Connectors (SIP trunks numbers can be assigned to)');

  connectors
    .command('list')
    .description('List every Voice Connector')
    .action(async (_options, command: Command) => {
      const context = commandContext(command);
      const all: VoiceConnector[] = [];
      for await (const page of paginateListVoiceConnectors({ client: context.connection().voice }, {})) all.push(...(page.VoiceConnectors ?? []));
      context.output.result({ VoiceConnectors: all }, (r) =>
        table(r.VoiceConnectors, [
          ['VOICE CONNECTOR ID', (c) => c.VoiceConnectorId],
          ['NAME', (c) => c.Name],
          ['REGION', (c) => c.AwsRegion],
          ['OUTBOUND HOST NAME', (c) => c.OutboundHostName],
        ]),
      );
    });

  connectors
    .command('get')
    .description('Show one Voice Connector')
    .argument('<id>', 'Voice Connector id')
    .action(async (id: string, _options, command: Command) => {
      const context = commandContext(command);
      const { VoiceConnector: found } = await context.connection().voice.send(new GetVoiceConnectorCommand({ VoiceConnectorId: id }));
      context.output.result(found ?? {}, connectorDetails);
    });

  connectors
    .command('create')
    .description('Create a Voice Connector')
    .argument('<name>', 'its name')
    .option('--require-encryption', 'require TLS and SRTP', false)
    .addOption(new Option('--aws-region <region>', 'its region').choices(VOICE_CONNECTOR_AWS_REGIONS).default('us-east-1'))
    .action(async (name: string, options: { requireEncryption: boolean; awsRegion: string }, command: Command) => {
      const context = commandContext(command);
      const { VoiceConnector: created } = await context
        .connection()
        .voice.send(new CreateVoiceConnectorCommand({ Name: name, RequireEncryption: options.requireEncryption, AwsRegion: options.awsRegion as never }));
      context.output.result(created ?? {}, connectorDetails);
    });

  connectors
    .command('delete')
    .description('Delete a Voice Connector (its numbers must be unassigned first)')
    .argument('<id>', 'Voice Connector id')
    .action(async (id: string, _options, command: Command) => {
      const context = commandContext(command);
      await context.connection().voice.send(new DeleteVoiceConnectorCommand({ VoiceConnectorId: id }));
      context.output.result({ VoiceConnectorId: id, Deleted: true }, () => `Deleted Voice Connector ${id}`);
    });

  return connectors;
}

export function voiceConnectorGroupsCommand(): Command {
  const groups = new Command('voice-connector-groups').description('Voice Connector groups (several connectors, tried in priority order)');

  groups
    .command('list')
    .description('List every Voice Connector group')
    .action(async (_options, command: Command) => {
      const context = commandContext(command);
      const all: VoiceConnectorGroup[] = [];
      for await (const page of paginateListVoiceConnectorGroups({ client: context.connection().voice }, {})) all.push(...(page.VoiceConnectorGroups ?? []));
      context.output.result({ VoiceConnectorGroups: all }, (r) =>
        table(r.VoiceConnectorGroups, [
          ['VOICE CONNECTOR GROUP ID', (g) => g.VoiceConnectorGroupId],
          ['NAME', (g) => g.Name],
          ['CONNECTORS', (g) => (g.VoiceConnectorItems ?? []).map((i) => `${i.VoiceConnectorId}:${i.Priority}`).join(' ')],
        ]),
      );
    });

  groups
    .command('get')
    .description('Show one Voice Connector group')
    .argument('<id>', 'Voice Connector group id')
    .action(async (id: string, _options, command: Command) => {
      const context = commandContext(command);
      const { VoiceConnectorGroup: found } = await context.connection().voice.send(new GetVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id }));
      context.output.result(found ?? {}, groupDetails);
    });

  groups
    .command('create')
    .description('Create a Voice Connector group')
    .argument('<name>', 'its name')
    .option('--connector <id[:priority]>', 'a member Voice Connector (repeat for several; priority 1 first)', connectorItem, [])
    .addOption(new Option('--call-distribution <type>', 'how calls spread over connectors of equal priority').choices(CALL_DISTRIBUTION_TYPES))
    .action(async (name: string, options: { connector: { VoiceConnectorId: string; Priority: number }[]; callDistribution?: string }, command: Command) => {
      const context = commandContext(command);
      const { VoiceConnectorGroup: created } = await context.connection().voice.send(
        new CreateVoiceConnectorGroupCommand({ Name: name, VoiceConnectorItems: options.connector, CallDistributionType: options.callDistribution as never }),
      );
      context.output.result(created ?? {}, groupDetails);
    });

  groups
    .command('delete')
    .description('Delete a Voice Connector group (its numbers and connectors must be removed first)')
    .argument('<id>', 'Voice Connector group id')
    .action(async (id: string, _options, command: Command) => {
      const context = commandContext(command);
      await context.connection().voice.send(new DeleteVoiceConnectorGroupCommand({ VoiceConnectorGroupId: id }));
      context.output.result({ VoiceConnectorGroupId: id, Deleted: true }, () => `Deleted Voice Connector group ${id}`);
    });

  return groups;
}
