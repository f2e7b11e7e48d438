import type { ReactNode } from 'react';
import { ActionModal, type DialogProps } from './action-modal';

interface ConfirmDeleteModalProps extends DialogProps {
  header: string;
  children: ReactNode;
  onDelete(): void;
}

export function ConfirmDeleteModal({ onDelete, ...props }: ConfirmDeleteModalProps) {
  return <ActionModal {...props} actionText="Delete" onAction={onDelete} />;
}
