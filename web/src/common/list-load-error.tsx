import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';

/**
 * What a table shows instead of its rows when they could not be read: the API's reason and a way to
 * try again. An empty table would say "No …", which is not true; old rows would look current.
 */
export function ListLoadError({ error, onRetry }: { error: string; onRetry(): void }) {
  return (
    <Box textAlign="center">
      <div role="alert">
        <SpaceBetween size="xs">
          <StatusIndicator type="error">The list could not be loaded: {error}</StatusIndicator>
          <Button onClick={onRetry}>Retry</Button>
        </SpaceBetween>
      </div>
    </Box>
  );
}
