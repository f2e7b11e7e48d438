// `numberyard keys create|list|revoke` and `numberyard admin create`: access keys, managed on the
// server's host. A new secret is printed once and never again.
import { Command } from 'commander';
import type { Services } from '../../services';
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

/**
 * A console user's password comes from NUMBERYARD_ADMIN_PASSWORD or standard input, never from an
 * argument: arguments are visible to every user of the host in `ps`.
 */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.NUMBERYARD_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) throw usageError('Set NUMBERYARD_ADMIN_PASSWORD or pipe the password on standard input (e.g. `numberyard admin create --username NAME < password-file`)');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (password === '') throw usageError('No password arrived on standard input');
  return password;
}

export function adminCommand(): Command {
  const admin = new Command('admin').description("Console administrators; runs on the server's host against its database");
  admin
    .command('create')
    .description(
      'Create a console administrator: with --username, a user who signs in with a password (from NUMBERYARD_ADMIN_PASSWORD or standard input); ' +
        'without it, an administrator access key (in the first organization unless --org is given)',
    )
    .option('--org <id>', 'the organization (default: the first one, created on first start)')
    .option('--username <name>', 'create a console user with this name instead of an access key')
    .option('--description <text>', 'who the key is for', 'Console administrator')
    .action(async (options: { org?: string; username?: string; description: string }, command: Command) => {
      const { output } = commandContext(command);
      const { withServices } = await import('../support/server-host');
      const password = options.username !== undefined ? await readPassword() : undefined;
      const consoleUrl = (config: { host: string; port: number }) => `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/console/`;
      const firstOrganization = async (services: Services) => {
        const organizationId = options.org ?? (await services.organizations.listOrganizations())[0]?.OrganizationId;
        if (!organizationId) throw usageError('There is no organization yet: start the server once (`npm start`) or run `numberyard orgs create NAME`');
        return organizationId;
      };
      if (options.username !== undefined && password !== undefined) {
        const username = options.username;
        const user = await withServices(async (services, _database, config) => {
          const created = await services.consoleUsers.create({ username, password, organizationId: await firstOrganization(services), isAdmin: true });
          return { ...created, ConsoleUrl: consoleUrl(config) };
        });
        output.result(user, (u) => `Created console administrator ${u.Username} in organization ${u.OrganizationId}.\nSign in to the console at ${u.ConsoleUrl} with this username and the password you gave.\n`);
        return;
      }
      const key = await withServices(async (services, _database, config) => {
        const created = await services.organizations.createAccessKey(await firstOrganization(services), { isAdmin: true, description: options.description });
        return { ...created, ConsoleUrl: consoleUrl(config) };
      });
      output.result(key, (k) => `${newKeyText(k)}Sign in to the console at ${k.ConsoleUrl} with it.\n`);
    });
  return admin;
}
