import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FormEvent, ReactNode } from 'react';

interface FormModalProps {
  header: string;
  submitText: string;
  visible: boolean;
  busy: boolean;
  children: ReactNode;
  onDismiss(): void;
  onSubmit(): void;
}

/** A modal form whose primary button (and Enter) submits; the caller validates before calling the API. */
export function FormModal({ header, submitText, visible, busy, children, onDismiss, onSubmit }: FormModalProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
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
            <Button variant="primary" onClick={onSubmit} loading={busy}>
              {submitText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form onSubmit={submit} noValidate>
        <Form>
          <SpaceBetween size="l">{children}</SpaceBetween>
        </Form>
        {/* Enter in a field submits the form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </form>
    </Modal>
  );
}
