import { listAll } from '../../api/list-all';
import { listVoiceConnectors } from '../../api/voice-connectors';
import { useAsync } from '../../common/use-async';

/** Every voice connector of the organization: the voice connectors page, and the members a group can have. */
export function useVoiceConnectors() {
  return useAsync(
    () =>
      listAll(async (token) => {
        const page = await listVoiceConnectors(token);
        return { items: page.VoiceConnectors, nextToken: page.NextToken };
      }),
    [],
  );
}
