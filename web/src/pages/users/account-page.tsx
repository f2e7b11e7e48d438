import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { useParams } from 'react-router';
import { EMAIL_PATTERN } from '../../../../src/contract/account.schema';
import { createUser, getAccount, getUserSettings, listUsers, updateUserSettings, type TelephonySettings, type User } from '../../api/accounts';
import { messageOf } from '../../api/api-error';
import { listAll } from '../../api/list-all';
import { FormModal } from '../../common/form-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { useAsync } from '../../common/use-async';
import { useDialogs } from '../../common/use-dialogs';
import { ConsoleLayout } from '../../layout/console-layout';
import { useNotifications } from '../../notifications/notifications';
import { signInAgainNotice } from './sign-in-notice';

const EMAIL = new RegExp(EMAIL_PATTERN);
const fullName = (u: User) => u.DisplayName ?? u.PrimaryEmail;

/** An account's users: their number, and their calling and SMS permissions. */
export function AccountPage() {
  const { accountId = '' } = useParams();
  const { notify, dismiss } = useNotifications();
  const [selected, setSelected] = useState<User[]>([]);
  const [newUser, setNewUser] = useState({ name: '', email: '' });
  const [errors, setErrors] = useState<{ name?: string | undefined; email?: string | undefined }>({});
  const [telephony, setTelephony] = useState<TelephonySettings | undefined>();
  const account = useAsync(() => getAccount(accountId), [accountId]);
  const users = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listUsers(accountId, token);
        return { items: page.Users, nextToken: page.NextToken };
      }),
    [accountId],
  );
  const dialogs = useDialogs<'create' | 'permissions'>(users.reload);

  const openCreate = () => {
    setNewUser({ name: '', email: '' });
    setErrors({});
    dialogs.show('create');
  };
  const create = async () => {
    const problems = {
      name: newUser.name.trim() === '' ? "Enter the user's full name." : undefined,
      email: EMAIL.test(newUser.email.trim()) ? undefined : 'Enter an email address such as jane@example.com.',
    };
    if (problems.name || problems.email) return setErrors(problems);
    await dialogs.run('The user was not created', async () => {
      const user = await createUser(accountId, { Username: newUser.name.trim(), Email: newUser.email.trim() });
      return { id: `create-user-${user.UserId}`, type: 'success', content: `User ${fullName(user)} created.` };
    });
  };

  const openPermissions = async () => {
    const user = selected[0];
    if (!user) return;
    setTelephony(undefined);
    dialogs.show('permissions');
    try {
      setTelephony(await getUserSettings(accountId, user.UserId));
      dismiss('permissions-load-failed');
    } catch (error) {
      // Nothing was entered yet, so the dialog closes and the page's flash says why.
      dialogs.close();
      notify({ id: 'permissions-load-failed', type: 'error', header: `The permissions of ${fullName(user)} could not be loaded`, content: messageOf(error) });
    }
  };
  const savePermissions = async () => {
    const user = selected[0];
    if (!user || !telephony) return;
    await dialogs.run(`The permissions of ${fullName(user)} were not saved`, async () => {
      await updateUserSettings(accountId, user.UserId, telephony);
      return { id: `permissions-${user.UserId}`, type: 'success', header: `Calling and SMS permissions of ${fullName(user)} saved`, content: signInAgainNotice(fullName(user), 'permissions') };
    });
  };

  const title = account.value?.Name ?? accountId;
  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Accounts', path: '/accounts' }, { text: title, path: `/accounts/${encodeURIComponent(accountId)}` }]} contentType="table">
      <ResourceListTable
        title={title}
        description={`Users of account ${accountId}`}
        // An account that cannot be read (unknown, or another organization's) has no users to show either.
        list={{ ...users, error: account.error ?? users.error, loading: users.loading || account.loading, reload: () => (account.reload(), users.reload()) }}
        loadingText="Loading users"
        trackBy="UserId"
        selection={{ selected, onChange: setSelected, noun: 'user', nameOf: fullName }}
        columns={[
          { id: 'name', header: 'Full name', isRowHeader: true, cell: fullName },
          { id: 'email', header: 'Email', cell: (u) => u.PrimaryEmail },
          { id: 'number', header: 'Phone number', cell: (u) => u.PrimaryProvisionedNumber ?? '-' },
          { id: 'license', header: 'License', cell: (u) => u.LicenseType },
          {
            id: 'signIn',
            header: 'Sign-in',
            cell: (u) => (u.SignInRequired ? <StatusIndicator type="warning">Must sign in again</StatusIndicator> : <StatusIndicator type="success">Up to date</StatusIndicator>),
          },
        ]}
        actions={[
          <Button key="permissions" disabled={selected.length === 0} disabledReason="Select a user." onClick={() => void openPermissions()}>
            Edit calling and SMS permissions
          </Button>,
          <Button key="create" variant="primary" disabled={account.error !== undefined} disabledReason="The account could not be read." onClick={openCreate}>
            Create user
          </Button>,
        ]}
        empty="No users in this account"
      />
      <FormModal {...dialogs.props('create')} header="Create user" submitText="Create" onSubmit={() => void create()}>
        <FormField label="Full name" errorText={errors.name}>
          <Input value={newUser.name} onChange={({ detail }) => (setNewUser((u) => ({ ...u, name: detail.value })), setErrors((e) => ({ ...e, name: undefined })))} invalid={!!errors.name} />
        </FormField>
        <FormField label="Email" errorText={errors.email}>
          <Input
            value={newUser.email}
            type="email"
            onChange={({ detail }) => (setNewUser((u) => ({ ...u, email: detail.value })), setErrors((e) => ({ ...e, email: undefined })))}
            invalid={!!errors.email}
          />
        </FormField>
      </FormModal>
      <FormModal
        {...dialogs.props('permissions')}
        header={`Calling and SMS permissions of ${selected[0] ? fullName(selected[0]) : ''}`}
        submitText="Save"
        onSubmit={() => void savePermissions()}
      >
        {telephony ? (
          <SpaceBetween size="s">
            <Checkbox checked={telephony.InboundCalling} onChange={({ detail }) => setTelephony({ ...telephony, InboundCalling: detail.checked })}>
              Inbound calling
            </Checkbox>
            <Checkbox checked={telephony.OutboundCalling} onChange={({ detail }) => setTelephony({ ...telephony, OutboundCalling: detail.checked })}>
              Outbound calling
            </Checkbox>
            <Checkbox checked={telephony.SMS} onChange={({ detail }) => setTelephony({ ...telephony, SMS: detail.checked })}>
              SMS
            </Checkbox>
            <Box color="text-body-secondary">The user must sign out and sign in again before changed permissions apply.</Box>
          </SpaceBetween>
        ) : (
          <Spinner />
        )}
      </FormModal>
    </ConsoleLayout>
  );
}
