import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import { useEffect, useState } from 'react';
import { VOICE_CONNECTOR_AWS_REGIONS } from '../../../../src/contract/enums';
import { LAMBDA_FUNCTION_ARN_PATTERN } from '../../../../src/contract/sip.schema';
import type { SipMediaApplication } from '../../api/sip';
import type { DialogProps } from '../../common/action-modal';
import { FormModal } from '../../common/form-modal';
import { nameProblem } from '../../common/name-problem';

const LAMBDA_ARN = new RegExp(LAMBDA_FUNCTION_ARN_PATTERN);
const DEFAULT_REGION = 'us-east-1';

/** The API takes only a Lambda function of the application's own region; say so before calling it. */
function lambdaArnProblem(arn: string, region: string): string | undefined {
  const match = LAMBDA_ARN.exec(arn.trim());
  if (!match) return 'Enter a Lambda function ARN: arn:aws:lambda:<region>:<12-digit account>:function:<name>.';
  if (match[1] !== region) return `The Lambda function must be in the application's AWS Region (${region}).`;
  return undefined;
}

export interface SipMediaApplicationForm {
  Name: string;
  AwsRegion: string;
  LambdaArn: string;
}

interface SipMediaApplicationModalProps extends DialogProps {
  /** The application to edit; without one the dialog creates an application. */
  application?: SipMediaApplication | undefined;
  onSave(form: SipMediaApplicationForm): void;
}

/** Create SIP media application (name, AWS Region, Lambda function), or Edit one: its region is fixed, so it is only shown. */
export function SipMediaApplicationModal({ application, onSave, ...dialog }: SipMediaApplicationModalProps) {
  const [form, setForm] = useState<SipMediaApplicationForm>({ Name: '', AwsRegion: DEFAULT_REGION, LambdaArn: '' });
  const [errors, setErrors] = useState<{ name?: string | undefined; lambdaArn?: string | undefined }>({});
  const { visible } = dialog;
  useEffect(() => {
    if (!visible) return;
    setForm({ Name: application?.Name ?? '', AwsRegion: application?.AwsRegion ?? DEFAULT_REGION, LambdaArn: application?.Endpoints[0]?.LambdaArn ?? '' });
    setErrors({});
    // Each opening starts from the application as it is now (or an empty form), not from what was typed last time.
  }, [visible]);

  const save = () => {
    const problems = { name: nameProblem(form.Name, 'SIP media application'), lambdaArn: lambdaArnProblem(form.LambdaArn, form.AwsRegion) };
    if (problems.name || problems.lambdaArn) return setErrors(problems);
    onSave({ Name: form.Name.trim(), AwsRegion: form.AwsRegion, LambdaArn: form.LambdaArn.trim() });
  };

  return (
    <FormModal {...dialog} header={application ? 'Edit SIP media application' : 'Create SIP media application'} submitText={application ? 'Save' : 'Create'} onSubmit={save}>
      {application && <KeyValuePairs ariaLabel="Fixed settings" items={[{ label: 'AWS Region', value: application.AwsRegion }]} />}
      <FormField label="Name" errorText={errors.name}>
        <Input value={form.Name} onChange={({ detail }) => (setForm((f) => ({ ...f, Name: detail.value })), setErrors((e) => ({ ...e, name: undefined })))} invalid={!!errors.name} />
      </FormField>
      {!application && (
        <FormField label="AWS Region">
          <Select
            selectedOption={{ value: form.AwsRegion, label: form.AwsRegion }}
            onChange={({ detail }) => setForm((f) => ({ ...f, AwsRegion: detail.selectedOption.value ?? f.AwsRegion }))}
            options={VOICE_CONNECTOR_AWS_REGIONS.map((r) => ({ value: r, label: r }))}
          />
        </FormField>
      )}
      <FormField label="Lambda function ARN" errorText={errors.lambdaArn} description="The function that handles the application's calls, in the same AWS Region.">
        <Input
          value={form.LambdaArn}
          placeholder={`arn:aws:lambda:${form.AwsRegion}:123456789012:function:my-function`}
          onChange={({ detail }) => (setForm((f) => ({ ...f, LambdaArn: detail.value })), setErrors((e) => ({ ...e, lambdaArn: undefined })))}
          invalid={!!errors.lambdaArn}
        />
      </FormField>
    </FormModal>
  );
}
