import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { useNavigate } from 'react-router';
import { ConsoleLayout } from '../layout/console-layout';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <ConsoleLayout breadcrumbs={[]}>
      <Container header={<Header variant="h1">Page not found</Header>}>
        <Box margin={{ bottom: 'm' }}>This page does not exist in this console.</Box>
        <Button onClick={() => navigate('/inventory')}>Go to Inventory</Button>
      </Container>
    </ConsoleLayout>
  );
}
