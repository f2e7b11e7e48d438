import { listAccounts } from '../../api/accounts';
import { listAll } from '../../api/list-all';
import { listSipRules } from '../../api/sip';
import { listVoiceConnectorGroups, listVoiceConnectors } from '../../api/voice-connectors';
import { useAsync } from '../../common/use-async';
import { FEATURES } from '../../features';
import type { NamedHolder } from './inventory-filter';

const NO_HOLDERS: readonly NamedHolder[] = [];

/** Every holder of one kind (when this build has its pages); a list that cannot be read gives none. */
function holdersOf<P extends { NextToken?: string | undefined }>(enabled: boolean, listPage: (nextToken?: string) => Promise<P>, read: (page: P) => NamedHolder[]) {
  if (!enabled) return Promise.resolve([]);
  return listAll(async (token) => {
    const page = await listPage(token);
    return { items: read(page), nextToken: page.NextToken };
  }).catch(() => []);
}

/**
 * The voice connectors, groups, SIP rules and accounts of the organization, by name, for the
 * Inventory filter to offer. Users are many and live inside accounts: they are filtered from the
 * account's page. Without these lists the filter still takes ids.
 */
export function useNamedHolders(): readonly NamedHolder[] {
  const { value } = useAsync(async () => {
    const lists = await Promise.all([
      holdersOf(FEATURES.voiceConnectors, listVoiceConnectors, (page) =>
        page.VoiceConnectors.map((c) => ({ association: 'VoiceConnectorId' as const, id: c.VoiceConnectorId, name: c.Name })),
      ),
      holdersOf(FEATURES.voiceConnectorGroups, listVoiceConnectorGroups, (page) =>
        page.VoiceConnectorGroups.map((g) => ({ association: 'VoiceConnectorGroupId' as const, id: g.VoiceConnectorGroupId, name: g.Name })),
      ),
      holdersOf(FEATURES.sipRules, listSipRules, (page) => page.SipRules.map((r) => ({ association: 'SipRuleId' as const, id: r.SipRuleId, name: r.Name }))),
      holdersOf(FEATURES.accounts, listAccounts, (page) => page.Accounts.map((a) => ({ association: 'AccountId' as const, id: a.AccountId, name: a.Name }))),
    ]);
    return lists.flat();
  }, []);
  return value ?? NO_HOLDERS;
}
