import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import { useState } from 'react';
import { VOICE_CONNECTOR_AWS_REGIONS } from '../../../../src/contract/enums';
import { LAMBDA_FUNCTION_ARN_PATTERN } from '../../../../src/contract/sip.schema';
import { messageOf } from '../../api/api-error';
import { listAll } from '../../api/list-all';
import { createSipMediaApplication, deleteSipMediaApplication, listSipMediaApplications, type SipMediaApplication } from '../../api/sip';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { FormModal } from '../../common/form-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { useAsync } from '../../common/use-async';
import { ConsoleLayout } from '../../layout/console-layout';
import { useNotifications } from '../../notifications/notifications';
import { nameProblem } from '../../common/name-problem';

const LAMBDA_ARN = new RegExp(LAMBDA_FUNCTION_ARN_PATTERN);

function lambdaArnProblem(arn: string, region: string): string | undefined {
  const match = LAMBDA_ARN.exec(arn.trim());
  if (!match) return 'Enter a Lambda function ARN: arn:aws:lambda:<region>:<12-digit account>:function:<name>.';
  if (match[1] !== region) return `The Lambda function must be in the application's AWS Region (${region}).`;
  return undefined;
}

/** SIP media applications: where SIP rules send calls (through their Lambda function). */
export function SipMediaApplicationsPage() {
  const { notify } = useNotifications();
  const [selected, setSelected] = useState<SipMediaApplication[]>([]);
  const [dialog, setDialog] = useState<'create' | 'delete' | undefined>();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ name: '', region: 'us-east-1', lambdaArn: '' });
  const [errors, setErrors] = useState<{ name?: string | undefined; lambdaArn?: string | undefined }>({});
  const applications = useAsync(
    () =>
      listAll(async (token) => {
        const page = await listSipMediaApplications(token);
        return { items: page.SipMediaApplications, nextToken: page.NextToken };
      }),
    [],
  );

  const openCreate = () => {
    setForm({ name: '', region: 'us-east-1', lambdaArn: '' });
    setErrors({});
    setDialog('create');
  };
  const create = async () => {
    const problems = { name: nameProblem(form.name, 'SIP media application'), lambdaArn: lambdaArnProblem(form.lambdaArn, form.region) };
    if (problems.name || problems.lambdaArn) return setErrors(problems);
    setBusy(true);
    try {
      const application = await createSipMediaApplication({ Name: form.name.trim(), AwsRegion: form.region, Endpoints: [{ LambdaArn: form.lambdaArn.trim() }] });
      notify({ id: `create-sma-${application.SipMediaApplicationId}`, type: 'success', content: `SIP media application ${application.Name} created.` });
      setDialog(undefined);
      applications.reload();
    } catch (error) {
      notify({ id: 'create-sma-failed', type: 'error', header: 'The SIP media application was not created', content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const application = selected[0];
    if (!application) return;
    setBusy(true);
    try {
      await deleteSipMediaApplication(application.SipMediaApplicationId);
      notify({ id: `delete-sma-${application.SipMediaApplicationId}`, type: 'success', content: `SIP media application ${application.Name} deleted.` });
      setSelected([]);
      applications.reload();
    } catch (error) {
      notify({ id: 'delete-sma-failed', type: 'error', header: `SIP media application ${application.Name} was not deleted`, content: messageOf(error) });
    } finally {
      setBusy(false);
      setDialog(undefined);
    }
  };

  return (
    <ConsoleLayout breadcrumbs={[{ text: 'SIP media applications', path: '/sip-media-applications' }]} contentType="table">
      <ResourceListTable
        title="SIP media applications"
        list={applications}
        loadingText="Loading SIP media applications"
        trackBy="SipMediaApplicationId"
        selection={{ selected, onChange: setSelected, noun: 'SIP media application', nameOf: (a: SipMediaApplication) => a.Name }}
        columns={[
          { id: 'name', header: 'Name', isRowHeader: true, cell: (a) => a.Name },
          { id: 'id', header: 'ID', cell: (a) => a.SipMediaApplicationId },
          { id: 'region', header: 'AWS Region', cell: (a) => a.AwsRegion },
          { id: 'lambda', header: 'Lambda function', cell: (a) => a.Endpoints.map((e) => e.LambdaArn).join(', ') },
        ]}
        actions={[
          <Button key="delete" disabled={selected.length === 0} disabledReason="Select a SIP media application." onClick={() => setDialog('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={openCreate}>
            Create SIP media application
          </Button>,
        ]}
        empty="No SIP media applications"
      />
      <FormModal header="Create SIP media application" submitText="Create" visible={dialog === 'create'} busy={busy} onDismiss={() => setDialog(undefined)} onSubmit={() => void create()}>
        <FormField label="Name" errorText={errors.name}>
          <Input value={form.name} onChange={({ detail }) => (setForm((f) => ({ ...f, name: detail.value })), setErrors((e) => ({ ...e, name: undefined })))} invalid={!!errors.name} />
        </FormField>
        <FormField label="AWS Region">
          <Select
            selectedOption={{ value: form.region, label: form.region }}
            onChange={({ detail }) => setForm((f) => ({ ...f, region: detail.selectedOption.value ?? f.region }))}
            options={VOICE_CONNECTOR_AWS_REGIONS.map((r) => ({ value: r, label: r }))}
          />
        </FormField>
        <FormField label="Lambda function ARN" errorText={errors.lambdaArn} description="The function that handles the application's calls, in the same AWS Region.">
          <Input
            value={form.lambdaArn}
            placeholder="arn:aws:lambda:us-east-1:123456789012:function:my-function"
            onChange={({ detail }) => (setForm((f) => ({ ...f, lambdaArn: detail.value })), setErrors((e) => ({ ...e, lambdaArn: undefined })))}
            invalid={!!errors.lambdaArn}
          />
        </FormField>
      </FormModal>
      <ConfirmDeleteModal header="Delete SIP media application" visible={dialog === 'delete'} busy={busy} onDismiss={() => setDialog(undefined)} onDelete={() => void remove()}>
        Delete SIP media application <b>{selected[0]?.Name}</b>? No SIP rule may use it.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
