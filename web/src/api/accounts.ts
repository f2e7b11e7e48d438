import type { Static } from 'typebox';
import type {
  Account,
  AccountResponse,
  ListAccountsResponse,
  ListUserNotificationsResponse,
  ListUsersResponse,
  TelephonySettings,
  User,
  UserResponse,
  UserSettingsResponse,
} from '../../../src/contract/account.schema';
import { label, request } from './http';

export type { Account, TelephonySettings, User };

export function listAccounts(nextToken?: string): Promise<Static<typeof ListAccountsResponse>> {
  return request('GET', '/accounts', { query: { 'max-results': 100, 'next-token': nextToken } });
}

export async function getAccount(accountId: string): Promise<Account> {
  return (await request<Static<typeof AccountResponse>>('GET', `/accounts/${label(accountId)}`)).Account;
}

export async function createAccount(name: string): Promise<Account> {
  return (await request<Static<typeof AccountResponse>>('POST', '/accounts', { body: { Name: name } })).Account;
}

export function listUsers(accountId: string, nextToken?: string): Promise<Static<typeof ListUsersResponse>> {
  return request('GET', `/accounts/${label(accountId)}/users`, { query: { 'max-results': 100, 'next-token': nextToken } });
}

export async function getUser(accountId: string, userId: string): Promise<User> {
  return (await request<Static<typeof UserResponse>>('GET', `/accounts/${label(accountId)}/users/${label(userId)}`)).User;
}

export async function createUser(accountId: string, body: { Username: string; Email: string }): Promise<User> {
  return (await request<Static<typeof UserResponse>>('POST', `/accounts/${label(accountId)}/users`, { query: { operation: 'create' }, body })).User;
}

export async function getUserSettings(accountId: string, userId: string): Promise<TelephonySettings> {
  return (await request<Static<typeof UserSettingsResponse>>('GET', `/accounts/${label(accountId)}/users/${label(userId)}/settings`)).UserSettings.Telephony;
}

export function updateUserSettings(accountId: string, userId: string, telephony: TelephonySettings): Promise<void> {
  return request('PUT', `/accounts/${label(accountId)}/users/${label(userId)}/settings`, { body: { UserSettings: { Telephony: telephony } } });
}

export function associateNumberWithUser(accountId: string, userId: string, e164: string): Promise<void> {
  const path = `/accounts/${label(accountId)}/users/${label(userId)}`;
  return request('POST', path, { query: { operation: 'associate-phone-number' }, body: { E164PhoneNumber: e164 } });
}

/** Refused (ConflictException) unless `e164` is still the user's number: the page may show an old view. */
export function disassociateNumberFromUser(accountId: string, userId: string, e164: string): Promise<void> {
  return request('POST', `/accounts/${label(accountId)}/users/${label(userId)}`, { query: { operation: 'disassociate-phone-number', 'phone-number': e164 } });
}

export function listUserNotifications(accountId: string, userId: string): Promise<Static<typeof ListUserNotificationsResponse>> {
  return request('GET', `/accounts/${label(accountId)}/users/${label(userId)}/notifications`, { query: { 'max-results': 100 } });
}
