import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import { useState } from 'react';
import { ACCOUNT_NAME_MAX_LENGTH } from '../../../../src/contract/account.schema';
import { createAccount, listAccounts, type Account } from '../../api/accounts';
import { listAll } from '../../api/list-all';
import { formatTimestamp } from '../../common/labels';
import { FormModal } from '../../common/form-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { useAsync } from '../../common/use-async';
import { useDialogs } from '../../common/use-dialogs';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';

/** Business Calling accounts; each account's page lists its users. */
export function AccountsPage() {
  const { href, follow } = useConsoleLinks();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const accounts = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listAccounts(token);
        return { items: page.Accounts, nextToken: page.NextToken };
      }),
    [],
  );
  const dialogs = useDialogs<'create'>(accounts.reload);

  const openCreate = () => {
    setName('');
    setNameError(undefined);
    dialogs.show('create');
  };
  const create = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return setNameError('Enter a name for the account.');
    if (trimmed.length > ACCOUNT_NAME_MAX_LENGTH) return setNameError(`Use at most ${ACCOUNT_NAME_MAX_LENGTH} characters.`);
    await dialogs.run('The account was not created', async () => {
      const account = await createAccount(trimmed);
      return { id: `create-account-${account.AccountId}`, type: 'success', content: `Account ${account.Name} created.` };
    });
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Accounts', path: '/accounts' }]} contentType="table">
      <ResourceListTable
        title="Accounts"
        list={accounts}
        loadingText="Loading accounts"
        trackBy="AccountId"
        columns={[
          {
            id: 'name',
            header: 'Name',
            isRowHeader: true,
            cell: (a: Account) => (
              <Link href={href(`/accounts/${encodeURIComponent(a.AccountId)}`)} onFollow={follow}>
                {a.Name}
              </Link>
            ),
          },
          { id: 'id', header: 'Account ID', cell: (a) => a.AccountId },
          { id: 'license', header: 'Default license', cell: (a) => a.DefaultLicense },
          { id: 'status', header: 'Status', cell: (a) => a.AccountStatus },
          { id: 'created', header: 'Created', cell: (a) => formatTimestamp(a.CreatedTimestamp) },
        ]}
        actions={
          <Button variant="primary" onClick={openCreate}>
            Create account
          </Button>
        }
        empty="No accounts"
      />
      <FormModal {...dialogs.props('create')} header="Create account" submitText="Create" onSubmit={() => void create()}>
        <FormField label="Name" errorText={nameError}>
          <Input value={name} onChange={({ detail }) => (setName(detail.value), setNameError(undefined))} invalid={!!nameError} />
        </FormField>
      </FormModal>
    </ConsoleLayout>
  );
}
