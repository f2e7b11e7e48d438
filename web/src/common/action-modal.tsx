import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import LiveRegion from '@cloudscape-design/components/live-region';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Refusal } from './dialog-refusal';

/** What every dialog takes from the page that opens it (useDialogs' props()). */
export interface DialogProps {
  visible: boolean;
  busy: boolean;
  /** Why the API refused the last try: shown in the dialog, which stays open with what the user entered. */
  refusal?: Refusal | undefined;
  onDismiss(): void;
}

export interface ActionModalProps extends DialogProps {
  header: string;
  /** The primary button's label: Delete, Unassign, Save ... */
  actionText: string;
  /** Keeps the primary button off until the user has confirmed (a ticked check box). */
  actionDisabled?: boolean;
  /** A later step of a dialog in steps: the link button goes back a step instead of cancelling. */
  onBack?: (() => void) | undefined;
  children: ReactNode;
  onAction(): void;
}

/**
 * The console's one dialog shape, as in the Chime console: an API refusal above the content, then
 * Cancel and a primary action. A refusal is shown here rather than in the page's Flashbar, which the
 * open dialog would cover.
 */
export function ActionModal({ header, actionText, visible, busy, refusal, actionDisabled = false, onBack, children, onDismiss, onAction }: ActionModalProps) {
  const refusalRef = useRef<HTMLDivElement>(null);
  // The primary button is at the bottom of a dialog that may be taller than the window; bring the message into view.
  useEffect(() => {
    refusalRef.current?.scrollIntoView({ block: 'nearest' });
  }, [refusal]);
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header={header}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onBack ?? onDismiss}>
              {onBack ? 'Back' : 'Cancel'}
            </Button>
            <Button variant="primary" onClick={onAction} disabled={actionDisabled} loading={busy}>
              {actionText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {refusal && (
        <div ref={refusalRef} data-testid="dialog-refusal">
          <Box margin={{ bottom: 'm' }}>
            {/* Announced when it appears: the focus stays on the button the user pressed. */}
            <LiveRegion assertive>
              <Alert type="error" header={refusal.header}>
                {refusal.content}
              </Alert>
            </LiveRegion>
          </Box>
        </div>
      )}
      {/* Not in a SpaceBetween: that would put each piece of a sentence given as content on a line of its own. */}
      {children}
    </Modal>
  );
}
