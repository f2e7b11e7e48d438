// Wire shapes of the Business Calling account and user operations (@aws-sdk/client-chime, legacy),
// plus numberyard's extension fields (SignInRequired...) and its notifications route.
import { Type, type Static } from 'typebox';
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  EMAIL_STATUSES,
  INVITE_STATUSES,
  LICENSES,
  REGISTRATION_STATUSES,
  USER_NOTIFICATION_KINDS,
  USER_TYPES,
  type License,
} from './enums';
import { LIST_MAX_RESULTS } from './limits';
import { E164String, IdParam, MaxResults, NextToken, StringEnum, Timestamp } from './schema-helpers';

/** The Chime API reference: account names are 1-100 characters and not blank. */
export const ACCOUNT_NAME_MAX_LENGTH = 100;
/** "Sends email to a maximum of 50 users" (InviteUsers). */
export const INVITE_MAX_EMAILS = 50;
export const EMAIL_MAX_LENGTH = 254;
/** numberyard's accounts are Team accounts (CreateAccount supports no other type); these are the licenses they offer. */
export const TEAM_SUPPORTED_LICENSES = ['Basic', 'Pro'] as const satisfies readonly License[];
export const TEAM_DEFAULT_LICENSE: License = 'Pro';
export const USER_NAME_MAX_LENGTH = 256;
/** An address with one @ and a dot in its domain, no spaces (stricter than Chime's `.+@.+\..+`). */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

const NotBlank = '\\S';
const AccountName = Type.String({ minLength: 1, maxLength: ACCOUNT_NAME_MAX_LENGTH, pattern: NotBlank });
const Email = Type.String({ maxLength: EMAIL_MAX_LENGTH, pattern: EMAIL_PATTERN });

export const Account = Type.Object({
  /** The organization the account belongs to (in Chime, the AWS account id). */
  AwsAccountId: Type.String(),
  AccountId: Type.String(),
  Name: Type.String(),
  AccountType: StringEnum(ACCOUNT_TYPES),
  CreatedTimestamp: Timestamp,
  DefaultLicense: StringEnum(LICENSES),
  SupportedLicenses: Type.Array(StringEnum(LICENSES)),
  AccountStatus: StringEnum(ACCOUNT_STATUSES),
  SigninDelegateGroups: Type.Array(Type.Object({ GroupName: Type.String() })),
});
export type Account = Static<typeof Account>;

export const AccountResponse = Type.Object({ Account });
export const AccountIdParams = Type.Object({ AccountId: IdParam });

export const CreateAccountBody = Type.Object({ Name: AccountName });
export type CreateAccountBody = Static<typeof CreateAccountBody>;

export const UpdateAccountBody = Type.Object({
  Name: Type.Optional(AccountName),
  DefaultLicense: Type.Optional(StringEnum(LICENSES)),
});
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;

export const ListAccountsQuery = Type.Object({
  /** Accounts whose name starts with this (case-sensitive). */
  name: Type.Optional(AccountName),
  /** The one account that has a user with this email address. */
  'user-email': Type.Optional(Email),
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export type ListAccountsQuery = Static<typeof ListAccountsQuery>;

export const ListAccountsResponse = Type.Object({
  Accounts: Type.Array(Account),
  NextToken: Type.Optional(Type.String()),
});

export const User = Type.Object({
  UserId: Type.String(),
  AccountId: Type.String(),
  PrimaryEmail: Type.String(),
  PrimaryProvisionedNumber: Type.Optional(Type.String()),
  DisplayName: Type.Optional(Type.String()),
  LicenseType: StringEnum(LICENSES),
  UserType: StringEnum(USER_TYPES),
  UserRegistrationStatus: StringEnum(REGISTRATION_STATUSES),
  UserInvitationStatus: Type.Optional(StringEnum(INVITE_STATUSES)),
  RegisteredOn: Type.Optional(Timestamp),
  InvitedOn: Type.Optional(Timestamp),
  /** numberyard extension: the user's number or permissions changed and apply once they sign in again. */
  SignInRequired: Type.Boolean(),
  SignInRequiredSince: Type.Optional(Timestamp),
});
export type User = Static<typeof User>;

export const UserResponse = Type.Object({ User });
export const UserParams = Type.Object({ AccountId: IdParam, UserId: IdParam });

export const CreateUserBody = Type.Object({
  /** Shown as the user's DisplayName (the full name the console picks users by). */
  Username: Type.Optional(Type.String({ minLength: 1, maxLength: USER_NAME_MAX_LENGTH, pattern: NotBlank })),
  Email: Email,
  UserType: Type.Optional(StringEnum(USER_TYPES)),
});
export type CreateUserBody = Static<typeof CreateUserBody>;

export const InviteUsersBody = Type.Object({
  UserEmailList: Type.Array(Email, { minItems: 1, maxItems: INVITE_MAX_EMAILS }),
  UserType: Type.Optional(StringEnum(USER_TYPES)),
});
export type InviteUsersBody = Static<typeof InviteUsersBody>;

export const Invite = Type.Object({
  InviteId: Type.Optional(Type.String()),
  Status: StringEnum(INVITE_STATUSES),
  EmailAddress: Type.String(),
  EmailStatus: StringEnum(EMAIL_STATUSES),
});
export type Invite = Static<typeof Invite>;

export const InviteUsersResponse = Type.Object({ Invites: Type.Array(Invite) });

export const ListUsersQuery = Type.Object({
  'user-email': Type.Optional(Email),
  'user-type': Type.Optional(StringEnum(USER_TYPES)),
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export type ListUsersQuery = Static<typeof ListUsersQuery>;

export const ListUsersResponse = Type.Object({
  Users: Type.Array(User),
  NextToken: Type.Optional(Type.String()),
});

export const UpdateUserBody = Type.Object({
  LicenseType: Type.Optional(StringEnum(LICENSES)),
  UserType: Type.Optional(StringEnum(USER_TYPES)),
  /** Modelled by the SDK; numberyard has no Alexa for Business and refuses it with a clear message. */
  AlexaForBusinessMetadata: Type.Optional(Type.Unknown()),
});
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const TelephonySettings = Type.Object({
  InboundCalling: Type.Boolean(),
  OutboundCalling: Type.Boolean(),
  SMS: Type.Boolean(),
});
export type TelephonySettings = Static<typeof TelephonySettings>;

export const UserSettings = Type.Object({ Telephony: TelephonySettings });
export const UserSettingsResponse = Type.Object({ UserSettings });
export const UpdateUserSettingsBody = Type.Object({ UserSettings });
export type UpdateUserSettingsBody = Static<typeof UpdateUserSettingsBody>;

export const AssociatePhoneNumberWithUserBody = Type.Object({ E164PhoneNumber: E164String });

/**
 * numberyard extension of DisassociatePhoneNumberFromUser, a query parameter the AWS SDKs never send:
 * `phone-number` makes the call refuse (ConflictException) unless this is still the user's number, so
 * that a console showing an old view cannot take away the number the user was given meanwhile.
 */
export const DisassociatePhoneNumberFromUserQuery = Type.Object({ 'phone-number': Type.Optional(E164String) });
export type DisassociatePhoneNumberFromUserQuery = Static<typeof DisassociatePhoneNumberFromUserQuery>;
export type AssociatePhoneNumberWithUserBody = Static<typeof AssociatePhoneNumberWithUserBody>;

/** What a queued notification tells the user: their number and permissions as they now are. */
export const UserNotificationPayload = Type.Object({
  AccountId: Type.String(),
  UserId: Type.String(),
  PrimaryProvisionedNumber: Type.Optional(Type.String()),
  Telephony: TelephonySettings,
  Message: Type.String(),
});
export type UserNotificationPayload = Static<typeof UserNotificationPayload>;

export const UserNotification = Type.Object({
  NotificationId: Type.String({ description: 'Grows strictly with each notification' }),
  Kind: StringEnum(USER_NOTIFICATION_KINDS),
  Payload: UserNotificationPayload,
  CreatedTimestamp: Timestamp,
  DeliveredTimestamp: Type.Optional(Timestamp),
});
export type UserNotification = Static<typeof UserNotification>;

export const ListUserNotificationsQuery = Type.Object({
  'max-results': Type.Optional(MaxResults(LIST_MAX_RESULTS)),
  'next-token': Type.Optional(NextToken),
});
export type ListUserNotificationsQuery = Static<typeof ListUserNotificationsQuery>;

export const ListUserNotificationsResponse = Type.Object({
  Notifications: Type.Array(UserNotification),
  NextToken: Type.Optional(Type.String()),
});
