import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Wizard from '@cloudscape-design/components/wizard';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { associateNumberWithUser, listAccounts, listUsers } from '../../api/accounts';
import { messageOf } from '../../api/api-error';
import { listAll } from '../../api/list-all';
import { useAsync } from '../../common/use-async';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useNotifications } from '../../notifications/notifications';
import { signInAgainNotice } from '../users/sign-in-notice';

const ASSIGN_FAILED = 'assign-user-failed';

/** Assign a Business Calling number: the account, Next, the user by full name, Assign. */
export function AssignUserPage() {
  const [params] = useSearchParams();
  const number = params.get('number')?.trim() ?? '';
  // Opened without a number (a bookmark, a typed address): there is nothing to assign.
  return number === '' ? <NoNumberChosen /> : <AssignUserWizard number={number} />;
}

function NoNumberChosen() {
  const { href, follow } = useConsoleLinks();
  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Inventory', path: '/inventory' }, { text: 'Assign to a user', path: '/inventory/assign-user' }]}>
      <Alert
        type="warning"
        header="No phone number chosen"
        action={
          <Button href={href('/inventory?status=Unassigned&product-type=BusinessCalling')} onFollow={follow}>
            Go to Inventory
          </Button>
        }
      >
        To assign a number to a user, select an unassigned Business Calling number on the Inventory page and choose Assign.
      </Alert>
    </ConsoleLayout>
  );
}

function AssignUserWizard({ number }: { number: string }) {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [step, setStep] = useState(0);
  const [account, setAccount] = useState<SelectProps.Option | null>(null);
  const [user, setUser] = useState<SelectProps.Option | null>(null);
  const [errors, setErrors] = useState<{ account?: string; user?: string }>({});
  const [submitting, setSubmitting] = useState(false);

  const accounts = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listAccounts(token);
        return { items: page.Accounts, nextToken: page.NextToken };
      }),
    [],
  );
  const users = useAsync(async () => {
    if (!account?.value) return [];
    return listAll(async (token) => {
      const page = await listUsers(account.value!, token);
      return { items: page.Users, nextToken: page.NextToken };
    });
  }, [account?.value]);

  // A user holds one Business Calling number: one who has a number is shown but cannot be chosen.
  // After a refusal the users are read again: whoever got a number meanwhile is no longer offered, and
  // no longer chosen.
  useEffect(() => {
    const chosen = users.value?.find((u) => u.UserId === user?.value);
    if (chosen?.PrimaryProvisionedNumber !== undefined) setUser(null);
  }, [users.value, user?.value]);

  const userOptions: SelectProps.Option[] = (users.value ?? []).map((u) => ({
    value: u.UserId,
    label: u.DisplayName ?? u.PrimaryEmail,
    description: u.PrimaryProvisionedNumber ? `${u.PrimaryEmail} · has ${u.PrimaryProvisionedNumber}; unassign it first` : u.PrimaryEmail,
    disabled: u.PrimaryProvisionedNumber !== undefined,
  }));

  const assign = async () => {
    if (!account?.value) return setErrors({ account: 'Choose the account the user belongs to.' });
    if (!user?.value) return setErrors({ user: "Choose the user's full name." });
    setSubmitting(true);
    try {
      await associateNumberWithUser(account.value, user.value, number);
      const name = user.label ?? user.value;
      notify({ id: `assign-user-${number}`, type: 'success', dismisses: [ASSIGN_FAILED], header: `${number} assigned to ${name}`, content: signInAgainNotice(name, 'number') });
      // Back to the Inventory showing that number, with its new holder by name (a user filter could show only the user's id).
      navigate(`/inventory?number-prefix=${encodeURIComponent(number)}`);
    } catch (error) {
      notify({ id: ASSIGN_FAILED, type: 'error', header: `${number} was not assigned`, content: messageOf(error) });
      users.reload();
      setSubmitting(false);
    }
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Inventory', path: '/inventory' }, { text: 'Assign to a user', path: `/inventory/assign-user?number=${encodeURIComponent(number)}` }]} contentType="wizard">
      <Wizard
        activeStepIndex={step}
        onNavigate={({ detail }) => {
          if (detail.requestedStepIndex === 1 && !account?.value) return setErrors({ account: 'Choose the account the user belongs to.' });
          setErrors({});
          setStep(detail.requestedStepIndex);
        }}
        onCancel={() => navigate('/inventory')}
        onSubmit={() => void assign()}
        isLoadingNextStep={submitting}
        submitButtonText="Assign"
        i18nStrings={{
          stepNumberLabel: (n) => `Step ${n}`,
          collapsedStepsLabel: (n, total) => `Step ${n} of ${total}`,
          navigationAriaLabel: 'Steps',
          cancelButton: 'Cancel',
          previousButton: 'Previous',
          nextButton: 'Next',
          optional: 'optional',
        }}
        steps={[
          {
            title: 'Account',
            description: `Select the account that the user of ${number} belongs to.`,
            content: (
              <Container header={<Header variant="h2">Account</Header>}>
                <FormField label="Account" errorText={errors.account ?? accounts.error}>
                  <Select
                    selectedOption={account}
                    onChange={({ detail }) => {
                      setAccount(detail.selectedOption);
                      setUser(null);
                      setErrors({});
                    }}
                    options={(accounts.value ?? []).map((a) => ({ value: a.AccountId, label: a.Name, description: a.AccountId }))}
                    placeholder="Choose an account"
                    filteringType="auto"
                    statusType={accounts.loading ? 'loading' : 'finished'}
                    loadingText="Loading accounts"
                    empty="No accounts yet: create one on the Accounts page"
                  />
                </FormField>
              </Container>
            ),
          },
          {
            title: 'User',
            description: "Select the user's full name.",
            content: (
              <SpaceBetween size="l">
                <Container header={<Header variant="h2">User</Header>}>
                  <FormField label="User" errorText={errors.user ?? users.error} description="A user has one Business Calling number; users who have one already cannot be chosen.">
                    <Select
                      selectedOption={user}
                      onChange={({ detail }) => {
                        setUser(detail.selectedOption);
                        setErrors({});
                      }}
                      options={userOptions}
                      placeholder="Choose a user by full name"
                      filteringType="auto"
                      statusType={users.loading ? 'loading' : 'finished'}
                      loadingText="Loading users"
                      empty="This account has no users yet"
                    />
                  </FormField>
                </Container>
                <Container header={<Header variant="h2">Summary</Header>}>
                  <KeyValuePairs
                    columns={3}
                    items={[
                      { label: 'Phone number', value: number },
                      { label: 'Account', value: account?.label ?? '-' },
                      { label: 'User', value: user?.label ?? '-' },
                    ]}
                  />
                </Container>
                <Box color="text-body-secondary">The user must sign out and sign in again before the number works for them.</Box>
              </SpaceBetween>
            ),
          },
        ]}
      />
    </ConsoleLayout>
  );
}
