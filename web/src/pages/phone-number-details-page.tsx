import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { messageOf } from '../api/api-error';
import { getPhoneNumber, type PhoneNumber } from '../api/phone-numbers';
import { ASSOCIATION_LABELS, formatTimestamp, NUMBER_TYPE_LABELS, PRODUCT_TYPE_LABELS, STATUS_LABELS, statusIndicatorType } from '../common/labels';
import Link from '@cloudscape-design/components/link';
import type { AssociationName } from '../../../src/contract/enums';
import { useHolderNames } from '../common/use-holder-names';
import { FEATURES } from '../features';
import { ConsoleLayout } from '../layout/console-layout';
import { useConsoleLinks } from '../layout/use-console-links';
import { PhoneNumberHistory } from './phone-number-history';

function Enabled({ on, label }: { on: boolean; label: string }) {
  return <StatusIndicator type={on ? 'success' : 'stopped'}>{`${label} ${on ? 'enabled' : 'not enabled'}`}</StatusIndicator>;
}

/** The console page that shows what holds a number, when that page exists. */
function holderPath(name: AssociationName, number: PhoneNumber): string | undefined {
  const account = number.Associations.find((a) => a.Name === 'AccountId')?.Value;
  if ((name === 'UserId' || name === 'AccountId') && account && FEATURES.accounts) return `/accounts/${encodeURIComponent(account)}`;
  if (name === 'VoiceConnectorId' && FEATURES.voiceConnectors) return '/voice-connectors';
  if (name === 'VoiceConnectorGroupId' && FEATURES.voiceConnectorGroups) return '/voice-connector-groups';
  if (name === 'SipRuleId' && FEATURES.sipRules) return '/sip-rules';
  return undefined;
}

function Details({ number }: { number: PhoneNumber }) {
  const { href, follow } = useConsoleLinks();
  const nameOf = useHolderNames(useMemo(() => [number], [number]), { withDetails: true });
  const c = number.Capabilities;
  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2">Phone number details</Header>}>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Phone number', value: number.E164PhoneNumber },
            { label: 'Country', value: number.Country },
            { label: 'Type', value: NUMBER_TYPE_LABELS[number.Type] },
            { label: 'Product type', value: PRODUCT_TYPE_LABELS[number.ProductType] },
            { label: 'Status', value: <StatusIndicator type={statusIndicatorType(number.Status)}>{STATUS_LABELS[number.Status]}</StatusIndicator> },
            { label: 'Calling name', value: number.CallingName ?? '-' },
            { label: 'Name', value: number.Name ?? '-' },
            { label: 'Created', value: formatTimestamp(number.CreatedTimestamp) },
            { label: 'Last updated', value: formatTimestamp(number.UpdatedTimestamp) },
            ...(number.DeletionTimestamp ? [{ label: 'Deleted', value: formatTimestamp(number.DeletionTimestamp) }] : []),
          ]}
        />
      </Container>
      <Container
        data-testid="associations"
        header={<Header variant="h2" description="The user, voice connector, voice connector group or SIP rule (and its SIP media applications) that holds this number.">Associations</Header>}
      >
        {number.Associations.length === 0 ? (
          <Box>Not assigned to anything.</Box>
        ) : (
          <KeyValuePairs
            columns={2}
            items={number.Associations.map((a) => {
              const holder = nameOf(a);
              const path = holderPath(a.Name, number);
              const shown = holder?.name ?? a.Value;
              return {
                label: ASSOCIATION_LABELS[a.Name],
                value: (
                  <>
                    {path ? (
                      <Link href={href(path)} onFollow={follow}>
                        {shown}
                      </Link>
                    ) : (
                      shown
                    )}
                    {holder?.detail && (
                      <Box variant="small" display="block">
                        {holder.detail}
                      </Box>
                    )}
                    {holder && (
                      <Box variant="small" display="block">
                        ID {a.Value}
                      </Box>
                    )}
                    <Box variant="small" display="block">
                      since {formatTimestamp(a.AssociatedTimestamp)}
                    </Box>
                  </>
                ),
              };
            })}
          />
        )}
      </Container>
      <Container header={<Header variant="h2">Capabilities</Header>}>
        <KeyValuePairs
          columns={2}
          items={[
            {
              label: 'Calls',
              value: (
                <SpaceBetween size="xxs">
                  <Enabled on={c.InboundCall} label="Inbound calls" />
                  <Enabled on={c.OutboundCall} label="Outbound calls" />
                </SpaceBetween>
              ),
            },
            {
              label: 'Text messages',
              value: (
                <SpaceBetween size="xxs">
                  <Enabled on={c.InboundSMS} label="Inbound SMS" />
                  <Enabled on={c.OutboundSMS} label="Outbound SMS" />
                  <Enabled on={c.InboundMMS} label="Inbound MMS" />
                  <Enabled on={c.OutboundMMS} label="Outbound MMS" />
                </SpaceBetween>
              ),
            },
          ]}
        />
      </Container>
      {FEATURES.phoneNumberHistory && <PhoneNumberHistory phoneNumberId={number.PhoneNumberId} />}
    </SpaceBetween>
  );
}

/** Actions > View details: what holds the number and what it can do. */
export function PhoneNumberDetailsPage() {
  const { phoneNumberId = '' } = useParams();
  const [number, setNumber] = useState<PhoneNumber | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    setError(undefined);
    getPhoneNumber(phoneNumberId)
      .then(setNumber)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [phoneNumberId]);
  useEffect(load, [load]);

  return (
    <ConsoleLayout
      breadcrumbs={[
        { text: 'Phone number management', path: '/inventory' },
        { text: 'Inventory', path: '/inventory' },
        { text: phoneNumberId, path: `/inventory/${encodeURIComponent(phoneNumberId)}` },
      ]}
    >
      <ContentLayout header={<Header variant="h1" actions={<Button iconName="refresh" ariaLabel="Refresh" onClick={load} />}>{phoneNumberId}</Header>}>
        {error ? (
          <Container>
            <StatusIndicator type="error">{error}</StatusIndicator>
          </Container>
        ) : number ? (
          <Details number={number} />
        ) : (
          <Spinner size="large" />
        )}
      </ContentLayout>
    </ConsoleLayout>
  );
}
