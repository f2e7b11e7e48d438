import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal, type DialogProps } from '../../common/action-modal';
import type { PhoneNumber } from '../../api/phone-numbers';

interface DeleteNumbersModalProps extends DialogProps {
  numbers: PhoneNumber[];
  onDelete(): void;
}

export function DeleteNumbersModal({ numbers, onDelete, ...dialog }: DeleteNumbersModalProps) {
  const what = numbers.length === 1 ? numbers[0]!.E164PhoneNumber : `${numbers.length} phone numbers`;
  return (
    <ActionModal {...dialog} header={numbers.length === 1 ? 'Delete phone number' : 'Delete phone numbers'} actionText="Delete" onAction={onDelete}>
      <SpaceBetween size="s">
        <Box>
          Delete <b>{what}</b> from the inventory?
        </Box>
        <Box color="text-body-secondary">
          Deleted numbers wait in <b>Deleted numbers</b> until the restore window ends; until then you can restore them there.
        </Box>
      </SpaceBetween>
    </ActionModal>
  );
}
