import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import { useState } from 'react';
import { messageOf } from '../../api/api-error';
import { createVoiceConnector, deleteVoiceConnector, updateVoiceConnector, type VoiceConnector } from '../../api/voice-connectors';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { selectedItem } from '../../common/selected-item';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useNotifications } from '../../notifications/notifications';
import { useVoiceConnectors } from './use-voice-connectors';
import { VoiceConnectorModal, type VoiceConnectorForm } from './voice-connector-modal';

/** Voice connectors, with a link to the inventory numbers each one holds. */
export function VoiceConnectorsPage() {
  const { notify } = useNotifications();
  const { href, follow } = useConsoleLinks();
  const [selected, setSelected] = useState<VoiceConnector[]>([]);
  const [dialog, setDialog] = useState<'create' | 'edit' | 'delete' | undefined>();
  const [busy, setBusy] = useState(false);
  const connectors = useVoiceConnectors();
  const connector = selectedItem(connectors.value, selected, 'VoiceConnectorId');

  const create = async (form: VoiceConnectorForm) => {
    setBusy(true);
    try {
      const created = await createVoiceConnector(form);
      notify({ id: `create-vc-${created.VoiceConnectorId}`, type: 'success', content: `Voice connector ${created.Name} created.` });
      setDialog(undefined);
      connectors.reload();
    } catch (error) {
      notify({ id: 'create-vc-failed', type: 'error', header: 'The voice connector was not created', content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = async ({ Name, RequireEncryption }: VoiceConnectorForm) => {
    if (!connector) return;
    setBusy(true);
    try {
      const updated = await updateVoiceConnector(connector.VoiceConnectorId, { Name, RequireEncryption });
      notify({ id: `update-vc-${connector.VoiceConnectorId}`, type: 'success', content: `Voice connector ${updated.Name} updated.` });
      setSelected([updated]);
    } catch (error) {
      notify({ id: 'update-vc-failed', type: 'error', header: `Voice connector ${connector.Name} was not updated`, content: messageOf(error) });
    } finally {
      // Closed and reloaded either way: the dialog would hide a refusal's message, and the list (and the next Edit)
      // then shows what is stored, without a row that someone deleted meanwhile.
      setBusy(false);
      setDialog(undefined);
      connectors.reload();
    }
  };
  const remove = async () => {
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
          <Button key="edit" disabled={!connector} disabledReason="Select a voice connector." onClick={() => setDialog('edit')}>
            Edit
          </Button>,
          <Button key="delete" disabled={!connector} disabledReason="Select a voice connector." onClick={() => setDialog('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={() => setDialog('create')}>
            Create voice connector
          </Button>,
        ]}
        empty="No voice connectors"
      />
      <VoiceConnectorModal visible={dialog === 'create'} busy={busy} onDismiss={() => setDialog(undefined)} onSave={(form) => void create(form)} />
      <VoiceConnectorModal connector={connector} visible={dialog === 'edit'} busy={busy} onDismiss={() => setDialog(undefined)} onSave={(form) => void save(form)} />
      <ConfirmDeleteModal header="Delete voice connector" visible={dialog === 'delete'} busy={busy} onDismiss={() => setDialog(undefined)} onDelete={() => void remove()}>
        Delete voice connector <b>{connector?.Name}</b>? It must hold no phone numbers.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
