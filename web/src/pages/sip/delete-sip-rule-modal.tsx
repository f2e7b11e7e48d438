import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal, type DialogProps } from '../../common/action-modal';
import { useEffect, useState } from 'react';
import type { SipRule } from '../../api/sip';

interface DeleteSipRuleModalProps extends DialogProps {
  rule: SipRule | undefined;
  onDelete(): void;
}

/** Delete rule(s): "I understand that this action cannot be reversed", then Delete. */
export function DeleteSipRuleModal({ rule, onDelete, ...dialog }: DeleteSipRuleModalProps) {
  const [understood, setUnderstood] = useState(false);
  useEffect(() => setUnderstood(false), [dialog.visible]);
  return (
    <ActionModal {...dialog} header="Delete rule(s)" actionText="Delete" actionDisabled={!understood} onAction={onDelete}>
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
