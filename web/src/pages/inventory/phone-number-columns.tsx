import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { PhoneNumber } from '../../api/phone-numbers';
import type { Association, HolderNameOf } from '../../common/use-holder-names';
import { ASSOCIATION_LABELS, formatTimestamp, NUMBER_TYPE_LABELS, PRODUCT_TYPE_LABELS, STATUS_LABELS, statusIndicatorType } from '../../common/labels';

/**
 * "User Jane Doe (account Example Corp)": what holds the number, in the console's words, by name
 * where `nameOf` knows it (see useHolderNames) and by id otherwise.
 */
export function assignedTo(number: PhoneNumber, nameOf: HolderNameOf): string {
  const holder = number.Associations.find((a) => a.Name !== 'AccountId');
  if (!holder) return '-';
  const account = number.Associations.find((a) => a.Name === 'AccountId');
  const named = (association: Association) => nameOf(association)?.name ?? association.Value;
  return `${ASSOCIATION_LABELS[holder.Name]} ${named(holder)}${account ? ` (account ${named(account)})` : ''}`;
}

export function phoneNumberColumns(
  detailsHref: (id: string) => string,
  follow: (event: { preventDefault(): void; detail: { href?: string | undefined } }) => void,
  nameOf: HolderNameOf,
): TableProps.ColumnDefinition<PhoneNumber>[] {
  return [
    {
      id: 'number',
      header: 'Phone number',
      sortingField: 'E164PhoneNumber',
      isRowHeader: true,
      cell: (n) => (
        <Link href={detailsHref(n.PhoneNumberId)} onFollow={follow}>
          {n.E164PhoneNumber}
        </Link>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (n) => <StatusIndicator type={statusIndicatorType(n.Status)}>{STATUS_LABELS[n.Status]}</StatusIndicator>,
    },
    { id: 'productType', header: 'Product type', cell: (n) => PRODUCT_TYPE_LABELS[n.ProductType] },
    { id: 'assignedTo', header: 'Assigned to', cell: (n) => assignedTo(n, nameOf) },
    { id: 'country', header: 'Country', cell: (n) => n.Country },
    { id: 'type', header: 'Type', cell: (n) => NUMBER_TYPE_LABELS[n.Type] },
    { id: 'updated', header: 'Last updated', cell: (n) => formatTimestamp(n.UpdatedTimestamp) },
  ];
}
