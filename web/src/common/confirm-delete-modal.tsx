import type { ReactNode } from 'react';
import { ActionModal } from './action-modal';

interface ConfirmDeleteModalProps {
  header: string;
  visible: boolean;
  busy: boolean;
  children: ReactNode;
  onDismiss(): void;
  onDelete(): void;
}

export function ConfirmDeleteModal({ onDelete, ...props }: ConfirmDeleteModalProps) {
  return <ActionModal {...props} actionText="Delete" onAction={onDelete} />;
}
