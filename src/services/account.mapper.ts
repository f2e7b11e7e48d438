import type { Account, TelephonySettings, User, UserNotification, UserNotificationPayload } from '../contract/account.schema';
import { TEAM_SUPPORTED_LICENSES } from '../contract/account.schema';
import type { AccountStatus, AccountType, InviteStatus, License, RegistrationStatus, UserNotificationKind, UserType } from '../contract/enums';
import type { AccountRow } from '../storage/repositories/account.repository';
import type { UserNotificationRow } from '../storage/repositories/user-notification.repository';
import type { UserRow, UserView } from '../storage/repositories/user.repository';

/** The wire Account of a row; the organization stands where Chime shows the AWS account id. */
export function toWireAccount(row: AccountRow): Account {
  return {
    AwsAccountId: row.organization_id,
    AccountId: row.id,
    Name: row.name,
    AccountType: row.account_type as AccountType,
    CreatedTimestamp: row.created_at,
    DefaultLicense: row.default_license as License,
    SupportedLicenses: [...TEAM_SUPPORTED_LICENSES],
    AccountStatus: row.status as AccountStatus,
    SigninDelegateGroups: [],
  };
}

/** The wire User of a row and the number it holds (null when it holds none). */
export function toWireUser(row: UserRow, primaryProvisionedNumber: string | null): User {
  const wire: User = {
    UserId: row.id,
    AccountId: row.account_id,
    PrimaryEmail: row.primary_email,
    LicenseType: row.license_type as License,
    UserType: row.user_type as UserType,
    UserRegistrationStatus: row.registration_status as RegistrationStatus,
    SignInRequired: row.sign_in_required_at !== null,
  };
  if (primaryProvisionedNumber !== null) wire.PrimaryProvisionedNumber = primaryProvisionedNumber;
  if (row.display_name !== null) wire.DisplayName = row.display_name;
  if (row.invitation_status !== null) wire.UserInvitationStatus = row.invitation_status as InviteStatus;
  if (row.registered_at !== null) wire.RegisteredOn = row.registered_at;
  if (row.invited_at !== null) wire.InvitedOn = row.invited_at;
  if (row.sign_in_required_at !== null) wire.SignInRequiredSince = row.sign_in_required_at;
  return wire;
}

export function toWireUserView(view: UserView): User {
  return toWireUser(view, view.primary_provisioned_number);
}

export function telephonyOf(row: Pick<UserRow, 'inbound_calling' | 'outbound_calling' | 'sms'>): TelephonySettings {
  return { InboundCalling: row.inbound_calling === 1, OutboundCalling: row.outbound_calling === 1, SMS: row.sms === 1 };
}

export function toWireNotification(row: UserNotificationRow): UserNotification {
  const wire: UserNotification = {
    NotificationId: String(row.id),
    Kind: row.kind as UserNotificationKind,
    Payload: JSON.parse(row.payload) as UserNotificationPayload,
    CreatedTimestamp: row.created_at,
  };
  if (row.delivered_at !== null) wire.DeliveredTimestamp = row.delivered_at;
  return wire;
}
