import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
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
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header="Delete rule(s)"
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" onClick={onDelete} disabled={!understood} loading={busy}>
              Delete
            </Button>
          </SpaceBetween>
        </Box>
      }
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
    </Modal>
  );
}
