import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal, type DialogProps } from '../../common/action-modal';
import { useEffect, useState } from 'react';
import { PRODUCT_TYPES, type ProductType } from '../../../../src/contract/enums';
import type { PhoneNumber } from '../../api/phone-numbers';
import { NON_US_REASON, productTypeLabel, productTypeRestriction } from '../../common/product-type-rules';

interface EditProductTypeModalProps extends DialogProps {
  numbers: PhoneNumber[];
  onSave(productType: ProductType): void;
}

/** Business Calling / Voice Connector / SIP Media Application Dial-In for one or many unassigned numbers. */
export function EditProductTypeModal({ numbers, onSave, ...dialog }: EditProductTypeModalProps) {
  const shared = numbers.length > 0 && numbers.every((n) => n.ProductType === numbers[0]!.ProductType) ? numbers[0]!.ProductType : undefined;
  const [choice, setChoice] = useState<ProductType | undefined>(shared);
  const [error, setError] = useState<string | undefined>();
  const { visible } = dialog;
  useEffect(() => {
    if (visible) {
      setChoice(shared);
      setError(undefined);
    }
    // Each opening starts from the selected numbers' current type, not from the last choice.
  }, [visible]);

  const hasNonUs = numbers.some((n) => n.Country !== 'US');
  const save = () => {
    if (!choice) return setError('Choose a product type.');
    const restriction = productTypeRestriction(numbers, choice);
    if (restriction) return setError(restriction);
    onSave(choice);
  };

  const count = numbers.length === 1 ? numbers[0]!.E164PhoneNumber : `${numbers.length} phone numbers`;
  return (
    <ActionModal {...dialog} header="Edit product type" actionText="Save" onAction={save}>
      <SpaceBetween size="m">
        <Box>
          Choose the product type of <b>{count}</b>. Only unassigned numbers can change product type.
        </Box>
        {hasNonUs && (
          <Alert type="info" header="Non-US numbers">
            {NON_US_REASON} That is why Business Calling and Voice Connector cannot be chosen for the selected numbers.
          </Alert>
        )}
        <FormField label="Product type" errorText={error}>
          <RadioGroup
            value={choice ?? null}
            onChange={({ detail }) => {
              setChoice(detail.value as ProductType);
              setError(undefined);
            }}
            items={PRODUCT_TYPES.map((type) => {
              const restriction = productTypeRestriction(numbers, type);
              return { value: type, label: productTypeLabel(type), disabled: restriction !== undefined, description: restriction };
            })}
          />
        </FormField>
      </SpaceBetween>
    </ActionModal>
  );
}
