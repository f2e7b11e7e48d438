import Form from '@cloudscape-design/components/form';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FormEvent, ReactNode } from 'react';
import { ActionModal } from './action-modal';

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
    <ActionModal header={header} actionText={submitText} visible={visible} busy={busy} onDismiss={onDismiss} onAction={onSubmit}>
      <form onSubmit={submit} noValidate>
        <Form>
          <SpaceBetween size="l">{children}</SpaceBetween>
        </Form>
        {/* Enter in a field submits the form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </form>
    </ActionModal>
  );
}
