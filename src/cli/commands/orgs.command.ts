// `numberyard orgs create|list`: organizations, managed on the server's host (its database directly).
import { Command } from 'commander';
import { commandContext } from '../support/command-context';
import { table } from '../support/output';

export function orgsCommand(): Command {
  const orgs = new Command('orgs').description("Organizations (each has its own inventory); runs on the server's host against its database");

  orgs
    .command('create')
    .description('Create an organization and print its id (then `numberyard keys create --org ID` gives it an access key)')
    .argument('<name>', 'the organization name')
    .action(async (name: string, _options, command: Command) => {
      const { output } = commandContext(command);
      const { withServices } = await import('../support/server-host');
      const organization = await withServices((services) => services.organizations.createOrganization(name));
      output.result(organization, (o) => `Created organization ${o.OrganizationId} (${o.Name})`);
    });

  orgs
    .command('list')
    .description('List every organization')
    .action(async (_options, command: Command) => {
      const { output } = commandContext(command);
      const { withServices } = await import('../support/server-host');
      const organizations = await withServices((services) => services.organizations.listOrganizations());
      output.result(organizations, (rows) =>
        table(rows, [
          ['ORGANIZATION ID', (o) => o.OrganizationId],
          ['NAME', (o) => o.Name],
          ['CREATED', (o) => o.CreatedTimestamp],
        ]),
      );
    });

  return orgs;
}
