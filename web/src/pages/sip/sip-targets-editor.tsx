import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import type { SipMediaApplication } from '../../api/sip';
import type { TargetErrors, TargetRow } from './sip-rule-form';

interface SipTargetsEditorProps {
  rows: TargetRow[];
  errors: TargetErrors;
  /** The applications to choose from, as useSipMediaApplications loads them. */
  applications: { value?: SipMediaApplication[] | undefined; loading: boolean; error?: string | undefined };
  onChange(rows: TargetRow[]): void;
  label?: string;
  description?: string;
}

/** A SIP rule's SIP media applications in priority order: the Create wizard's second step and the Edit dialog. */
export function SipTargetsEditor({ rows, errors, applications, onChange, label, description }: SipTargetsEditorProps) {
  const options = (applications.value ?? []).map((a) => ({ value: a.SipMediaApplicationId, label: a.Name, description: `${a.AwsRegion} · ${a.SipMediaApplicationId}` }));
  const changeRow = (index: number, patch: Partial<TargetRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const choose = (index: number, applicationId: string | undefined) =>
    changeRow(index, { applicationId, awsRegion: applications.value?.find((a) => a.SipMediaApplicationId === applicationId)?.AwsRegion });
  return (
    <FormField label={label} description={description} errorText={errors.form ?? applications.error} stretch>
      <AttributeEditor
        items={rows}
        onAddButtonClick={() => onChange([...rows, { applicationId: undefined, awsRegion: undefined, priority: String(rows.length + 1) }])}
        onRemoveButtonClick={({ detail }) => onChange(rows.filter((_, i) => i !== detail.itemIndex))}
        addButtonText="Add a SIP media application"
        removeButtonText="Remove"
        empty="No SIP media application"
        definition={[
          {
            label: 'SIP media application',
            errorText: (_row, index) => errors.rows[index]?.applicationId,
            control: (row, index) => (
              <Select
                // An application the list does not hold (yet) still shows, by its id.
                selectedOption={row.applicationId ? (options.find((o) => o.value === row.applicationId) ?? { value: row.applicationId, label: row.applicationId }) : null}
                onChange={({ detail }) => choose(index, detail.selectedOption.value)}
                options={options}
                placeholder="Choose a SIP media application"
                statusType={applications.loading ? 'loading' : 'finished'}
                empty="No SIP media applications yet"
                ariaLabel={`SIP media application ${index + 1}`}
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
  );
}
