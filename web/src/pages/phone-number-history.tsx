import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { useEffect, useState } from 'react';
import type { HistoryEvent } from '../../../src/contract/extensions.schema';
import { messageOf } from '../api/api-error';
import { phoneNumberHistory } from '../api/phone-numbers';
import { formatTimestamp } from '../common/labels';

/** "ProductType: VoiceConnector → SipMediaApplicationDialIn; Status: …": the fields one change touched. */
export function changeSummary(event: HistoryEvent): string {
  const before = (event.Before ?? {}) as Record<string, unknown>;
  const after = (event.After ?? {}) as Record<string, unknown>;
  if (event.Before === undefined) return 'Created';
  if (event.After === undefined) return 'Removed';
  const ignored = new Set(['UpdatedTimestamp', 'Capabilities']);
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !ignored.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (changed.length === 0) return 'No visible change';
  const show = (value: unknown) => (value === undefined ? '-' : typeof value === 'string' ? value : JSON.stringify(value));
  return changed.map((key) => `${key}: ${show(before[key])} → ${show(after[key])}`).join('; ');
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
        { id: 'change', header: 'Change', cell: changeSummary },
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
