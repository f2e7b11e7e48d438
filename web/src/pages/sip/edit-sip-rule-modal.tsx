import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';
import type { UpdateSipRuleBody } from '../../../../src/contract/sip.schema';
import type { SipMediaApplication, SipRule } from '../../api/sip';
import type { DialogProps } from '../../common/action-modal';
import { FormModal } from '../../common/form-modal';
import { nameProblem } from '../../common/name-problem';
import { TRIGGER_TYPE_LABELS } from './sip-labels';
import { hasErrors, targetApplicationsOf, targetErrors, targetRowsOf, type TargetErrors, type TargetRow } from './sip-rule-form';
import { SipTargetsEditor } from './sip-targets-editor';

interface EditSipRuleModalProps extends DialogProps {
  rule: SipRule | undefined;
  applications: { value?: SipMediaApplication[] | undefined; loading: boolean; error?: string | undefined };
  onSave(body: UpdateSipRuleBody): void;
}

interface FormErrors {
  name?: string | undefined;
  targets: TargetErrors;
}

/** Edit a SIP rule: name, Enabled, and its SIP media applications; the trigger is shown, as UpdateSipRule cannot change it. */
export function EditSipRuleModal({ rule, applications, onSave, ...dialog }: EditSipRuleModalProps) {
  const [name, setName] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [rows, setRows] = useState<TargetRow[]>([]);
  const [errors, setErrors] = useState<FormErrors>({ targets: { rows: [] } });
  const { visible } = dialog;
  useEffect(() => {
    if (visible && rule) {
      setName(rule.Name);
      setEnabled(!rule.Disabled);
      setRows(targetRowsOf(rule.TargetApplications));
      setErrors({ targets: { rows: [] } });
    }
    // Each opening starts from the rule as it is now, not from what was typed last time.
  }, [visible]);

  const save = () => {
    const problems: FormErrors = { name: nameProblem(name, 'rule'), targets: targetErrors(rows) };
    if (problems.name || hasErrors(problems.targets)) return setErrors(problems);
    onSave({ Name: name.trim(), Disabled: !enabled, TargetApplications: targetApplicationsOf(rows) });
  };

  return (
    <FormModal {...dialog} header="Edit SIP rule" submitText="Save" onSubmit={save}>
      {rule && (
        <SpaceBetween size="xxs">
          <KeyValuePairs
            columns={2}
            ariaLabel="Trigger"
            items={[
              { label: 'Trigger type', value: TRIGGER_TYPE_LABELS[rule.TriggerType] },
              { label: 'Trigger value', value: rule.TriggerValue },
            ]}
          />
          <Box color="text-body-secondary" fontSize="body-s">
            The trigger cannot be changed; create another rule for another trigger.
          </Box>
        </SpaceBetween>
      )}
      <FormField label="Name" errorText={errors.name}>
        <Input value={name} onChange={({ detail }) => (setName(detail.value), setErrors((e) => ({ ...e, name: undefined })))} invalid={!!errors.name} />
      </FormField>
      <Checkbox checked={enabled} onChange={({ detail }) => setEnabled(detail.checked)} description="Clear it to disable the rule: calls to its trigger then no longer reach its SIP media applications.">
        Enabled
      </Checkbox>
      <SipTargetsEditor
        label="SIP media applications"
        description="Calls go to the SIP media applications in priority order, 1 first."
        rows={rows}
        errors={errors.targets}
        applications={applications}
        onChange={(next) => (setRows(next), setErrors((e) => ({ ...e, targets: { rows: [] } })))}
      />
    </FormModal>
  );
}
