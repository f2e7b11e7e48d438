import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';

export interface ActionModalProps {
  header: string;
  /** The primary button's label: Delete, Unassign, Save ... */
  actionText: string;
  visible: boolean;
  busy: boolean;
  /** Keeps the primary button off until the user has confirmed (a ticked check box). */
  actionDisabled?: boolean;
  children: ReactNode;
  onDismiss(): void;
  onAction(): void;
}

/** The console's one dialog shape: content, then Cancel and a primary action, as in the Chime console. */
export function ActionModal({ header, actionText, visible, busy, actionDisabled = false, children, onDismiss, onAction }: ActionModalProps) {
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header={header}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" onClick={onAction} disabled={actionDisabled} loading={busy}>
              {actionText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {children}
    </Modal>
  );
}
