import { listAll } from '../../api/list-all';
import { listSipRules } from '../../api/sip';
import { useAsync } from '../../common/use-async';

/** Every SIP rule of the organization: the SIP rules page, and the numbers each SIP media application answers. */
export function useSipRules() {
  return useAsync(
    () =>
      listAll(async (token) => {
        const page = await listSipRules(token);
        return { items: page.SipRules, nextToken: page.NextToken };
      }),
    [],
  );
}
