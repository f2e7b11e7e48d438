import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import PropertyFilter from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProductType } from '../../../../src/contract/enums';
import { deletePhoneNumbers, listPhoneNumbers, setProductType, type PhoneNumber } from '../../api/phone-numbers';
import { KeysetPagination } from '../../common/keyset-pagination';
import { productTypeLabel } from '../../common/product-type-rules';
import { tableSelectionLabels } from '../../common/table-strings';
import { useDialogs } from '../../common/use-dialogs';
import { useHolderNames } from '../../common/use-holder-names';
import { useKeysetPages } from '../../common/use-keyset-pages';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useNotifications } from '../../notifications/notifications';
import { AssignVoiceConnectorModal, type VoiceTarget } from './assign-voice-connector-modal';
import { unassignNumbers } from './assignment-actions';
import { answerOf, batchNotices, notDone, numbersText } from './batch-notices';
import { DeleteNumbersModal } from './delete-numbers-modal';
import { EditProductTypeModal } from './edit-product-type-modal';
import {
  filterFromSearch,
  filteringOptions,
  filteringProperties,
  filterToSearch,
  filterToTokens,
  readTokens,
  sortOrderFromSearch,
  viewKey,
  viewToQuery,
  viewToSearch,
} from './inventory-filter';
import { phoneNumberColumns } from './phone-number-columns';
import { assignKind, assignProblem, reassignProblem, unassignedProblem, unassignProblem } from './selection-rules';
import { UnassignModal } from './unassign-modal';
import { useNamedHolders } from './use-named-holders';
import { associateNumbers } from '../../api/voice-connectors';
import { listOfNames, signInAgainNotice } from '../users/sign-in-notice';
import { FEATURES } from '../../features';

export const INVENTORY_PAGE_SIZE = 50;

type DialogName = 'edit-product-type' | 'delete' | 'assign' | 'reassign' | 'unassign';

/** Calling > Phone number management > Inventory. */
export function InventoryPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(searchParams), [searchParams]);
  const order = sortOrderFromSearch(searchParams);
  const key = viewKey(filter, order);
  const navigate = useNavigate();
  const { href, follow } = useConsoleLinks();
  const { notify } = useNotifications();
  const [selected, setSelected] = useState<PhoneNumber[]>([]);
  // Tokens the API cannot filter by (free text that is not a phone number): said below the filter, never dropped unseen.
  const [notApplied, setNotApplied] = useState<string[]>([]);

  const load = useCallback(
    async (nextToken: string | undefined) => {
      const page = await listPhoneNumbers({ ...viewToQuery(filter, order), 'max-results': INVENTORY_PAGE_SIZE, 'next-token': nextToken });
      return { items: page.PhoneNumbers, nextToken: page.NextToken };
    },
    [filter, order],
  );
  const pages = useKeysetPages(key, load);
  const dialogs = useDialogs<DialogName>(pages.reload);

  // A selection only ever holds numbers on screen, as they are now.
  useEffect(() => {
    setSelected((old) => pages.items.filter((item) => old.some((s) => s.PhoneNumberId === item.PhoneNumberId)));
  }, [pages.items]);

  useEffect(() => {
    if (pages.error) notify({ id: 'inventory-load', type: 'error', header: 'The inventory could not be loaded', content: pages.error });
  }, [pages.error, notify]);

  const nameOf = useHolderNames(pages.items);
  const namedHolders = useNamedHolders();
  const filterProperties = useMemo(() => filteringProperties(namedHolders), [namedHolders]);
  const filterOptions = useMemo(() => filteringOptions(namedHolders), [namedHolders]);
  const columns = useMemo(() => phoneNumberColumns((id) => href(`/inventory/${encodeURIComponent(id)}`), follow, nameOf), [href, follow, nameOf]);
  const changeProblem = unassignedProblem(selected);
  const assignBlocked = assignProblem(selected);
  const reassignBlocked = reassignProblem(selected);
  const unassignBlocked = unassignProblem(selected);

  const assign = () => {
    if (assignKind(selected) === 'user') navigate(`/inventory/assign-user?number=${encodeURIComponent(selected[0]!.E164PhoneNumber)}`);
    else dialogs.show('assign');
  };

  const assignToVoiceTarget = (target: VoiceTarget, force: boolean) => {
    const verb = force ? 'reassigned' : 'assigned';
    const numbers = selected.map((n) => n.E164PhoneNumber);
    return dialogs.run(notDone(numbers, verb), async () => {
      const { done, failed } = answerOf(numbers, await associateNumbers(target.kind, target.id, { E164PhoneNumbers: numbers, ForceAssociate: force }));
      return batchNotices('assign-voice', verb, done, failed, (what) => ({ content: `${what} ${verb} to ${target.name}.` }));
    });
  };

  const unassign = () =>
    dialogs.run(notDone(selected.map((n) => n.E164PhoneNumber), 'unassigned'), async () => {
      const { done, failed, users } = await unassignNumbers(selected);
      // Name whom to tell: the administrator passes the change on to these users.
      const userNames = users.map((user) => nameOf(user)?.name ?? `User ${user.Value}`);
      return batchNotices('unassign', 'unassigned', done, failed, (what) => ({
        header: `${what} unassigned.`,
        content: userNames.length > 0 ? signInAgainNotice(listOfNames(userNames), 'unassigned') : undefined,
      }));
    });

  const saveProductType = (productType: ProductType) => {
    const ids = selected.map((n) => n.PhoneNumberId);
    return dialogs.run(`The product type of ${numbersText(ids)} was not changed`, async () => {
      const { done, failed } = answerOf(ids, await setProductType(ids, productType));
      return batchNotices('edit-product-type', 'changed', done, failed, (what) => ({ content: `Product type of ${what} changed to ${productTypeLabel(productType)}.` }));
    });
  };

  const deleteSelected = () => {
    const ids = selected.map((n) => n.PhoneNumberId);
    return dialogs.run(notDone(ids, 'deleted'), async () => {
      const { done, failed } = answerOf(ids, await deletePhoneNumbers(ids));
      return batchNotices('delete-numbers', 'deleted', done, failed, (what, count) => ({
        content: `${what} deleted. You can restore ${count === 1 ? 'it' : 'them'} from Deleted numbers.`,
      }));
    });
  };

  const filtered = Object.keys(filterToSearch(filter)).length > 0;
  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Phone number management', path: '/inventory' }, { text: 'Inventory', path: '/inventory' }]} contentType="table">
      <Table
        variant="full-page"
        stickyHeader
        items={pages.items}
        columnDefinitions={columns}
        trackBy="PhoneNumberId"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={tableSelectionLabels('phone number', (n: PhoneNumber) => n.E164PhoneNumber)}
        // The server sorts (over the whole inventory, by E.164, either way); only the Phone number column
        // can be sorted, and a new order starts again at page 1.
        sortingColumn={{ sortingField: 'E164PhoneNumber' }}
        sortingDescending={order === 'desc'}
        onSortingChange={({ detail }) => setSearchParams(viewToSearch(filter, detail.isDescending ? 'desc' : 'asc'))}
        loading={pages.loading}
        loadingText="Loading phone numbers"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={selected.length > 0 ? `(${selected.length} selected)` : undefined}
            description="Phone numbers of your organization, with what each one is assigned to."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh" onClick={pages.reload} disabled={pages.loading} />
                <ButtonDropdown
                  items={[
                    { id: 'details', text: 'View details', disabled: selected.length !== 1, disabledReason: 'Select one phone number.' },
                    { id: 'delete', text: 'Delete', disabled: changeProblem !== undefined, disabledReason: changeProblem },
                  ]}
                  onItemClick={({ detail }) => {
                    if (detail.id === 'details' && selected[0]) navigate(`/inventory/${encodeURIComponent(selected[0].PhoneNumberId)}`);
                    if (detail.id === 'delete') dialogs.show('delete');
                  }}
                >
                  Actions
                </ButtonDropdown>
                <Button disabled={changeProblem !== undefined} disabledReason={changeProblem} onClick={() => dialogs.show('edit-product-type')}>
                  Edit product type
                </Button>
                {FEATURES.voiceConnectors && (
                  <Button disabled={unassignBlocked !== undefined} disabledReason={unassignBlocked} onClick={() => dialogs.show('unassign')}>
                    Unassign
                  </Button>
                )}
                {FEATURES.voiceConnectors && (
                  <Button disabled={reassignBlocked !== undefined} disabledReason={reassignBlocked} onClick={() => dialogs.show('reassign')}>
                    Reassign
                  </Button>
                )}
                {FEATURES.voiceConnectors && FEATURES.accounts && (
                  <Button variant="primary" disabled={assignBlocked !== undefined} disabledReason={assignBlocked} onClick={assign}>
                    Assign
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Inventory
          </Header>
        }
        filter={
          <PropertyFilter
            query={filterToTokens(filter)}
            onChange={({ detail }) => {
              const reading = readTokens(detail, filterProperties);
              setNotApplied(reading.notApplied);
              setSearchParams(viewToSearch(reading.filter, order));
            }}
            filteringProperties={filterProperties}
            filteringOptions={filterOptions}
            // The API has no "does not contain"; free text is a number prefix.
            freeTextFiltering={{ operators: [':'] }}
            filteringConstraintText={
              notApplied.length > 0 ? (
                <StatusIndicator type="warning">
                  Not applied: {notApplied.join(', ')}. Free text finds the phone numbers that start with it, such as +1206; to filter by anything else, choose a
                  property: Status, Product type, Country or Assigned to.
                </StatusIndicator>
              ) : (
                'Free text finds the phone numbers that start with it, such as +1206; to filter by anything else, choose a property.'
              )
            }
            filteringPlaceholder="Filter phone numbers by number, country, status, product type or what they are assigned to"
            filteringAriaLabel="Filter phone numbers"
            hideOperations
          />
        }
        pagination={<KeysetPagination pages={pages} />}
        empty={
          <Box textAlign="center" color="inherit" padding="l">
            <SpaceBetween size="xs">
              <b>{filtered ? 'No matching phone numbers' : 'No phone numbers'}</b>
              <Box variant="p" color="inherit">
                {filtered ? 'No phone number matches this filter.' : 'Order numbers or import them to fill the inventory.'}
              </Box>
              {filtered && (
                <Button
                  onClick={() => {
                    setNotApplied([]);
                    setSearchParams(viewToSearch({}, order));
                  }}
                >
                  Clear filter
                </Button>
              )}
            </SpaceBetween>
          </Box>
        }
      />
      <EditProductTypeModal {...dialogs.props('edit-product-type')} numbers={selected} onSave={(productType) => void saveProductType(productType)} />
      <AssignVoiceConnectorModal
        {...dialogs.props(dialogs.open === 'reassign' ? 'reassign' : 'assign')}
        numbers={selected}
        mode={dialogs.open === 'reassign' ? 'reassign' : 'assign'}
        onAssign={(target) => void assignToVoiceTarget(target, dialogs.open === 'reassign')}
      />
      <UnassignModal {...dialogs.props('unassign')} numbers={selected} nameOf={nameOf} onUnassign={() => void unassign()} />
      <DeleteNumbersModal {...dialogs.props('delete')} numbers={selected} onDelete={() => void deleteSelected()} />
    </ConsoleLayout>
  );
}
