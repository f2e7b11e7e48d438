import { listAccounts } from '../../api/accounts';
import { listAll } from '../../api/list-all';
import { listSipRules } from '../../api/sip';
import { listVoiceConnectorGroups, listVoiceConnectors } from '../../api/voice-connectors';
import { useAsync } from '../../common/use-async';
import { FEATURES } from '../../features';
import type { NamedHolder } from './inventory-filter';

/**
 * The voice connectors, groups, SIP rules and accounts of the organization, by name, for the
 * Inventory filter to offer (users are many and live inside accounts: they are filtered from the
 * account's page). A list that cannot be read is left out: the filter still takes ids.
 */
export function useNamedHolders(): readonly NamedHolder[] {
  const { value } = useAsync(async () => {
    const lists = await Promise.all([
      FEATURES.voiceConnectors
        ? listAll(async (token) => {
            const page = await listVoiceConnectors(token);
            return { items: page.VoiceConnectors.map((c): NamedHolder => ({ association: 'VoiceConnectorId', id: c.VoiceConnectorId, name: c.Name })), nextToken: page.NextToken };
          }).catch(() => [])
        : [],
      FEATURES.voiceConnectorGroups
        ? listAll(async (token) => {
            const page = await listVoiceConnectorGroups(token);
            return {
              items: page.VoiceConnectorGroups.map((g): NamedHolder => ({ association: 'VoiceConnectorGroupId', id: g.VoiceConnectorGroupId, name: g.Name })),
              nextToken: page.NextToken,
            };
          }).catch(() => [])
        : [],
      FEATURES.sipRules
        ? listAll(async (token) => {
            const page = await listSipRules(token);
            return { items: page.SipRules.map((r): NamedHolder => ({ association: 'SipRuleId', id: r.SipRuleId, name: r.Name })), nextToken: page.NextToken };
          }).catch(() => [])
        : [],
      FEATURES.accounts
        ? listAll(async (token) => {
            const page = await listAccounts(token);
            return { items: page.Accounts.map((a): NamedHolder => ({ association: 'AccountId', id: a.AccountId, name: a.Name })), nextToken: page.NextToken };
          }).catch(() => [])
        : [],
    ]);
    return lists.flat();
  }, []);
  return value ?? NO_HOLDERS;
}

const NO_HOLDERS: readonly NamedHolder[] = [];
