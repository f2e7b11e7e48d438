import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { useEffect, useMemo, useState } from 'react';
import type { HistoryEvent } from '../../../src/contract/extensions.schema';
import { messageOf } from '../api/api-error';
import { phoneNumberHistory } from '../api/phone-numbers';
import type { PhoneNumberStatus, ProductType } from '../../../src/contract/enums';
import type { PhoneNumber } from '../../../src/contract/phone-number.schema';
import { ASSOCIATION_LABELS, formatTimestamp, PRODUCT_TYPE_LABELS, STATUS_LABELS } from '../common/labels';
import { useHolderNames } from '../common/use-holder-names';

type HolderOf = (association: PhoneNumber['Associations'][number]) => string | undefined;

const FIELD_LABELS: Record<string, string> = {
  ProductType: 'Product type',
  Status: 'Status',
  Associations: 'Assigned to',
  CallingName: 'Calling name',
  CallingNameStatus: 'Calling name status',
  Name: 'Name',
  DeletionTimestamp: 'Deleted',
  OrderId: 'Order',
  SignInRequired: 'User must sign in again',
  SignInRequiredSince: 'Sign-in required since',
};

/** A field's value in the console's words: labels for enums, names for holders, local times. */
function shown(field: string, value: unknown, holderOf: HolderOf): string {
  if (value === undefined || value === null) return field === 'Associations' ? 'nothing' : '-';
  if (field === 'ProductType') return PRODUCT_TYPE_LABELS[value as ProductType] ?? String(value);
  if (field === 'Status') return STATUS_LABELS[value as PhoneNumberStatus] ?? String(value);
  if (field === 'Associations') {
    const associations = value as PhoneNumber['Associations'];
    return associations.length === 0 ? 'nothing' : associations.map((a) => `${ASSOCIATION_LABELS[a.Name] ?? a.Name} ${holderOf(a) ?? a.Value}`).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field.endsWith('Timestamp') || field.endsWith('Since')) return formatTimestamp(String(value));
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** "Status: Unassigned → Assigned; Assigned to: nothing → Voice connector Seattle trunk": the fields one change touched. */
export function changeSummary(event: HistoryEvent, holderOf: HolderOf = () => undefined): string {
  const before = (event.Before ?? {}) as Record<string, unknown>;
  const after = (event.After ?? {}) as Record<string, unknown>;
  if (event.Before === undefined) return 'Created';
  if (event.After === undefined) return 'Removed';
  const ignored = new Set(['UpdatedTimestamp', 'Capabilities']);
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !ignored.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (changed.length === 0) return 'No visible change';
  return changed.map((key) => `${FIELD_LABELS[key] ?? key}: ${shown(key, before[key], holderOf)} → ${shown(key, after[key], holderOf)}`).join('; ');
}

/** The numbers as they were before and after each change: whose holders the summaries name. */
function numbersIn(events: readonly HistoryEvent[]): PhoneNumber[] {
  return events.flatMap((e) => [e.Before, e.After]).filter((n): n is PhoneNumber => typeof n === 'object' && n !== null && Array.isArray((n as PhoneNumber).Associations));
}

/** Who changed what, when (GET /phone-numbers/{id}/history), newest pages fetched on demand. */
export function PhoneNumberHistory({ phoneNumberId }: { phoneNumberId: string }) {
  const [events, setEvents] = useState<HistoryEvent[]>([]);
  const [nextToken, setNextToken] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();

  const load = async (token: string | undefined) => {
    setLoading(true);
    try {
      const page = await phoneNumberHistory(phoneNumberId, token);
      setEvents((old) => (token ? [...old, ...page.Events] : page.Events));
      setNextToken(page.NextToken);
      setError(undefined);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setLoading(false);
    }
  };
  const pastNumbers = useMemo(() => numbersIn(events), [events]);
  const nameOf = useHolderNames(pastNumbers);
  const holderOf: HolderOf = (association) => nameOf(association)?.name;

  useEffect(() => {
    void load(undefined);
    // A new number starts its history from the first page.
  }, [phoneNumberId]);

  return (
    <Table
      variant="container"
      wrapLines
      header={<Header variant="h2">History</Header>}
      items={events}
      loading={loading && events.length === 0}
      loadingText="Loading history"
      trackBy="EventId"
      columnDefinitions={[
        { id: 'time', header: 'Time', cell: (e) => formatTimestamp(e.Timestamp) },
        { id: 'actor', header: 'Changed by', cell: (e) => e.Actor },
        { id: 'operation', header: 'Operation', cell: (e) => e.Operation },
        { id: 'change', header: 'Change', cell: (e) => changeSummary(e, holderOf) },
      ]}
      empty={<Box textAlign="center">{error ?? 'No changes recorded.'}</Box>}
      footer={
        nextToken && (
          <Box textAlign="center">
            <Button onClick={() => void load(nextToken)} loading={loading}>
              Show older changes
            </Button>
          </Box>
        )
      }
    />
  );
}
