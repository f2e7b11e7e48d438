import Autosuggest from '@cloudscape-design/components/autosuggest';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Wizard from '@cloudscape-design/components/wizard';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SIP_RULE_TRIGGER_TYPES, type SipRuleTriggerType } from '../../../../src/contract/enums';
import { messageOf } from '../../api/api-error';
import { listPhoneNumbers } from '../../api/phone-numbers';
import { createSipRule } from '../../api/sip';
import { useAsync } from '../../common/use-async';
import { ConsoleLayout } from '../../layout/console-layout';
import { useNotifications } from '../../notifications/notifications';
import { TRIGGER_TYPE_LABELS } from './sip-labels';
import { detailErrors, hasErrors, targetApplicationsOf, targetErrors, type DetailErrors, type RuleDetails, type TargetErrors, type TargetRow } from './sip-rule-form';
import { SipTargetsEditor } from './sip-targets-editor';
import { useSipMediaApplications } from './use-sip-media-applications';

const WIZARD_STRINGS = {
  stepNumberLabel: (n: number) => `Step ${n}`,
  collapsedStepsLabel: (n: number, total: number) => `Step ${n} of ${total}`,
  navigationAriaLabel: 'Steps',
  cancelButton: 'Cancel',
  previousButton: 'Previous',
  nextButton: 'Next',
  optional: 'optional',
};

const CREATE_FAILED = 'create-rule-failed';

/** Create a SIP rule: Name, Trigger type, Phone number, Enabled; Next; SIP media applications; Create. */
export function CreateSipRulePage() {
  const navigate = useNavigate();
  const { notify } = useNotifications();
  const [step, setStep] = useState(0);
  const [details, setDetails] = useState<RuleDetails>({ name: '', triggerType: 'ToPhoneNumber', triggerValue: '', enabled: true });
  const [rows, setRows] = useState<TargetRow[]>([{ applicationId: undefined, awsRegion: undefined, priority: '1' }]);
  const [errors, setErrors] = useState<{ details: DetailErrors; targets: TargetErrors }>({ details: {}, targets: { rows: [] } });
  const [submitting, setSubmitting] = useState(false);

  // "Enter a phone number or choose one from the list": unassigned SIP Media Application Dial-In numbers.
  const freeNumbers = useAsync(async () => {
    const page = await listPhoneNumbers({ status: 'Unassigned', 'product-type': 'SipMediaApplicationDialIn', 'max-results': 100 });
    return page.PhoneNumbers.map((n) => n.E164PhoneNumber);
  }, []);
  const applications = useSipMediaApplications();

  const change = (patch: Partial<RuleDetails>) => {
    setDetails((d) => ({ ...d, ...patch }));
    setErrors((e) => ({ ...e, details: {} }));
  };
  const changeRows = (next: TargetRow[]) => {
    setRows(next);
    setErrors((e) => ({ ...e, targets: { rows: [] } }));
  };

  const create = async () => {
    const problems = targetErrors(rows);
    if (hasErrors(problems)) return setErrors((e) => ({ ...e, targets: problems }));
    setSubmitting(true);
    try {
      const rule = await createSipRule({
        Name: details.name.trim(),
        TriggerType: details.triggerType,
        TriggerValue: details.triggerValue.trim(),
        Disabled: !details.enabled,
        TargetApplications: targetApplicationsOf(rows),
      });
      // A retry that succeeds makes the failure of the attempt before it stale.
      notify({
        id: `create-rule-${rule.SipRuleId}`,
        type: 'success',
        dismisses: [CREATE_FAILED],
        content: `SIP rule ${rule.Name} created${rule.TriggerType === 'ToPhoneNumber' ? `; ${rule.TriggerValue} is assigned` : ''}.`,
      });
      navigate('/sip-rules');
    } catch (error) {
      notify({ id: CREATE_FAILED, type: 'error', header: 'The SIP rule was not created', content: messageOf(error) });
      setSubmitting(false);
    }
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'SIP rules', path: '/sip-rules' }, { text: 'Create', path: '/sip-rules/create' }]} contentType="wizard">
      <Wizard
        activeStepIndex={step}
        onNavigate={({ detail }) => {
          if (detail.requestedStepIndex > step) {
            const problems = detailErrors(details);
            if (hasErrors(problems)) return setErrors((e) => ({ ...e, details: problems }));
          }
          setStep(detail.requestedStepIndex);
        }}
        onCancel={() => navigate('/sip-rules')}
        onSubmit={() => void create()}
        isLoadingNextStep={submitting}
        submitButtonText="Create"
        i18nStrings={WIZARD_STRINGS}
        steps={[
          {
            title: 'Create a SIP rule',
            content: (
              <Container header={<Header variant="h2">Rule details</Header>}>
                <SpaceBetween size="l">
                  <FormField label="Name" errorText={errors.details.name}>
                    <Input value={details.name} onChange={({ detail }) => change({ name: detail.value })} invalid={!!errors.details.name} />
                  </FormField>
                  <FormField label="Trigger type">
                    <Select
                      selectedOption={{ value: details.triggerType, label: TRIGGER_TYPE_LABELS[details.triggerType] }}
                      onChange={({ detail }) => change({ triggerType: detail.selectedOption.value as SipRuleTriggerType, triggerValue: '' })}
                      options={SIP_RULE_TRIGGER_TYPES.map((t) => ({ value: t, label: TRIGGER_TYPE_LABELS[t] }))}
                    />
                  </FormField>
                  {details.triggerType === 'ToPhoneNumber' ? (
                    <FormField
                      label="Phone number"
                      description="Enter a phone number or choose one from the list. Use this format: +1 and ten digits, such as +15095551212."
                      errorText={errors.details.triggerValue}
                    >
                      <Autosuggest
                        value={details.triggerValue}
                        onChange={({ detail }) => change({ triggerValue: detail.value })}
                        options={(freeNumbers.value ?? []).map((n) => ({ value: n }))}
                        enteredTextLabel={(value) => `Use: ${value}`}
                        placeholder="+15095551212"
                        statusType={freeNumbers.loading ? 'loading' : 'finished'}
                        loadingText="Loading unassigned SIP Media Application Dial-In numbers"
                        empty="No unassigned SIP Media Application Dial-In numbers"
                        invalid={!!errors.details.triggerValue}
                      />
                    </FormField>
                  ) : (
                    <FormField label="Request URI hostname" description="The outbound host name of a voice connector." errorText={errors.details.triggerValue}>
                      <Input value={details.triggerValue} onChange={({ detail }) => change({ triggerValue: detail.value })} invalid={!!errors.details.triggerValue} />
                    </FormField>
                  )}
                  <Checkbox checked={details.enabled} onChange={({ detail }) => change({ enabled: detail.checked })} description="Clear it to create the rule disabled.">
                    Enabled
                  </Checkbox>
                </SpaceBetween>
              </Container>
            ),
          },
          {
            title: 'SIP media applications',
            description: 'Calls go to the SIP media applications in priority order, 1 first.',
            content: (
              <Container header={<Header variant="h2">SIP media applications</Header>}>
                <SipTargetsEditor rows={rows} errors={errors.targets} applications={applications} onChange={changeRows} />
              </Container>
            ),
          },
        ]}
      />
    </ConsoleLayout>
  );
}
