import Button from '@cloudscape-design/components/button';
import { useState } from 'react';
import { messageOf } from '../../api/api-error';
import { createSipMediaApplication, deleteSipMediaApplication, updateSipMediaApplication, type SipMediaApplication } from '../../api/sip';
import { ConfirmDeleteModal } from '../../common/confirm-delete-modal';
import { ResourceListTable } from '../../common/resource-list-table';
import { selectedItem } from '../../common/selected-item';
import { ConsoleLayout } from '../../layout/console-layout';
import { useNotifications } from '../../notifications/notifications';
import { SipMediaApplicationModal, type SipMediaApplicationForm } from './sip-media-application-modal';
import { useSipMediaApplications } from './use-sip-media-applications';

/** SIP media applications: where SIP rules send calls (through their Lambda function). */
export function SipMediaApplicationsPage() {
  const { notify } = useNotifications();
  const [selected, setSelected] = useState<SipMediaApplication[]>([]);
  const [dialog, setDialog] = useState<'create' | 'edit' | 'delete' | undefined>();
  const [busy, setBusy] = useState(false);
  const applications = useSipMediaApplications();
  const application = selectedItem(applications.value, selected, 'SipMediaApplicationId');

  const create = async ({ Name, AwsRegion, LambdaArn }: SipMediaApplicationForm) => {
    setBusy(true);
    try {
      const created = await createSipMediaApplication({ Name, AwsRegion, Endpoints: [{ LambdaArn }] });
      notify({ id: `create-sma-${created.SipMediaApplicationId}`, type: 'success', content: `SIP media application ${created.Name} created.` });
      setDialog(undefined);
      applications.reload();
    } catch (error) {
      notify({ id: 'create-sma-failed', type: 'error', header: 'The SIP media application was not created', content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  const save = async ({ Name, LambdaArn }: SipMediaApplicationForm) => {
    if (!application) return;
    setBusy(true);
    try {
      const updated = await updateSipMediaApplication(application.SipMediaApplicationId, { Name, Endpoints: [{ LambdaArn }] });
      notify({ id: `update-sma-${application.SipMediaApplicationId}`, type: 'success', content: `SIP media application ${updated.Name} updated.` });
      setSelected([updated]);
    } catch (error) {
      notify({ id: 'update-sma-failed', type: 'error', header: `SIP media application ${application.Name} was not updated`, content: messageOf(error) });
    } finally {
      // Closed and reloaded either way: the dialog would hide a refusal's message, and the list (and the next Edit)
      // then shows what is stored, without a row that someone deleted meanwhile.
      setBusy(false);
      setDialog(undefined);
      applications.reload();
    }
  };
  const remove = async () => {
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
          <Button key="edit" disabled={!application} disabledReason="Select a SIP media application." onClick={() => setDialog('edit')}>
            Edit
          </Button>,
          <Button key="delete" disabled={!application} disabledReason="Select a SIP media application." onClick={() => setDialog('delete')}>
            Delete
          </Button>,
          <Button key="create" variant="primary" onClick={() => setDialog('create')}>
            Create SIP media application
          </Button>,
        ]}
        empty="No SIP media applications"
      />
      <SipMediaApplicationModal visible={dialog === 'create'} busy={busy} onDismiss={() => setDialog(undefined)} onSave={(form) => void create(form)} />
      <SipMediaApplicationModal
        application={application}
        visible={dialog === 'edit'}
        busy={busy}
        onDismiss={() => setDialog(undefined)}
        onSave={(form) => void save(form)}
      />
      <ConfirmDeleteModal header="Delete SIP media application" visible={dialog === 'delete'} busy={busy} onDismiss={() => setDialog(undefined)} onDelete={() => void remove()}>
        Delete SIP media application <b>{application?.Name}</b>? No SIP rule may use it.
      </ConfirmDeleteModal>
    </ConsoleLayout>
  );
}
