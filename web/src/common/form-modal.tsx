import Form from '@cloudscape-design/components/form';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FormEvent, ReactNode } from 'react';
import { ActionModal, type DialogProps } from './action-modal';

interface FormModalProps extends DialogProps {
  header: string;
  submitText: string;
  children: ReactNode;
  onSubmit(): void;
}

/** A modal form whose primary button (and Enter) submits; the caller validates before calling the API. */
export function FormModal({ submitText, children, onSubmit, ...dialog }: FormModalProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <ActionModal {...dialog} actionText={submitText} onAction={onSubmit}>
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
