import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { messageOf } from '../api/api-error';
import { useSession } from '../session/session-context';

/** Only a path of this console: `next` comes from the URL and must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/inventory';
}

export function SignInPage() {
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const idError = submitted && accessKeyId.trim() === '' ? 'Enter the access key ID.' : undefined;
  const secretError = submitted && secret === '' ? 'Enter the secret access key.' : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(undefined);
    if (accessKeyId.trim() === '' || secret === '') return;
    setBusy(true);
    try {
      await signIn({ AccessKeyId: accessKeyId.trim(), SecretAccessKey: secret });
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <main>
      <Box padding={{ top: 'xxxl', horizontal: 'l' }}>
        <div style={{ maxWidth: 480, margin: '0 auto' }}>
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Form
              header={<Header variant="h1" description="Phone number inventory console">numberyard</Header>}
              errorText={error ?? (state.status === 'signed-out' ? state.reason : undefined)}
              errorIconAriaLabel="Error"
              actions={
                <Button variant="primary" formAction="submit" loading={busy}>
                  Sign in
                </Button>
              }
            >
              <Container header={<Header variant="h2">Sign in</Header>}>
                <SpaceBetween size="l">
                  <FormField label="Access key ID" errorText={idError} description="An access key of your organization, such as NYAK…">
                    <Input value={accessKeyId} onChange={({ detail }) => setAccessKeyId(detail.value)} autoComplete="username" autoFocus invalid={!!idError} />
                  </FormField>
                  <FormField label="Secret access key" errorText={secretError}>
                    <Input value={secret} type="password" onChange={({ detail }) => setSecret(detail.value)} autoComplete="current-password" invalid={!!secretError} />
                  </FormField>
                </SpaceBetween>
              </Container>
            </Form>
          </form>
        </div>
      </Box>
    </main>
  );
}
