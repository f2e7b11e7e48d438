import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal } from '../../common/action-modal';
import { useEffect, useState } from 'react';
import type { SipRule } from '../../api/sip';

interface DeleteSipRuleModalProps {
  rule: SipRule | undefined;
  visible: boolean;
  busy: boolean;
  onDismiss(): void;
  onDelete(): void;
}

/** Delete rule(s): "I understand that this action cannot be reversed", then Delete. */
export function DeleteSipRuleModal({ rule, visible, busy, onDismiss, onDelete }: DeleteSipRuleModalProps) {
  const [understood, setUnderstood] = useState(false);
  useEffect(() => setUnderstood(false), [visible]);
  return (
    <ActionModal
      header="Delete rule(s)"
      actionText="Delete"
      visible={visible}
      busy={busy}
      actionDisabled={!understood}
      onDismiss={onDismiss}
      onAction={onDelete}
    >
      {rule && (
        <SpaceBetween size="m">
          <Box>
            Delete SIP rule <b>{rule.Name}</b>?
            {rule.TriggerType === 'ToPhoneNumber' && ` Its phone number ${rule.TriggerValue} becomes unassigned.`}
          </Box>
          {!rule.Disabled && (
            <Alert type="info">This rule is enabled. A SIP rule must be disabled before it is deleted, so the console disables it first and then deletes it.</Alert>
          )}
          <Checkbox checked={understood} onChange={({ detail }) => setUnderstood(detail.checked)}>
            I understand that this action cannot be reversed
          </Checkbox>
        </SpaceBetween>
      )}
    </ActionModal>
  );
}
