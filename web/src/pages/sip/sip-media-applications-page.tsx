import Button from '@cloudscape-design/components/button';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { createSipMediaApplication, deleteSipMediaApplication, updateSipMediaApplication, type SipMediaApplication } from '../../api/sip';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { selectedItem } from '../../common/selected-item';
import { useDialogs } from '../../common/use-dialogs';
import { ConsoleLayout } from '../../layout/console-layout';
import { SipMediaApplicationModal, type SipMediaApplicationForm } from './sip-media-application-modal';
import { useSipMediaApplications } from './use-sip-media-applications';
import { useSipRules } from './use-sip-rules';

/** SIP media applications: where SIP rules send calls (through their Lambda function). */
export function SipMediaApplicationsPage() {
  const [selected, setSelected] = useState<SipMediaApplication[]>([]);
  const applications = useSipMediaApplications();
  // The numbers that reach each application: its SIP rules' To phone number triggers.
  const rules = useSipRules();
  const dialogs = useDialogs<'create' | 'edit' | 'delete'>(() => {
    applications.reload();
    rules.reload();
  });
  const application = selectedItem(applications.value, selected, 'SipMediaApplicationId');
  const phoneNumbersOf = (a: SipMediaApplication) => {
    if (rules.error) return <StatusIndicator type="error">Not read: {rules.error}</StatusIndicator>;
    if (!rules.value) return <StatusIndicator type="loading">Loading</StatusIndicator>;
    const numbers = rules.value
      .filter((rule) => rule.TriggerType === 'ToPhoneNumber' && rule.TargetApplications.some((t) => t.SipMediaApplicationId === a.SipMediaApplicationId))
      .map((rule) => rule.TriggerValue);
    return numbers.length > 0 ? numbers.join(', ') : '-';
  };

  const create = ({ Name, AwsRegion, LambdaArn }: SipMediaApplicationForm) =>
    dialogs.run('The SIP media application was not created', async () => {
      const created = await createSipMediaApplication({ Name, AwsRegion, Endpoints: [{ LambdaArn }] });
      return { id: `create-sma-${created.SipMediaApplicationId}`, type: 'success', content: `SIP media application ${created.Name} created.` };
    });
  const save = async ({ Name, LambdaArn }: SipMediaApplicationForm) => {
    if (!application) return;
    await dialogs.run(`SIP media application ${application.Name} was not updated`, async () => {
      const updated = await updateSipMediaApplication(application.SipMediaApplicationId, { Name, Endpoints: [{ LambdaArn }] });
      setSelected([updated]);
      return { id: `update-sma-${application.SipMediaApplicationId}`, type: 'success', content: `SIP media application ${updated.Name} updated.` };
    });
  };
  const remove = async () => {
    if (!application) return;
    await dialogs.run(`SIP media application ${application.Name} was not deleted`, async () => {
      await deleteSipMediaApplication(application.SipMediaApplicationId);
      setSelected([]);
      return { id: `delete-sma-${application.SipMediaApplicationId}`, type: 'success', content: `SIP media application ${application.Name} deleted.` };
    });
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
          { id: 'phone-numbers', header: 'Phone numbers', cell: phoneNumbersOf },
          { id: 'region', header: 'AWS Region', cell: (a) => a.AwsRegion },
          { id: 'lambda', header: 'Lambda function', cell: (a) => a.Endpoints.map((e) => e.LambdaArn).join(', ') },
        ]}
        actions={[
          <Button key="edit" disabled={!application} disabledReason="Select a SIP media application." onClick={() => dialogs.show('edit')}>
            Edit
          </Button>,
          <Button key="delete" disabled={!application} disabledReason="Select a SIP media application." onClick={() => dialogs.show('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={() => dialogs.show('create')}>
            Create SIP media application
          </Button>,
        ]}
        empty="No SIP media applications"
      />
      <SipMediaApplicationModal {...dialogs.props('create')} onSave={(form) => void create(form)} />
      <SipMediaApplicationModal {...dialogs.props('edit')} application={application} onSave={(form) => void save(form)} />
      <ConfirmDeleteModal {...dialogs.props('delete')} header="Delete SIP media application" onDelete={() => void remove()}>
        Delete SIP media application <b>{application?.Name}</b>? No SIP rule may use it.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
