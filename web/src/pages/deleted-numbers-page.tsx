import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/api-error';
import { listPhoneNumbers, restorePhoneNumber, type PhoneNumber } from '../api/phone-numbers';
import { KeysetPagination } from '../common/keyset-pagination';
import { formatTimestamp, NUMBER_TYPE_LABELS, PRODUCT_TYPE_LABELS } from '../common/labels';
import { tableSelectionLabels } from '../common/table-strings';
import { useKeysetPages } from '../common/use-keyset-pages';
import { ConsoleLayout } from '../layout/console-layout';
import { useNotifications } from '../notifications/notifications';
import { notDone, numbersText, RefusalList, type NumberRefusal } from './inventory/batch-notices';
import { INVENTORY_PAGE_SIZE } from './inventory/inventory-page';

/** Numbers waiting in the deletion queue (Status DeleteInProgress), restorable until they are purged. */
export function DeletedNumbersPage() {
  const { notify, dismiss } = useNotifications();
  const [selected, setSelected] = useState<PhoneNumber[]>([]);
  const [restoring, setRestoring] = useState(false);
  const load = useCallback(async (nextToken: string | undefined) => {
    const page = await listPhoneNumbers({ status: 'DeleteInProgress', 'max-results': INVENTORY_PAGE_SIZE, 'next-token': nextToken });
    return { items: page.PhoneNumbers, nextToken: page.NextToken };
  }, []);
  const pages = useKeysetPages('deleted', load);

  useEffect(() => {
    setSelected((old) => pages.items.filter((item) => old.some((s) => s.PhoneNumberId === item.PhoneNumberId)));
  }, [pages.items]);
  useEffect(() => {
    if (pages.error) notify({ id: 'deleted-load', type: 'error', header: 'Deleted numbers could not be loaded', content: pages.error });
    // Loaded after all (Refresh): the failure is stale.
    else if (!pages.loading) dismiss('deleted-load');
  }, [pages.error, pages.loading, notify, dismiss]);

  // RestorePhoneNumber takes one number; each is restored on its own and failures are listed.
  const restore = async () => {
    setRestoring(true);
    const restored: string[] = [];
    const failed: NumberRefusal[] = [];
    for (const number of selected) {
      try {
        await restorePhoneNumber(number.PhoneNumberId);
        restored.push(number.PhoneNumberId);
      } catch (error) {
        failed.push({ id: number.PhoneNumberId, message: messageOf(error) });
      }
    }
    if (restored.length > 0) {
      notify({
        id: 'restore',
        type: 'success',
        // An earlier restore's refusals are stale now; this one's, if any, follow.
        dismisses: ['restore-failed'],
        content: `${numbersText(restored)} restored to the inventory.`,
      });
    }
    if (failed.length > 0) {
      notify({
        id: 'restore-failed',
        type: 'error',
        header: notDone(failed.map((f) => f.id), 'restored'),
        content: <RefusalList failed={failed} />,
      });
    }
    setRestoring(false);
    pages.reload();
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Phone number management', path: '/inventory' }, { text: 'Deleted numbers', path: '/deleted-numbers' }]} contentType="table">
      <Table
        variant="full-page"
        items={pages.items}
        trackBy="PhoneNumberId"
        selectionType="multi"
        selectedItems={selected}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={tableSelectionLabels('deleted phone number', (n: PhoneNumber) => n.E164PhoneNumber)}
        loading={pages.loading}
        loadingText="Loading deleted numbers"
        columnDefinitions={[
          { id: 'number', header: 'Phone number', isRowHeader: true, cell: (n) => n.E164PhoneNumber },
          { id: 'productType', header: 'Product type', cell: (n) => PRODUCT_TYPE_LABELS[n.ProductType] },
          { id: 'country', header: 'Country', cell: (n) => n.Country },
          { id: 'type', header: 'Type', cell: (n) => NUMBER_TYPE_LABELS[n.Type] },
          { id: 'deleted', header: 'Deleted', cell: (n) => formatTimestamp(n.DeletionTimestamp) },
        ]}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={selected.length > 0 ? `(${selected.length} selected)` : undefined}
            description="Deleted numbers stay here until the restore window ends; restore them to put them back in the inventory as Unassigned."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh" onClick={pages.reload} disabled={pages.loading} />
                <Button variant="primary" disabled={selected.length === 0} disabledReason="Select one or more deleted numbers." loading={restoring} onClick={() => void restore()}>
                  Restore
                </Button>
              </SpaceBetween>
            }
          >
            Deleted numbers
          </Header>
        }
        pagination={<KeysetPagination pages={pages} />}
        empty={
          <Box textAlign="center" color="inherit" padding="l">
            <b>No deleted numbers</b>
          </Box>
        }
      />
    </ConsoleLayout>
  );
}
