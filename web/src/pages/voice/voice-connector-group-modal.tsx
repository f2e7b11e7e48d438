import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import { useEffect, useState } from 'react';
import type { VoiceConnectorItem } from '../../../../src/contract/voice-connector.schema';
import type { VoiceConnector, VoiceConnectorGroup } from '../../api/voice-connectors';
import type { DialogProps } from '../../common/action-modal';
import { FormModal } from '../../common/form-modal';
import { nameProblem } from '../../common/name-problem';
import { memberErrors, memberRowsOf, voiceConnectorItemsOf, type MemberErrors, type MemberRow } from './group-form';

export interface VoiceConnectorGroupForm {
  Name: string;
  VoiceConnectorItems: VoiceConnectorItem[];
}

interface VoiceConnectorGroupModalProps extends DialogProps {
  /** The group to edit; without one the dialog creates a group. */
  group?: VoiceConnectorGroup | undefined;
  connectors: VoiceConnector[] | undefined;
  onSave(form: VoiceConnectorGroupForm): void;
}

interface FormErrors {
  name?: string | undefined;
  rows: MemberErrors;
}

/** Create voice connector group, or Edit one: its name and member connectors with their priorities. */
export function VoiceConnectorGroupModal({ group, connectors, onSave, ...dialog }: VoiceConnectorGroupModalProps) {
  const [name, setName] = useState('');
  const [rows, setRows] = useState<MemberRow[]>([]);
  const [errors, setErrors] = useState<FormErrors>({ rows: [] });
  const { visible } = dialog;
  useEffect(() => {
    if (!visible) return;
    setName(group?.Name ?? '');
    setRows(group ? memberRowsOf(group.VoiceConnectorItems) : [{ connectorId: undefined, priority: '1' }]);
    setErrors({ rows: [] });
    // Each opening starts from the group as it is now (or an empty form), not from what was typed last time.
  }, [visible]);

  const options = (connectors ?? []).map((c) => ({ value: c.VoiceConnectorId, label: c.Name, description: c.VoiceConnectorId }));
  // A changed row list clears the row errors: they name rows by number, which adding or removing shifts.
  const changeRows = (change: (all: MemberRow[]) => MemberRow[]) => {
    setRows(change);
    setErrors((e) => ({ ...e, rows: [] }));
  };
  const changeRow = (index: number, patch: Partial<MemberRow>) => changeRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const save = () => {
    const problems: FormErrors = { name: nameProblem(name, 'voice connector group'), rows: memberErrors(rows) };
    if (problems.name || problems.rows.some((r) => Object.keys(r).length > 0)) return setErrors(problems);
    onSave({ Name: name.trim(), VoiceConnectorItems: voiceConnectorItemsOf(rows) });
  };

  return (
    <FormModal {...dialog} header={group ? 'Edit voice connector group' : 'Create voice connector group'} submitText={group ? 'Save' : 'Create'} onSubmit={save}>
      <FormField label="Name" errorText={errors.name}>
        <Input value={name} onChange={({ detail }) => (setName(detail.value), setErrors((e) => ({ ...e, name: undefined })))} invalid={!!errors.name} />
      </FormField>
      <FormField label="Voice connectors" description="Calls go to the connector with priority 1 first; equal priorities share the calls." stretch>
        <AttributeEditor
          items={rows}
          onAddButtonClick={() => changeRows((all) => [...all, { connectorId: undefined, priority: String(all.length + 1) }])}
          onRemoveButtonClick={({ detail }) => changeRows((all) => all.filter((_, i) => i !== detail.itemIndex))}
          addButtonText="Add a voice connector"
          removeButtonText="Remove"
          empty={group ? 'No voice connectors' : 'No voice connectors: the group can be filled later'}
          definition={[
            {
              label: 'Voice connector',
              errorText: (_row, index) => errors.rows[index]?.connectorId,
              control: (row, index) => (
                <Select
                  // A member the list does not hold (yet) still shows, by its id.
                  selectedOption={row.connectorId ? (options.find((o) => o.value === row.connectorId) ?? { value: row.connectorId, label: row.connectorId }) : null}
                  onChange={({ detail }) => changeRow(index, { connectorId: detail.selectedOption.value })}
                  options={options}
                  placeholder="Choose a voice connector"
                  ariaLabel={`Voice connector ${index + 1}`}
                />
              ),
            },
            {
              label: 'Priority',
              errorText: (_row, index) => errors.rows[index]?.priority,
              control: (row, index) => (
                <Input value={row.priority} inputMode="numeric" onChange={({ detail }) => changeRow(index, { priority: detail.value })} ariaLabel={`Priority ${index + 1}`} />
              ),
            },
          ]}
        />
      </FormField>
    </FormModal>
  );
}
