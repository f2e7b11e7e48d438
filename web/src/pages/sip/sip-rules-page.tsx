import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { UpdateSipRuleBody } from '../../../../src/contract/sip.schema';
import { messageOf } from '../../api/api-error';
import { listAll } from '../../api/list-all';
import { disableAndDeleteSipRule, listSipRules, updateSipRule, type SipRule } from '../../api/sip';
import { formatTimestamp } from '../../common/labels';
import { ResourceListTable } from '../../common/resource-list-table';
import { selectedItem } from '../../common/selected-item';
import { useAsync } from '../../common/use-async';
import { ConsoleLayout } from '../../layout/console-layout';
import { useNotifications } from '../../notifications/notifications';
import { DeleteSipRuleModal } from './delete-sip-rule-modal';
import { EditSipRuleModal } from './edit-sip-rule-modal';
import { TRIGGER_TYPE_LABELS } from './sip-labels';
import { useSipMediaApplications } from './use-sip-media-applications';

/** SIP rules: a ToPhoneNumber rule is what assigns a SIP Media Application Dial-In number. */
export function SipRulesPage() {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [selected, setSelected] = useState<SipRule[]>([]);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'edit' | 'delete' | undefined>();
  const rules = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listSipRules(token);
        return { items: page.SipRules, nextToken: page.NextToken };
      }),
    [],
  );
  const applications = useSipMediaApplications();
  const rule = selectedItem(rules.value, selected, 'SipRuleId');
  const applicationName = (id: string) => applications.value?.find((a) => a.SipMediaApplicationId === id)?.Name ?? id;

  const saveRule = async (body: UpdateSipRuleBody) => {
    if (!rule) return;
    setBusy(true);
    try {
      const updated = await updateSipRule(rule.SipRuleId, body);
      notify({ id: `update-rule-${rule.SipRuleId}`, type: 'success', content: `SIP rule ${updated.Name} updated.` });
      setSelected([updated]);
    } catch (error) {
      notify({ id: 'update-rule-failed', type: 'error', header: `SIP rule ${rule.Name} was not updated`, content: messageOf(error) });
    } finally {
      // Closed and reloaded either way: the dialog would hide a refusal's message, and the list (and the next Edit)
      // then shows what is stored, without a row that someone deleted meanwhile.
      setBusy(false);
      setDialog(undefined);
      rules.reload();
    }
  };

  const deleteRule = async () => {
    if (!rule) return;
    setBusy(true);
    try {
      await disableAndDeleteSipRule(rule);
      notify({
        id: `delete-rule-${rule.SipRuleId}`,
        type: 'success',
        content: rule.TriggerType === 'ToPhoneNumber' ? `SIP rule ${rule.Name} deleted; ${rule.TriggerValue} is unassigned.` : `SIP rule ${rule.Name} deleted.`,
      });
      setSelected([]);
      setDialog(undefined);
      rules.reload();
    } catch (error) {
      notify({ id: 'delete-rule-failed', type: 'error', header: `SIP rule ${rule.Name} was not deleted`, content: messageOf(error) });
    } finally {
      setBusy(false);
    }
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
            onItemClick={({ detail }) => setDialog(detail.id === 'edit' ? 'edit' : 'delete')}
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
      <EditSipRuleModal
        rule={rule}
        applications={applications}
        visible={dialog === 'edit'}
        saving={busy}
        onDismiss={() => setDialog(undefined)}
        onSave={(body) => void saveRule(body)}
      />
      <DeleteSipRuleModal rule={rule} visible={dialog === 'delete'} busy={busy} onDismiss={() => setDialog(undefined)} onDelete={() => void deleteRule()} />
    </ConsoleLayout>
  );
}
