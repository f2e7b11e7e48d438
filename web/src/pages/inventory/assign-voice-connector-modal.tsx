import FormField from '@cloudscape-design/components/form-field';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import { useEffect, useState } from 'react';
import { listAll } from '../../api/list-all';
import type { PhoneNumber } from '../../api/phone-numbers';
import { listVoiceConnectorGroups, listVoiceConnectors, type VoiceTargetKind } from '../../api/voice-connectors';
import { ActionModal, type DialogProps } from '../../common/action-modal';
import { useAsync } from '../../common/use-async';

export interface VoiceTarget {
  kind: VoiceTargetKind;
  id: string;
  name: string;
}

interface AssignVoiceConnectorModalProps extends DialogProps {
  numbers: PhoneNumber[];
  /** Reassign moves numbers from the connector or group that holds them (ForceAssociate). */
  mode: 'assign' | 'reassign';
  onAssign(target: VoiceTarget): void;
}

const KIND_LABELS: Record<VoiceTargetKind, string> = { 'voice-connectors': 'Voice connector', 'voice-connector-groups': 'Voice connector group' };

/** Assignment type (Voice connector / Voice connector group), Assign; then the connector or group, Assign. */
export function AssignVoiceConnectorModal({ numbers, mode, onAssign, ...dialog }: AssignVoiceConnectorModalProps) {
  const { visible, refusal } = dialog;
  const [step, setStep] = useState<1 | 2>(1);
  const [kind, setKind] = useState<VoiceTargetKind>('voice-connectors');
  const [target, setTarget] = useState<SelectProps.Option | null>(null);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (visible) {
      setStep(1);
      setTarget(null);
      setError(undefined);
    }
  }, [visible]);

  const targets = useAsync(async () => {
    if (!visible || step !== 2) return [];
    if (kind === 'voice-connectors') {
      const all = await listAll(async (token) => {
        const page = await listVoiceConnectors(token);
        return { items: page.VoiceConnectors, nextToken: page.NextToken };
      });
      return all.map((c) => ({ value: c.VoiceConnectorId, label: c.Name, description: `${c.VoiceConnectorId} · ${c.AwsRegion}` }));
    }
    const all = await listAll(async (token) => {
      const page = await listVoiceConnectorGroups(token);
      return { items: page.VoiceConnectorGroups, nextToken: page.NextToken };
    });
    return all.map((g) => ({ value: g.VoiceConnectorGroupId, label: g.Name, description: `${g.VoiceConnectorGroupId} · ${g.VoiceConnectorItems.length} connectors` }));
    // A refusal (the chosen target deleted meanwhile, say) reads the targets again.
  }, [visible, step, kind, refusal]);

  // A chosen target the new reading no longer has is dropped, and the field says so, rather than
  // offering the same refused choice again.
  useEffect(() => {
    if (!target?.value || targets.loading || !targets.value) return;
    if (targets.value.some((o) => o.value === target.value)) return;
    setTarget(null);
    setError(`${target.label ?? target.value} no longer exists. Choose another ${KIND_LABELS[kind].toLowerCase()}.`);
  }, [targets.value, targets.loading]);

  // Reassign offers every target but the one that holds all the numbers now.
  const holders = new Set(numbers.flatMap((n) => n.Associations.filter((a) => a.Name !== 'AccountId').map((a) => a.Value)));
  const options = (targets.value ?? []).filter((o) => !(mode === 'reassign' && holders.size === 1 && holders.has(o.value)));

  const assign = () => {
    if (step === 1) return setStep(2);
    if (!target?.value) return setError(`Choose a ${KIND_LABELS[kind].toLowerCase()}.`);
    onAssign({ kind, id: target.value, name: target.label ?? target.value });
  };

  const what = numbers.length === 1 ? numbers[0]!.E164PhoneNumber : `${numbers.length} phone numbers`;
  const verb = mode === 'assign' ? 'Assign' : 'Reassign';
  return (
    <ActionModal {...dialog} header={`${verb} ${what}`} actionText={verb} onBack={step === 2 ? () => setStep(1) : undefined} onAction={assign}>
      {step === 1 ? (
        <FormField label="Assignment type">
          <RadioGroup
            value={kind}
            onChange={({ detail }) => {
              setKind(detail.value as VoiceTargetKind);
              setTarget(null);
              setError(undefined);
            }}
            items={[
              { value: 'voice-connectors', label: 'Voice connector' },
              { value: 'voice-connector-groups', label: 'Voice connector group' },
            ]}
          />
        </FormField>
      ) : (
        <FormField label={KIND_LABELS[kind]} errorText={error ?? targets.error} description={`The ${KIND_LABELS[kind].toLowerCase()} that calls to ${what} go to.`}>
          <Select
            selectedOption={target}
            onChange={({ detail }) => {
              setTarget(detail.selectedOption);
              setError(undefined);
            }}
            options={options}
            placeholder={`Choose a ${KIND_LABELS[kind].toLowerCase()}`}
            filteringType="auto"
            statusType={targets.loading ? 'loading' : 'finished'}
            loadingText="Loading"
            empty={`No ${KIND_LABELS[kind].toLowerCase()}s yet`}
            ariaLabel={KIND_LABELS[kind]}
          />
        </FormField>
      )}
    </ActionModal>
  );
}
