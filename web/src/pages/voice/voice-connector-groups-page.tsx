import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import { useState } from 'react';
import { messageOf } from '../../api/api-error';
import { listAll } from '../../api/list-all';
import { createVoiceConnectorGroup, deleteVoiceConnectorGroup, listVoiceConnectorGroups, listVoiceConnectors, type VoiceConnectorGroup } from '../../api/voice-connectors';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { FormModal } from '../../common/form-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { useAsync } from '../../common/use-async';
import { ConsoleLayout } from '../../layout/console-layout';
import { useConsoleLinks } from '../../layout/use-console-links';
import { useNotifications } from '../../notifications/notifications';
import { memberErrors, type MemberErrors, type MemberRow } from './group-form';
import { nameProblem } from '../../common/name-problem';

/** Voice connector groups and their member connectors in priority order. */
export function VoiceConnectorGroupsPage() {
  const { notify } = useNotifications();
  const { href, follow } = useConsoleLinks();
  const [selected, setSelected] = useState<VoiceConnectorGroup[]>([]);
  const [dialog, setDialog] = useState<'create' | 'delete' | undefined>();
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [rows, setRows] = useState<MemberRow[]>([]);
  const [errors, setErrors] = useState<{ name?: string | undefined; rows: MemberErrors }>({ rows: [] });
  const groups = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listVoiceConnectorGroups(token);
        return { items: page.VoiceConnectorGroups, nextToken: page.NextToken };
      }),
    [],
  );
  const connectors = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listVoiceConnectors(token);
        return { items: page.VoiceConnectors, nextToken: page.NextToken };
      }),
    [],
  );
  const connectorOptions = (connectors.value ?? []).map((c) => ({ value: c.VoiceConnectorId, label: c.Name, description: c.VoiceConnectorId }));
  const connectorName = (id: string) => connectors.value?.find((c) => c.VoiceConnectorId === id)?.Name ?? id;

  const openCreate = () => {
    setName('');
    setRows([{ connectorId: undefined, priority: '1' }]);
    setErrors({ rows: [] });
    setDialog('create');
  };
  const create = async () => {
    const problems = { name: nameProblem(name, 'voice connector group'), rows: memberErrors(rows) };
    if (problems.name || problems.rows.some((r) => Object.keys(r).length > 0)) return setErrors(problems);
    setBusy(true);
    try {
      const group = await createVoiceConnectorGroup({
        Name: name.trim(),
        VoiceConnectorItems: rows.map((row) => ({ VoiceConnectorId: row.connectorId!, Priority: Number(row.priority) })),
      });
      notify({ id: `create-group-${group.VoiceConnectorGroupId}`, type: 'success', content: `Voice connector group ${group.Name} created.` });
      setDialog(undefined);
      groups.reload();
    } catch (error) {
      notify({ id: 'create-group-failed', type: 'error', header: 'The voice connector group was not created', content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const group = selected[0];
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
          <Button key="delete" disabled={selected.length === 0} disabledReason="Select a voice connector group." onClick={() => setDialog('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={openCreate}>
            Create voice connector group
          </Button>,
        ]}
        empty="No voice connector groups"
      />
      <FormModal header="Create voice connector group" submitText="Create" visible={dialog === 'create'} busy={busy} onDismiss={() => setDialog(undefined)} onSubmit={() => void create()}>
        <FormField label="Name" errorText={errors.name}>
          <Input value={name} onChange={({ detail }) => (setName(detail.value), setErrors((e) => ({ ...e, name: undefined })))} invalid={!!errors.name} />
        </FormField>
        <FormField label="Voice connectors" description="Calls go to the connector with priority 1 first; equal priorities share the calls." stretch>
          <AttributeEditor
            items={rows}
            onAddButtonClick={() => setRows((all) => [...all, { connectorId: undefined, priority: String(all.length + 1) }])}
            onRemoveButtonClick={({ detail }) => setRows((all) => all.filter((_, i) => i !== detail.itemIndex))}
            addButtonText="Add a voice connector"
            removeButtonText="Remove"
            empty="No voice connectors: the group can be filled later"
            definition={[
              {
                label: 'Voice connector',
                errorText: (_row, index) => errors.rows[index]?.connectorId,
                control: (row, index) => (
                  <Select
                    selectedOption={connectorOptions.find((o) => o.value === row.connectorId) ?? null}
                    onChange={({ detail }) => setRows((all) => all.map((r, i) => (i === index ? { ...r, connectorId: detail.selectedOption.value } : r)))}
                    options={connectorOptions}
                    placeholder="Choose a voice connector"
                    ariaLabel={`Voice connector ${index + 1}`}
                  />
                ),
              },
              {
                label: 'Priority',
                errorText: (_row, index) => errors.rows[index]?.priority,
                control: (row, index) => (
                  <Input
                    value={row.priority}
                    inputMode="numeric"
                    onChange={({ detail }) => setRows((all) => all.map((r, i) => (i === index ? { ...r, priority: detail.value } : r)))}
                    ariaLabel={`Priority ${index + 1}`}
                  />
                ),
              },
            ]}
          />
        </FormField>
      </FormModal>
      <ConfirmDeleteModal header="Delete voice connector group" visible={dialog === 'delete'} busy={busy} onDismiss={() => setDialog(undefined)} onDelete={() => void remove()}>
        Delete voice connector group <b>{selected[0]?.Name}</b>? It must hold no phone numbers.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
