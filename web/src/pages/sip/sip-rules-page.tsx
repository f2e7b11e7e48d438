import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { UpdateSipRuleBody } from '../../../../src/contract/sip.schema';
import { disableAndDeleteSipRule, updateSipRule, type SipRule } from '../../api/sip';
import { formatTimestamp } from '../../common/labels';
import { ResourceListTable } from '../../common/resource-list-table';
import { selectedItem } from '../../common/selected-item';
import { useDialogs } from '../../common/use-dialogs';
import { ConsoleLayout } from '../../layout/console-layout';
import { DeleteSipRuleModal } from './delete-sip-rule-modal';
import { EditSipRuleModal } from './edit-sip-rule-modal';
import { TRIGGER_TYPE_LABELS } from './sip-labels';
import { useSipMediaApplications } from './use-sip-media-applications';
import { useSipRules } from './use-sip-rules';

/** SIP rules: a ToPhoneNumber rule is what assigns a SIP Media Application Dial-In number. */
export function SipRulesPage() {
  const navigate = useNavigate();
  const [selected, setSelected] = useState<SipRule[]>([]);
  const rules = useSipRules();
  const applications = useSipMediaApplications();
  // The list names the rules' applications and Edit offers them, so a change (or a refusal, such as an
  // application deleted meanwhile) reads both lists again.
  const dialogs = useDialogs<'edit' | 'delete'>(() => {
    rules.reload();
    applications.reload();
  });
  const rule = selectedItem(rules.value, selected, 'SipRuleId');
  const applicationName = (id: string) => applications.value?.find((a) => a.SipMediaApplicationId === id)?.Name ?? id;

  const saveRule = async (body: UpdateSipRuleBody) => {
    if (!rule) return;
    await dialogs.run(`SIP rule ${rule.Name} was not updated`, async () => {
      const updated = await updateSipRule(rule.SipRuleId, body);
      setSelected([updated]);
      return { id: `update-rule-${rule.SipRuleId}`, type: 'success', content: `SIP rule ${updated.Name} updated.` };
    });
  };
  const deleteRule = async () => {
    if (!rule) return;
    await dialogs.run(`SIP rule ${rule.Name} was not deleted`, async () => {
      await disableAndDeleteSipRule(rule);
      setSelected([]);
      return {
        id: `delete-rule-${rule.SipRuleId}`,
        type: 'success',
        content: rule.TriggerType === 'ToPhoneNumber' ? `SIP rule ${rule.Name} deleted; ${rule.TriggerValue} is unassigned.` : `SIP rule ${rule.Name} deleted.`,
      };
    });
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'SIP rules', path: '/sip-rules' }]} contentType="table">
      <ResourceListTable
        title="SIP rules"
        description="A SIP rule sends calls to a phone number or a request URI host name to SIP media applications, in priority order."
        list={rules}
        loadingText="Loading SIP rules"
        trackBy="SipRuleId"
        selection={{ selected, onChange: setSelected, noun: 'SIP rule', nameOf: (r: SipRule) => r.Name }}
        columns={[
          { id: 'name', header: 'Name', isRowHeader: true, cell: (r) => r.Name },
          { id: 'trigger', header: 'Trigger type', cell: (r) => TRIGGER_TYPE_LABELS[r.TriggerType] },
          { id: 'value', header: 'Trigger value', cell: (r) => r.TriggerValue },
          {
            id: 'enabled',
            header: 'Enabled',
            cell: (r) => <StatusIndicator type={r.Disabled ? 'stopped' : 'success'}>{r.Disabled ? 'Disabled' : 'Enabled'}</StatusIndicator>,
          },
          {
            id: 'targets',
            header: 'SIP media applications',
            cell: (r) =>
              [...r.TargetApplications]
                .sort((a, b) => a.Priority - b.Priority)
                .map((t) => `${t.Priority}. ${applicationName(t.SipMediaApplicationId)}`)
                .join(', '),
          },
          { id: 'updated', header: 'Last updated', cell: (r) => formatTimestamp(r.UpdatedTimestamp) },
        ]}
        actions={[
          <ButtonDropdown
            key="actions"
            items={[
              { id: 'edit', text: 'Edit', disabled: !rule, disabledReason: 'Select a SIP rule.' },
              { id: 'delete', text: 'Delete', disabled: !rule, disabledReason: 'Select a SIP rule.' },
            ]}
            onItemClick={({ detail }) => dialogs.show(detail.id === 'edit' ? 'edit' : 'delete')}
          >
            Actions
          </ButtonDropdown>,
          <Button key="create" variant="primary" onClick={() => navigate('/sip-rules/create')}>
            Create
          </Button>,
        ]}
        empty={
          <Box textAlign="center" color="inherit" padding="l">
            <SpaceBetween size="xs">
              <b>No SIP rules</b>
              <Button onClick={() => navigate('/sip-rules/create')}>Create</Button>
            </SpaceBetween>
          </Box>
        }
      />
      <EditSipRuleModal {...dialogs.props('edit')} rule={rule} applications={applications} onSave={(body) => void saveRule(body)} />
      <DeleteSipRuleModal {...dialogs.props('delete')} rule={rule} onDelete={() => void deleteRule()} />
    </ConsoleLayout>
  );
}
