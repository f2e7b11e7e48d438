import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { messageOf } from '../api/api-error';
import { useSession } from '../session/session-context';

/** Only a path of this console: `next` comes from the URL and must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/signin') ? next : '/inventory';
}

type Method = 'access-key' | 'password';

export function SignInPage() {
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const [method, setMethod] = useState<Method>('access-key');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    document.title = 'Sign in | numberyard console';
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const idError = submitted && accessKeyId.trim() === '' ? 'Enter the access key ID.' : undefined;
  const secretError = submitted && secret === '' ? 'Enter the secret access key.' : undefined;
  const usernameError = submitted && username.trim() === '' ? 'Enter your username.' : undefined;
  const passwordError = submitted && password === '' ? 'Enter your password.' : undefined;

  const chooseMethod = (next: Method) => {
    setMethod(next);
    setSubmitted(false);
    setError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setError(undefined);
    const complete = method === 'access-key' ? accessKeyId.trim() !== '' && secret !== '' : username.trim() !== '' && password !== '';
    if (!complete) return;
    setBusy(true);
    try {
      await signIn(method === 'access-key' ? { AccessKeyId: accessKeyId.trim(), SecretAccessKey: secret } : { Username: username.trim(), Password: password });
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
                  <SegmentedControl
                    label="Sign in with"
                    selectedId={method}
                    onChange={({ detail }) => chooseMethod(detail.selectedId as Method)}
                    options={[
                      { id: 'access-key', text: 'Access key' },
                      { id: 'password', text: 'Username and password' },
                    ]}
                  />
                  {method === 'access-key' ? (
                    <>
                      <FormField label="Access key ID" errorText={idError} description="An access key of your organization, such as NYAK…">
                        <Input value={accessKeyId} onChange={({ detail }) => setAccessKeyId(detail.value)} autoComplete="username" autoFocus invalid={!!idError} />
                      </FormField>
                      <FormField label="Secret access key" errorText={secretError}>
                        <Input value={secret} type="password" onChange={({ detail }) => setSecret(detail.value)} autoComplete="current-password" invalid={!!secretError} />
                      </FormField>
                    </>
                  ) : (
                    <>
                      <FormField label="Username" errorText={usernameError} description="A console user created with `numberyard admin create --username`">
                        <Input value={username} onChange={({ detail }) => setUsername(detail.value)} autoComplete="username" autoFocus invalid={!!usernameError} />
                      </FormField>
                      <FormField label="Password" errorText={passwordError}>
                        <Input value={password} type="password" onChange={({ detail }) => setPassword(detail.value)} autoComplete="current-password" invalid={!!passwordError} />
                      </FormField>
                    </>
                  )}
                </SpaceBetween>
              </Container>
            </Form>
          </form>
        </div>
      </Box>
    </main>
  );
}
