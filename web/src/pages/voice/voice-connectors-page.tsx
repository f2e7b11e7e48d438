import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import { useState } from 'react';
import { createVoiceConnector, deleteVoiceConnector, updateVoiceConnector, type VoiceConnector } from '../../api/voice-connectors';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { selectedItem } from '../../common/selected-item';
import { useDialogs } from '../../common/use-dialogs';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useVoiceConnectors } from './use-voice-connectors';
import { VoiceConnectorModal, type VoiceConnectorForm } from './voice-connector-modal';

/** Voice connectors, with a link to the inventory numbers each one holds. */
export function VoiceConnectorsPage() {
  const { href, follow } = useConsoleLinks();
  const [selected, setSelected] = useState<VoiceConnector[]>([]);
  const connectors = useVoiceConnectors();
  const dialogs = useDialogs<'create' | 'edit' | 'delete'>(connectors.reload);
  const connector = selectedItem(connectors.value, selected, 'VoiceConnectorId');

  const create = (form: VoiceConnectorForm) =>
    dialogs.run('The voice connector was not created', async () => {
      const created = await createVoiceConnector(form);
      return { id: `create-vc-${created.VoiceConnectorId}`, type: 'success', content: `Voice connector ${created.Name} created.` };
    });
  const save = async ({ Name, RequireEncryption }: VoiceConnectorForm) => {
    if (!connector) return;
    await dialogs.run(`Voice connector ${connector.Name} was not updated`, async () => {
      const updated = await updateVoiceConnector(connector.VoiceConnectorId, { Name, RequireEncryption });
      setSelected([updated]);
      return { id: `update-vc-${connector.VoiceConnectorId}`, type: 'success', content: `Voice connector ${updated.Name} updated.` };
    });
  };
  const remove = async () => {
    if (!connector) return;
    await dialogs.run(`Voice connector ${connector.Name} was not deleted`, async () => {
      await deleteVoiceConnector(connector.VoiceConnectorId);
      setSelected([]);
      return { id: `delete-vc-${connector.VoiceConnectorId}`, type: 'success', content: `Voice connector ${connector.Name} deleted.` };
    });
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
          <Button key="edit" disabled={!connector} disabledReason="Select a voice connector." onClick={() => dialogs.show('edit')}>
            Edit
          </Button>,
          <Button key="delete" disabled={!connector} disabledReason="Select a voice connector." onClick={() => dialogs.show('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={() => dialogs.show('create')}>
            Create voice connector
          </Button>,
        ]}
        empty="No voice connectors"
      />
      <VoiceConnectorModal {...dialogs.props('create')} onSave={(form) => void create(form)} />
      <VoiceConnectorModal {...dialogs.props('edit')} connector={connector} onSave={(form) => void save(form)} />
      <ConfirmDeleteModal {...dialogs.props('delete')} header="Delete voice connector" onDelete={() => void remove()}>
        Delete voice connector <b>{connector?.Name}</b>? It must hold no phone numbers and belong to no voice connector group.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
