import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import { useState } from 'react';
import { listAll } from '../../api/list-all';
import { createVoiceConnectorGroup, deleteVoiceConnectorGroup, listVoiceConnectorGroups, updateVoiceConnectorGroup, type VoiceConnectorGroup } from '../../api/voice-connectors';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { selectedItem } from '../../common/selected-item';
import { useAsync } from '../../common/use-async';
import { useDialogs } from '../../common/use-dialogs';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useVoiceConnectors } from './use-voice-connectors';
import { VoiceConnectorGroupModal, type VoiceConnectorGroupForm } from './voice-connector-group-modal';

/** Voice connector groups and their member connectors in priority order. */
export function VoiceConnectorGroupsPage() {
  const { href, follow } = useConsoleLinks();
  const [selected, setSelected] = useState<VoiceConnectorGroup[]>([]);
  const groups = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listVoiceConnectorGroups(token);
        return { items: page.VoiceConnectorGroups, nextToken: page.NextToken };
      }),
    [],
  );
  const connectors = useVoiceConnectors();
  // The members column names connectors and the dialogs offer them, so a change (or a refusal, such as a
  // connector deleted meanwhile) reads both lists again.
  const dialogs = useDialogs<'create' | 'edit' | 'delete'>(() => {
    groups.reload();
    connectors.reload();
  });
  const group = selectedItem(groups.value, selected, 'VoiceConnectorGroupId');
  const connectorName = (id: string) => connectors.value?.find((c) => c.VoiceConnectorId === id)?.Name ?? id;

  const create = (form: VoiceConnectorGroupForm) =>
    dialogs.run('The voice connector group was not created', async () => {
      const created = await createVoiceConnectorGroup(form);
      return { id: `create-group-${created.VoiceConnectorGroupId}`, type: 'success', content: `Voice connector group ${created.Name} created.` };
    });
  const save = async (form: VoiceConnectorGroupForm) => {
    if (!group) return;
    await dialogs.run(`Voice connector group ${group.Name} was not updated`, async () => {
      const updated = await updateVoiceConnectorGroup(group.VoiceConnectorGroupId, form);
      setSelected([updated]);
      return { id: `update-group-${group.VoiceConnectorGroupId}`, type: 'success', content: `Voice connector group ${updated.Name} updated.` };
    });
  };
  const remove = async () => {
    if (!group) return;
    await dialogs.run(`Voice connector group ${group.Name} was not deleted`, async () => {
      await deleteVoiceConnectorGroup(group.VoiceConnectorGroupId);
      setSelected([]);
      return { id: `delete-group-${group.VoiceConnectorGroupId}`, type: 'success', content: `Voice connector group ${group.Name} deleted.` };
    });
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
          <Button key="edit" disabled={!group} disabledReason="Select a voice connector group." onClick={() => dialogs.show('edit')}>
            Edit
          </Button>,
          <Button key="delete" disabled={!group} disabledReason="Select a voice connector group." onClick={() => dialogs.show('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={() => dialogs.show('create')}>
            Create voice connector group
          </Button>,
        ]}
        empty="No voice connector groups"
      />
      <VoiceConnectorGroupModal {...dialogs.props('create')} connectors={connectors.value} onSave={(form) => void create(form)} />
      <VoiceConnectorGroupModal {...dialogs.props('edit')} group={group} connectors={connectors.value} onSave={(form) => void save(form)} />
      <ConfirmDeleteModal {...dialogs.props('delete')} header="Delete voice connector group" onDelete={() => void remove()}>
        Delete voice connector group <b>{group?.Name}</b>? It must hold no phone numbers.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
