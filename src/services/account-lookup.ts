// Finding an account or user of the caller's organization. Another organization's account or user
// looks exactly like a missing one.
import { notFound } from '../domain/numberyard-error';
import type { Executor } from '../storage/executor';
import { accountRepository, type AccountRow } from '../storage/repositories/account.repository';
import { userRepository, type UserView } from '../storage/repositories/user.repository';
import type { Caller } from './service-context';

export async function requireAccount(db: Executor, caller: Caller, accountId: string): Promise<AccountRow> {
  const account = await accountRepository.getInOrganization(db, caller.organizationId, accountId);
  if (!account) throw notFound(`Account ${accountId} not found`);
  return account;
}

/** The user (with its number) in that account; the account is checked first so the message names what is missing. */
export async function requireUser(db: Executor, caller: Caller, accountId: string, userId: string): Promise<UserView> {
  await requireAccount(db, caller, accountId);
  const user = await userRepository.getView(db, caller.organizationId, accountId, userId);
  if (!user) throw notFound(`User ${userId} not found in account ${accountId}`);
  return user;
}

/** Email addresses are compared without regard to case: stored and looked up in lower case. */
export function normalizeEmail(email: string): string {
  return email.toLowerCase();
}
