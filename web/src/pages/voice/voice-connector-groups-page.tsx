import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import { useState } from 'react';
import type { VoiceConnectorItem } from '../../../../src/contract/voice-connector.schema';
import { messageOf } from '../../api/api-error';
import { listAll } from '../../api/list-all';
import { createVoiceConnectorGroup, deleteVoiceConnectorGroup, listVoiceConnectorGroups, updateVoiceConnectorGroup, type VoiceConnectorGroup } from '../../api/voice-connectors';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { selectedItem } from '../../common/selected-item';
import { useAsync } from '../../common/use-async';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useNotifications } from '../../notifications/notifications';
import { useVoiceConnectors } from './use-voice-connectors';
import { VoiceConnectorGroupModal } from './voice-connector-group-modal';

type GroupForm = { Name: string; VoiceConnectorItems: VoiceConnectorItem[] };

/** Voice connector groups and their member connectors in priority order. */
export function VoiceConnectorGroupsPage() {
  const { notify } = useNotifications();
  const { href, follow } = useConsoleLinks();
  const [selected, setSelected] = useState<VoiceConnectorGroup[]>([]);
  const [dialog, setDialog] = useState<'create' | 'edit' | 'delete' | undefined>();
  const [busy, setBusy] = useState(false);
  const groups = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listVoiceConnectorGroups(token);
        return { items: page.VoiceConnectorGroups, nextToken: page.NextToken };
      }),
    [],
  );
  const connectors = useVoiceConnectors();
  const group = selectedItem(groups.value, selected, 'VoiceConnectorGroupId');
  const connectorName = (id: string) => connectors.value?.find((c) => c.VoiceConnectorId === id)?.Name ?? id;

  const create = async (body: GroupForm) => {
    setBusy(true);
    try {
      const created = await createVoiceConnectorGroup(body);
      notify({ id: `create-group-${created.VoiceConnectorGroupId}`, type: 'success', content: `Voice connector group ${created.Name} created.` });
      setDialog(undefined);
      groups.reload();
    } catch (error) {
      notify({ id: 'create-group-failed', type: 'error', header: 'The voice connector group was not created', content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = async (body: GroupForm) => {
    if (!group) return;
    setBusy(true);
    try {
      const updated = await updateVoiceConnectorGroup(group.VoiceConnectorGroupId, body);
      notify({ id: `update-group-${group.VoiceConnectorGroupId}`, type: 'success', content: `Voice connector group ${updated.Name} updated.` });
      setSelected([updated]);
    } catch (error) {
      notify({ id: 'update-group-failed', type: 'error', header: `Voice connector group ${group.Name} was not updated`, content: messageOf(error) });
    } finally {
      // Closed and reloaded either way: the dialog would hide a refusal's message, and the list (and the next Edit)
      // then shows what is stored, without a row that someone deleted meanwhile.
      setBusy(false);
      setDialog(undefined);
      groups.reload();
    }
  };
  const remove = async () => {
    if (!group) return;
    setBusy(true);
    try {
      await deleteVoiceConnectorGroup(group.VoiceConnectorGroupId);
      notify({ id: `delete-group-${group.VoiceConnectorGroupId}`, type: 'success', content: `Voice connector group ${group.Name} deleted.` });
      setSelected([]);
      groups.reload();
    } catch (error) {
      notify({ id: 'delete-group-failed', type: 'error', header: `Voice connector group ${group.Name} was not deleted`, content: messageOf(error) });
    } finally {
      setBusy(false);
      setDialog(undefined);
    }
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'Voice connector groups', path: '/voice-connector-groups' }]} contentType="table">
      <ResourceListTable
        title="Voice connector groups"
        list={groups}
        loadingText="Loading voice connector groups"
        trackBy="VoiceConnectorGroupId"
        selection={{ selected, onChange: setSelected, noun: 'voice connector group', nameOf: (g: VoiceConnectorGroup) => g.Name }}
        columns={[
          { id: 'name', header: 'Name', isRowHeader: true, cell: (g) => g.Name },
          { id: 'id', header: 'ID', cell: (g) => g.VoiceConnectorGroupId },
          {
            id: 'members',
            header: 'Voice connectors (priority)',
            cell: (g) =>
              g.VoiceConnectorItems.length === 0
                ? '-'
                : [...g.VoiceConnectorItems]
                    .sort((a, b) => a.Priority - b.Priority)
                    .map((item) => `${connectorName(item.VoiceConnectorId)} (${item.Priority})`)
                    .join(', '),
          },
          {
            id: 'numbers',
            header: 'Phone numbers',
            cell: (g) => (
              <Link href={href(`/inventory?filter-name=VoiceConnectorGroupId&filter-value=${encodeURIComponent(g.VoiceConnectorGroupId)}`)} onFollow={follow}>
                Assigned numbers
              </Link>
            ),
          },
        ]}
        actions={[
          <Button key="edit" disabled={!group} disabledReason="Select a voice connector group." onClick={() => setDialog('edit')}>
            Edit
          </Button>,
          <Button key="delete" disabled={!group} disabledReason="Select a voice connector group." onClick={() => setDialog('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={() => setDialog('create')}>
            Create voice connector group
          </Button>,
        ]}
        empty="No voice connector groups"
      />
      <VoiceConnectorGroupModal connectors={connectors.value} visible={dialog === 'create'} busy={busy} onDismiss={() => setDialog(undefined)} onSave={(body) => void create(body)} />
      <VoiceConnectorGroupModal
        group={group}
        connectors={connectors.value}
        visible={dialog === 'edit'}
        busy={busy}
        onDismiss={() => setDialog(undefined)}
        onSave={(body) => void save(body)}
      />
      <ConfirmDeleteModal header="Delete voice connector group" visible={dialog === 'delete'} busy={busy} onDismiss={() => setDialog(undefined)} onDelete={() => void remove()}>
        Delete voice connector group <b>{group?.Name}</b>? It must hold no phone numbers.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
