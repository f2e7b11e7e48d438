import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal, type DialogProps } from '../../common/action-modal';
import { useEffect, useState } from 'react';
import type { PhoneNumber } from '../../api/phone-numbers';
import type { HolderNameOf } from '../../common/use-holder-names';
import { assignedTo } from './phone-number-columns';

interface UnassignModalProps extends DialogProps {
  numbers: PhoneNumber[];
  /** The holders' names, as the inventory shows them. */
  nameOf: HolderNameOf;
  onUnassign(): void;
}

/** Unassign: select the check box, and choose Unassign. */
export function UnassignModal({ numbers, nameOf, onUnassign, ...dialog }: UnassignModalProps) {
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => setConfirmed(false), [dialog.visible]);
  return (
    <ActionModal
      {...dialog}
      header={numbers.length === 1 ? 'Unassign phone number' : 'Unassign phone numbers'}
      actionText="Unassign"
      actionDisabled={!confirmed}
      onAction={onUnassign}
    >
      <SpaceBetween size="m">
        <Box>Calls to these numbers will no longer reach what they are assigned to now:</Box>
        <ul>
          {numbers.map((n) => (
            <li key={n.PhoneNumberId}>
              {n.E164PhoneNumber}: {assignedTo(n, nameOf)}
            </li>
          ))}
        </ul>
        <Checkbox checked={confirmed} onChange={({ detail }) => setConfirmed(detail.checked)}>
          Unassign {numbers.length === 1 ? 'this phone number' : `these ${numbers.length} phone numbers`}
        </Checkbox>
      </SpaceBetween>
    </ActionModal>
  );
}
