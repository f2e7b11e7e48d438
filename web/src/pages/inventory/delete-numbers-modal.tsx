import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { PhoneNumber } from '../../api/phone-numbers';

interface DeleteNumbersModalProps {
  numbers: PhoneNumber[];
  visible: boolean;
  deleting: boolean;
  onDismiss(): void;
  onDelete(): void;
}

export function DeleteNumbersModal({ numbers, visible, deleting, onDismiss, onDelete }: DeleteNumbersModalProps) {
  const what = numbers.length === 1 ? numbers[0]!.E164PhoneNumber : `${numbers.length} phone numbers`;
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header={numbers.length === 1 ? 'Delete phone number' : 'Delete phone numbers'}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" onClick={onDelete} loading={deleting}>
              Delete
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="s">
        <Box>
          Delete <b>{what}</b> from the inventory?
        </Box>
        <Box color="text-body-secondary">
          Deleted numbers wait in <b>Deleted numbers</b> until the restore window ends; until then you can restore them there.
        </Box>
      </SpaceBetween>
    </Modal>
  );
}
