// `numberyard accounts …` and `users …`: Business Calling accounts and users through the Chime API.
import {
  CreateAccountCommand,
  CreateUserCommand,
  GetAccountCommand,
  GetUserCommand,
  GetUserSettingsCommand,
  UpdateUserSettingsCommand,
  paginateListAccounts,
  paginateListUsers,
  type Account,
  type User,
} from '@aws-sdk/client-chime';
import { Command, InvalidArgumentError, Option } from 'commander';
import { USER_TYPES } from '../../contract/enums';
import { commandContext } from '../support/command-context';
import { details, table } from '../support/output';

function accountDetails(a: Account): string {
  return details([
    ['Account', a.AccountId],
    ['Name', a.Name],
    ['Type', a.AccountType],
    ['Status', a.AccountStatus],
    ['Default license', a.DefaultLicense],
    ['Created', a.CreatedTimestamp],
  ]);
}

function userDetails(u: User): string {
  return details([
    ['User', u.UserId],
    ['Account', u.AccountId],
    ['Email', u.PrimaryEmail],
    ['Name', u.DisplayName],
    ['Phone number', u.PrimaryProvisionedNumber],
    ['License', u.LicenseType],
    ['Type', u.UserType],
    ['Registration', u.UserRegistrationStatus],
  ]);
}

function onOff(raw: string): boolean {
  if (raw === 'on' || raw === 'true') return true;
  if (raw === 'off' || raw === 'false') return false;
  throw new InvalidArgumentError('must be on or off.');
}

export function accountsCommand(): Command {
  const accounts = new Command('accounts').description('Business Calling accounts (they hold users)');

  accounts
    .command('list')
    .description('List accounts')
    .option('--name <prefix>', 'only accounts whose name starts so')
    .action(async (options: { name?: string }, command: Command) => {
      const context = commandContext(command);
      const all: Account[] = [];
      for await (const page of paginateListAccounts({ client: context.connection().chime }, { Name: options.name })) all.push(...(page.Accounts ?? []));
      context.output.result({ Accounts: all }, (r) =>
        table(r.Accounts, [
          ['ACCOUNT ID', (a) => a.AccountId],
          ['NAME', (a) => a.Name],
          ['STATUS', (a) => a.AccountStatus],
        ]),
      );
    });

  accounts
    .command('get')
    .description('Show one account')
    .argument('<id>', 'account id')
    .action(async (id: string, _options, command: Command) => {
      const context = commandContext(command);
      const { Account: found } = await context.connection().chime.send(new GetAccountCommand({ AccountId: id }));
      context.output.result(found!, accountDetails);
    });

  accounts
    .command('create')
    .description('Create a Team account')
    .argument('<name>', 'its name')
    .action(async (name: string, _options, command: Command) => {
      const context = commandContext(command);
      const { Account: created } = await context.connection().chime.send(new CreateAccountCommand({ Name: name }));
      context.output.result(created!, accountDetails);
    });

  return accounts;
}

export function usersCommand(): Command {
  const users = new Command('users').description('Business Calling users of an account (a user can hold one Business Calling number)');

  users
    .command('list')
    .description("List an account's users")
    .requiredOption('--account <id>', 'the account')
    .option('--email <address>', 'only the user with this email')
    .action(async (options: { account: string; email?: string }, command: Command) => {
      const context = commandContext(command);
      const all: User[] = [];
      for await (const page of paginateListUsers({ client: context.connection().chime }, { AccountId: options.account, UserEmail: options.email })) all.push(...(page.Users ?? []));
      context.output.result({ Users: all }, (r) =>
        table(r.Users, [
          ['USER ID', (u) => u.UserId],
          ['EMAIL', (u) => u.PrimaryEmail],
          ['NAME', (u) => u.DisplayName],
          ['PHONE NUMBER', (u) => u.PrimaryProvisionedNumber],
        ]),
      );
    });

  users
    .command('get')
    .description('Show one user and their calling and SMS permissions')
    .argument('<user-id>', 'the user')
    .requiredOption('--account <id>', "the user's account")
    .action(async (userId: string, options: { account: string }, command: Command) => {
      const context = commandContext(command);
      const { chime } = context.connection();
      const { User: found } = await chime.send(new GetUserCommand({ AccountId: options.account, UserId: userId }));
      const { UserSettings: settings } = await chime.send(new GetUserSettingsCommand({ AccountId: options.account, UserId: userId }));
      context.output.result({ User: found!, UserSettings: settings }, (r) => {
        const t = r.UserSettings?.Telephony;
        return userDetails(r.User) + (t ? details([['Inbound calling', t.InboundCalling], ['Outbound calling', t.OutboundCalling], ['SMS', t.SMS]]) : '');
      });
    });

  users
    .command('create')
    .description('Create a user in an account')
    .requiredOption('--account <id>', 'the account')
    .requiredOption('--email <address>', "the user's email")
    .option('--username <name>', "the user's full name")
    .addOption(new Option('--user-type <type>', 'kind of user').choices(USER_TYPES))
    .action(async (options: { account: string; email: string; username?: string; userType?: string }, command: Command) => {
      const context = commandContext(command);
      const { User: created } = await context
        .connection()
        .chime.send(new CreateUserCommand({ AccountId: options.account, Email: options.email, Username: options.username, UserType: options.userType as never }));
      context.output.result(created!, userDetails);
    });

  users
    .command('set-permissions')
    .description("Change a user's calling and SMS permissions (the user must sign in again for them to apply)")
    .argument('<user-id>', 'the user')
    .requiredOption('--account <id>', "the user's account")
    .option('--inbound-calling <on|off>', 'receive calls', onOff)
    .option('--outbound-calling <on|off>', 'make calls', onOff)
    .option('--sms <on|off>', 'send and receive text messages', onOff)
    .action(async (userId: string, options: { account: string; inboundCalling?: boolean; outboundCalling?: boolean; sms?: boolean }, command: Command) => {
      const context = commandContext(command);
      const { chime } = context.connection();
      // The API replaces all three settings at once, so unspecified ones keep their current value.
      const { UserSettings: current } = await chime.send(new GetUserSettingsCommand({ AccountId: options.account, UserId: userId }));
      const Telephony = {
        InboundCalling: options.inboundCalling ?? current?.Telephony?.InboundCalling ?? true,
        OutboundCalling: options.outboundCalling ?? current?.Telephony?.OutboundCalling ?? true,
        SMS: options.sms ?? current?.Telephony?.SMS ?? true,
      };
      await chime.send(new UpdateUserSettingsCommand({ AccountId: options.account, UserId: userId, UserSettings: { Telephony } }));
      context.output.result({ UserId: userId, Telephony }, (r) =>
        `${details([['Inbound calling', r.Telephony.InboundCalling], ['Outbound calling', r.Telephony.OutboundCalling], ['SMS', r.Telephony.SMS]])}The user must sign in again for the change to take effect.\n`,
      );
    });

  return users;
}
