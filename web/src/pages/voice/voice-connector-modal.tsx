import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import { useEffect, useState } from 'react';
import { VOICE_CONNECTOR_AWS_REGIONS, type VoiceConnectorAwsRegion } from '../../../../src/contract/enums';
import { DEFAULT_VOICE_CONNECTOR_AWS_REGION } from '../../../../src/contract/voice-connector.schema';
import type { VoiceConnector } from '../../api/voice-connectors';
import type { DialogProps } from '../../common/action-modal';
import { FormModal } from '../../common/form-modal';
import { nameProblem } from '../../common/name-problem';

export interface VoiceConnectorForm {
  Name: string;
  AwsRegion: VoiceConnectorAwsRegion;
  RequireEncryption: boolean;
}

interface VoiceConnectorModalProps extends DialogProps {
  /** The connector to edit; without one the dialog creates a connector. */
  connector?: VoiceConnector | undefined;
  onSave(form: VoiceConnectorForm): void;
}

/** Create voice connector (name, AWS Region, Require encryption), or Edit one: its region is fixed, so it is only shown. */
export function VoiceConnectorModal({ connector, onSave, ...dialog }: VoiceConnectorModalProps) {
  const [name, setName] = useState('');
  const [region, setRegion] = useState<VoiceConnectorAwsRegion>(DEFAULT_VOICE_CONNECTOR_AWS_REGION);
  const [encryption, setEncryption] = useState(true);
  const [nameError, setNameError] = useState<string | undefined>();
  const { visible } = dialog;
  useEffect(() => {
    if (!visible) return;
    setName(connector?.Name ?? '');
    setRegion(connector?.AwsRegion ?? DEFAULT_VOICE_CONNECTOR_AWS_REGION);
    setEncryption(connector?.RequireEncryption ?? true);
    setNameError(undefined);
    // Each opening starts from the connector as it is now (or the defaults), not from what was typed last time.
  }, [visible]);

  const save = () => {
    const problem = nameProblem(name, 'voice connector');
    if (problem) return setNameError(problem);
    onSave({ Name: name.trim(), AwsRegion: region, RequireEncryption: encryption });
  };

  return (
    <FormModal {...dialog} header={connector ? 'Edit voice connector' : 'Create voice connector'} submitText={connector ? 'Save' : 'Create'} onSubmit={save}>
      {connector && (
        <KeyValuePairs
          columns={2}
          ariaLabel="Fixed settings"
          items={[
            { label: 'AWS Region', value: connector.AwsRegion },
            { label: 'Outbound host name', value: connector.OutboundHostName },
          ]}
        />
      )}
      <FormField label="Name" errorText={nameError}>
        <Input value={name} onChange={({ detail }) => (setName(detail.value), setNameError(undefined))} invalid={!!nameError} />
      </FormField>
      {!connector && (
        <FormField label="AWS Region">
          <Select
            selectedOption={{ value: region, label: region }}
            onChange={({ detail }) => setRegion(detail.selectedOption.value as VoiceConnectorAwsRegion)}
            options={VOICE_CONNECTOR_AWS_REGIONS.map((r) => ({ value: r, label: r }))}
          />
        </FormField>
      )}
      <Checkbox checked={encryption} onChange={({ detail }) => setEncryption(detail.checked)}>
        Require encryption
      </Checkbox>
    </FormModal>
  );
}
