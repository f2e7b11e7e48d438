import { listAll } from '../../api/list-all';
import { listSipMediaApplications } from '../../api/sip';
import { useAsync } from '../../common/use-async';

/** Every SIP media application of the organization: the SIP media applications page, and the choices of a SIP rule's targets. */
export function useSipMediaApplications() {
  return useAsync(
    () =>
      listAll(async (token) => {
        const page = await listSipMediaApplications(token);
        return { items: page.SipMediaApplications, nextToken: page.NextToken };
      }),
    [],
  );
}
