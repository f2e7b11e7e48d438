import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import { useState } from 'react';
import { VOICE_CONNECTOR_AWS_REGIONS, type VoiceConnectorAwsRegion } from '../../../../src/contract/enums';
import { messageOf } from '../../api/api-error';
import { listAll } from '../../api/list-all';
import { createVoiceConnector, deleteVoiceConnector, listVoiceConnectors, type VoiceConnector } from '../../api/voice-connectors';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { FormModal } from '../../common/form-modal';
import { nameProblem } from '../../common/name-problem';
import { ResourceListTable } from '../../common/resource-list-table';
import { useAsync } from '../../common/use-async';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useNotifications } from '../../notifications/notifications';

/** Voice connectors, with a link to the inventory numbers each one holds. */
export function VoiceConnectorsPage() {
  const { notify } = useNotifications();
  const { href, follow } = useConsoleLinks();
  const [selected, setSelected] = useState<VoiceConnector[]>([]);
  const [dialog, setDialog] = useState<'create' | 'delete' | undefined>();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [region, setRegion] = useState<VoiceConnectorAwsRegion>('us-east-1');
  const [encryption, setEncryption] = useState(true);
  const [nameError, setNameError] = useState<string | undefined>();
  const connectors = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listVoiceConnectors(token);
        return { items: page.VoiceConnectors, nextToken: page.NextToken };
      }),
    [],
  );

  const openCreate = () => {
    setName('');
    setNameError(undefined);
    setDialog('create');
  };
  const create = async () => {
    const problem = nameProblem(name, 'voice connector');
    if (problem) return setNameError(problem);
    setBusy(true);
    try {
      const connector = await createVoiceConnector({ Name: name.trim(), AwsRegion: region, RequireEncryption: encryption });
      notify({ id: `create-vc-${connector.VoiceConnectorId}`, type: 'success', content: `Voice connector ${connector.Name} created.` });
      setDialog(undefined);
      connectors.reload();
    } catch (error) {
      notify({ id: 'create-vc-failed', type: 'error', header: 'The voice connector was not created', content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const connector = selected[0];
    if (!connector) return;
    setBusy(true);
    try {
      await deleteVoiceConnector(connector.VoiceConnectorId);
      notify({ id: `delete-vc-${connector.VoiceConnectorId}`, type: 'success', content: `Voice connector ${connector.Name} deleted.` });
      setSelected([]);
      connectors.reload();
    } catch (error) {
      notify({ id: 'delete-vc-failed', type: 'error', header: `Voice connector ${connector.Name} was not deleted`, content: messageOf(error) });
    } finally {
      setBusy(false);
      setDialog(undefined);
    }
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Voice connectors', path: '/voice-connectors' }]} contentType="table">
      <ResourceListTable
        title="Voice connectors"
        list={connectors}
        loadingText="Loading voice connectors"
        trackBy="VoiceConnectorId"
        selection={{ selected, onChange: setSelected, noun: 'voice connector', nameOf: (c: VoiceConnector) => c.Name }}
        columns={[
          { id: 'name', header: 'Name', isRowHeader: true, cell: (c) => c.Name },
          { id: 'id', header: 'ID', cell: (c) => c.VoiceConnectorId },
          { id: 'region', header: 'AWS Region', cell: (c) => c.AwsRegion },
          { id: 'host', header: 'Outbound host name', cell: (c) => c.OutboundHostName },
          { id: 'encryption', header: 'Encryption', cell: (c) => (c.RequireEncryption ? 'Required' : 'Not required') },
          {
            id: 'numbers',
            header: 'Phone numbers',
            cell: (c) => (
              <Link href={href(`/inventory?filter-name=VoiceConnectorId&filter-value=${encodeURIComponent(c.VoiceConnectorId)}`)} onFollow={follow}>
                Assigned numbers
              </Link>
            ),
          },
        ]}
        actions={[
          <Button key="delete" disabled={selected.length === 0} disabledReason="Select a voice connector." onClick={() => setDialog('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={openCreate}>
            Create voice connector
          </Button>,
        ]}
        empty="No voice connectors"
      />
      <FormModal header="Create voice connector" submitText="Create" visible={dialog === 'create'} busy={busy} onDismiss={() => setDialog(undefined)} onSubmit={() => void create()}>
        <FormField label="Name" errorText={nameError}>
          <Input value={name} onChange={({ detail }) => (setName(detail.value), setNameError(undefined))} invalid={!!nameError} />
        </FormField>
        <FormField label="AWS Region">
          <Select
            selectedOption={{ value: region, label: region }}
            onChange={({ detail }) => setRegion(detail.selectedOption.value as VoiceConnectorAwsRegion)}
            options={VOICE_CONNECTOR_AWS_REGIONS.map((r) => ({ value: r, label: r }))}
          />
        </FormField>
        <Checkbox checked={encryption} onChange={({ detail }) => setEncryption(detail.checked)}>
          Require encryption
        </Checkbox>
      </FormModal>
      <ConfirmDeleteModal header="Delete voice connector" visible={dialog === 'delete'} busy={busy} onDismiss={() => setDialog(undefined)} onDelete={() => void remove()}>
        Delete voice connector <b>{selected[0]?.Name}</b>? It must hold no phone numbers.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
