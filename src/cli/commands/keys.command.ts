// `numberyard keys create|list|revoke` and `numberyard admin create`: access keys, managed on the
// server's host. A new secret is printed once and never again.
import { Command } from 'commander';
import type { NewAccessKey } from '../../services/organization.service';
import { commandContext } from '../support/command-context';
import { usageError } from '../support/cli-error';
import { table } from '../support/output';

function newKeyText(key: NewAccessKey): string {
  return (
    `Created ${key.IsAdmin ? 'administrator ' : ''}access key for organization ${key.OrganizationId} (the secret is shown once; keep it safe):\n` +
    `  AWS_ACCESS_KEY_ID=${key.AccessKeyId}\n  AWS_SECRET_ACCESS_KEY=${key.SecretAccessKey}\n`
  );
}

export function keysCommand(): Command {
  const keys = new Command('keys').description("Access keys of an organization (SigV4 credentials); runs on the server's host against its database");

  keys
    .command('create')
    .description('Create an access key and print its secret once')
    .requiredOption('--org <id>', 'the organization the key acts for (`numberyard orgs list`)')
    .option('--admin', 'an administrator key: may also load numbers (import) into any organization', false)
    .option('--description <text>', 'what the key is for')
    .action(async (options: { org: string; admin: boolean; description?: string }, command: Command) => {
      const { output } = commandContext(command);
      const { withServices } = await import('../support/server-host');
      const key = await withServices((services) =>
        services.organizations.createAccessKey(options.org, { isAdmin: options.admin, ...(options.description ? { description: options.description } : {}) }),
      );
      output.result(key, newKeyText);
    });

  keys
    .command('list')
    .description("List an organization's access keys (never their secrets)")
    .requiredOption('--org <id>', 'the organization')
    .action(async (options: { org: string }, command: Command) => {
      const { output } = commandContext(command);
      const { withServices } = await import('../support/server-host');
      const list = await withServices((services) => services.organizations.listAccessKeys(options.org));
      output.result(list, (rows) =>
        table(rows, [
          ['ACCESS KEY ID', (k) => k.AccessKeyId],
          ['ADMIN', (k) => (k.IsAdmin ? 'yes' : 'no')],
          ['CREATED', (k) => k.CreatedTimestamp],
          ['REVOKED', (k) => k.RevokedTimestamp],
          ['DESCRIPTION', (k) => k.Description],
        ]),
      );
    });

  keys
    .command('revoke')
    .description('Revoke an access key: requests signed with it are refused from now on')
    .argument('<access-key-id>', 'the key to revoke')
    .action(async (accessKeyId: string, _options, command: Command) => {
      const { output } = commandContext(command);
      const { withServices } = await import('../support/server-host');
      await withServices((services) => services.organizations.revokeAccessKey(accessKeyId));
      output.result({ AccessKeyId: accessKeyId, Revoked: true }, () => `Revoked access key ${accessKeyId}`);
    });

  return keys;
}

export function adminCommand(): Command {
  const admin = new Command('admin').description("Console administrators; runs on the server's host against its database");
  admin
    .command('create')
    .description('Create an administrator access key to sign in to the console with (in the first organization unless --org is given)')
    .option('--org <id>', 'the organization (default: the first one, created on first start)')
    .option('--description <text>', 'who the key is for', 'Console administrator')
    .action(async (options: { org?: string; description: string }, command: Command) => {
      const { output } = commandContext(command);
      const { withServices } = await import('../support/server-host');
      const key = await withServices(async (services, _database, config) => {
        const organizationId = options.org ?? (await services.organizations.listOrganizations())[0]?.OrganizationId;
        if (!organizationId) throw usageError('There is no organization yet: start the server once (`npm start`) or run `numberyard orgs create NAME`');
        const created = await services.organizations.createAccessKey(organizationId, { isAdmin: true, description: options.description });
        return { ...created, ConsoleUrl: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/console/` };
      });
      output.result(key, (k) => `${newKeyText(k)}Sign in to the console at ${k.ConsoleUrl} with it.\n`);
    });
  return admin;
}
