import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Header from '@cloudscape-design/components/header';
import PropertyFilter from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProductType } from '../../../../src/contract/enums';
import { messageOf } from '../../api/api-error';
import { deletePhoneNumbers, listPhoneNumbers, setProductType, type PhoneNumber, type PhoneNumberError } from '../../api/phone-numbers';
import { KeysetPagination } from '../../common/keyset-pagination';
import { productTypeLabel } from '../../common/product-type-rules';
import { tableSelectionLabels } from '../../common/table-strings';
import { useKeysetPages } from '../../common/use-keyset-pages';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useNotifications } from '../../notifications/notifications';
import { AssignVoiceConnectorModal, type VoiceTarget } from './assign-voice-connector-modal';
import { unassignNumbers } from './assignment-actions';
import { DeleteNumbersModal } from './delete-numbers-modal';
import { EditProductTypeModal } from './edit-product-type-modal';
import {
  FILTERING_OPTIONS,
  FILTERING_PROPERTIES,
  filterFromSearch,
  filterToSearch,
  filterToTokens,
  sortOrderFromSearch,
  tokensToFilter,
  viewKey,
  viewToQuery,
  viewToSearch,
} from './inventory-filter';
import { phoneNumberColumns } from './phone-number-columns';
import { assignKind, assignProblem, reassignProblem, unassignedProblem, unassignProblem } from './selection-rules';
import { UnassignModal } from './unassign-modal';
import { associateNumbers } from '../../api/voice-connectors';
import { signInAgainNotice } from '../users/sign-in-notice';
import { FEATURES } from '../../features';

export const INVENTORY_PAGE_SIZE = 50;

type Dialog = 'edit-product-type' | 'delete' | 'assign' | 'reassign' | 'unassign' | undefined;

function failureList(errors: PhoneNumberError[]) {
  return (
    <ul>
      {errors.map((e) => (
        <li key={e.PhoneNumberId}>
          {e.PhoneNumberId}: {e.ErrorMessage}
        </li>
      ))}
    </ul>
  );
}

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
  const [dialog, setDialog] = useState<Dialog>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (nextToken: string | undefined) => {
      const page = await listPhoneNumbers({ ...viewToQuery(filter, order), 'max-results': INVENTORY_PAGE_SIZE, 'next-token': nextToken });
      return { items: page.PhoneNumbers, nextToken: page.NextToken };
    },
    [filter, order],
  );
  const pages = useKeysetPages(key, load);

  // A selection only ever holds numbers on screen, as they are now.
  useEffect(() => {
    setSelected((old) => pages.items.filter((item) => old.some((s) => s.PhoneNumberId === item.PhoneNumberId)));
  }, [pages.items]);

  useEffect(() => {
    if (pages.error) notify({ id: 'inventory-load', type: 'error', header: 'The inventory could not be loaded', content: pages.error });
  }, [pages.error, notify]);

  const columns = useMemo(() => phoneNumberColumns((id) => href(`/inventory/${encodeURIComponent(id)}`), follow), [href, follow]);
  const changeProblem = unassignedProblem(selected);
  const assignBlocked = assignProblem(selected);
  const reassignBlocked = reassignProblem(selected);
  const unassignBlocked = unassignProblem(selected);

  const assign = () => {
    if (assignKind(selected) === 'user') navigate(`/inventory/assign-user?number=${encodeURIComponent(selected[0]!.E164PhoneNumber)}`);
    else setDialog('assign');
  };

  const assignToVoiceTarget = async (target: VoiceTarget, force: boolean) => {
    setBusy(true);
    const numbers = selected.map((n) => n.E164PhoneNumber);
    try {
      const errors = await associateNumbers(target.kind, target.id, { E164PhoneNumbers: numbers, ForceAssociate: force });
      const moved = numbers.length - errors.length;
      const verb = force ? 'reassigned' : 'assigned';
      if (moved > 0) {
        notify({ id: 'assign-voice', type: 'success', content: `${moved === 1 && errors.length === 0 ? numbers[0] : `${moved} phone numbers`} ${verb} to ${target.name}.` });
      }
      if (errors.length > 0) notify({ id: 'assign-voice-failed', type: 'error', header: `${errors.length} phone numbers were not ${verb}`, content: failureList(errors) });
      setDialog(undefined);
      pages.reload();
    } catch (error) {
      notify({ id: 'assign-voice-failed', type: 'error', header: `The phone numbers were not ${force ? 'reassigned' : 'assigned'}`, content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const unassign = async () => {
    setBusy(true);
    const outcome = await unassignNumbers(selected);
    if (outcome.done.length > 0) {
      notify({
        id: 'unassign',
        type: 'success',
        header: `${outcome.done.length === 1 ? outcome.done[0] : `${outcome.done.length} phone numbers`} unassigned.`,
        content: outcome.users > 0 ? signInAgainNotice(outcome.users === 1 ? 'The user' : 'Each user', 'unassigned') : undefined,
      });
    }
    if (outcome.failed.length > 0) {
      notify({
        id: 'unassign-failed',
        type: 'error',
        header: `${outcome.failed.length} phone numbers were not unassigned`,
        content: failureList(outcome.failed.map((f) => ({ PhoneNumberId: f.id, ErrorCode: 'BadRequest', ErrorMessage: f.message }))),
      });
    }
    setBusy(false);
    setDialog(undefined);
    pages.reload();
  };

  const saveProductType = async (productType: ProductType) => {
    setBusy(true);
    const ids = selected.map((n) => n.PhoneNumberId);
    try {
      const errors = await setProductType(ids, productType);
      const changed = ids.length - errors.length;
      if (changed > 0) {
        notify({
          id: 'edit-product-type',
          type: 'success',
          content: `Product type of ${changed === 1 && errors.length === 0 ? ids[0] : `${changed} phone numbers`} changed to ${productTypeLabel(productType)}.`,
        });
      }
      if (errors.length > 0) notify({ id: 'edit-product-type-failed', type: 'error', header: `${errors.length} phone numbers were not changed`, content: failureList(errors) });
      setDialog(undefined);
      pages.reload();
    } catch (error) {
      notify({ id: 'edit-product-type-failed', type: 'error', header: 'The product type was not changed', content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const deleteSelected = async () => {
    setBusy(true);
    const ids = selected.map((n) => n.PhoneNumberId);
    try {
      const errors = await deletePhoneNumbers(ids);
      const deleted = ids.length - errors.length;
      if (deleted > 0) {
        notify({
          id: 'delete-numbers',
          type: 'success',
          content: `${deleted === 1 && errors.length === 0 ? ids[0] : `${deleted} phone numbers`} deleted. You can restore ${deleted === 1 ? 'it' : 'them'} from Deleted numbers.`,
        });
      }
      if (errors.length > 0) notify({ id: 'delete-numbers-failed', type: 'error', header: `${errors.length} phone numbers were not deleted`, content: failureList(errors) });
      setDialog(undefined);
      pages.reload();
    } catch (error) {
      notify({ id: 'delete-numbers-failed', type: 'error', header: 'The phone numbers were not deleted', content: messageOf(error) });
    } finally {
      setBusy(false);
    }
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
                    if (detail.id === 'delete') setDialog('delete');
                  }}
                >
                  Actions
                </ButtonDropdown>
                <Button disabled={changeProblem !== undefined} disabledReason={changeProblem} onClick={() => setDialog('edit-product-type')}>
                  Edit product type
                </Button>
                {FEATURES.voiceConnectors && (
                  <Button disabled={unassignBlocked !== undefined} disabledReason={unassignBlocked} onClick={() => setDialog('unassign')}>
                    Unassign
                  </Button>
                )}
                {FEATURES.voiceConnectors && (
                  <Button disabled={reassignBlocked !== undefined} disabledReason={reassignBlocked} onClick={() => setDialog('reassign')}>
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
            onChange={({ detail }) => setSearchParams(viewToSearch(tokensToFilter(detail), order))}
            filteringProperties={FILTERING_PROPERTIES}
            filteringOptions={FILTERING_OPTIONS}
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
              {filtered && <Button onClick={() => setSearchParams(viewToSearch({}, order))}>Clear filter</Button>}
            </SpaceBetween>
          </Box>
        }
      />
      <EditProductTypeModal
        numbers={selected}
        visible={dialog === 'edit-product-type'}
        saving={busy}
        onDismiss={() => setDialog(undefined)}
        onSave={(productType) => void saveProductType(productType)}
      />
      <AssignVoiceConnectorModal
        numbers={selected}
        mode={dialog === 'reassign' ? 'reassign' : 'assign'}
        visible={dialog === 'assign' || dialog === 'reassign'}
        busy={busy}
        onDismiss={() => setDialog(undefined)}
        onAssign={(target) => void assignToVoiceTarget(target, dialog === 'reassign')}
      />
      <UnassignModal numbers={selected} visible={dialog === 'unassign'} busy={busy} onDismiss={() => setDialog(undefined)} onUnassign={() => void unassign()} />
      <DeleteNumbersModal numbers={selected} visible={dialog === 'delete'} deleting={busy} onDismiss={() => setDialog(undefined)} onDelete={() => void deleteSelected()} />
    </ConsoleLayout>
  );
}
