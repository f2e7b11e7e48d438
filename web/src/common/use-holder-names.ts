// What holds a number, by name. The API gives each association as an id; an administrator knows
// "Jane Doe", "Seattle trunk" and the SIP media application a rule sends calls to, so the console
// looks the names up with the same Get calls any client could make.
import { useCallback, useEffect, useState } from 'react';
import { getAccount, getUser } from '../api/accounts';
import type { PhoneNumber } from '../api/phone-numbers';
import { getSipMediaApplication, getSipRule } from '../api/sip';
import { getVoiceConnector, getVoiceConnectorGroup } from '../api/voice-connectors';

export type Association = PhoneNumber['Associations'][number];

export interface HolderName {
  name: string;
  /** What else identifies the holder: a user's email, the SIP media applications of a rule (read only when asked for). */
  detail?: string;
}

/** A holder's name, once it has been read. */
export type HolderNameOf = (association: Association) => HolderName | undefined;

async function sipRuleHolder(ruleId: string, withDetails: boolean): Promise<HolderName> {
  const rule = await getSipRule(ruleId);
  // Naming the rule's applications costs a Get each: only View details shows them.
  if (!withDetails) return { name: rule.Name };
  const targets = [...rule.TargetApplications].sort((a, b) => a.Priority - b.Priority);
  const applications = await Promise.all(
    targets.map((target) => getSipMediaApplication(target.SipMediaApplicationId).then((application) => application.Name, () => target.SipMediaApplicationId)),
  );
  return { name: rule.Name, detail: applications.length > 0 ? `SIP media applications: ${applications.join(', ')}` : undefined };
}

function fetchHolder(association: Association, number: PhoneNumber, withDetails: boolean): Promise<HolderName> {
  switch (association.Name) {
    case 'AccountId':
      return getAccount(association.Value).then((account) => ({ name: account.Name }));
    case 'UserId': {
      // A user is found within its account, which the same number names.
      const accountId = number.Associations.find((a) => a.Name === 'AccountId')?.Value;
      if (!accountId) return Promise.reject(new Error('a user association without its account'));
      return getUser(accountId, association.Value).then((user) => ({ name: user.DisplayName ?? user.PrimaryEmail, detail: user.PrimaryEmail }));
    }
    case 'VoiceConnectorId':
      return getVoiceConnector(association.Value).then((connector) => ({ name: connector.Name }));
    case 'VoiceConnectorGroupId':
      return getVoiceConnectorGroup(association.Value).then((group) => ({ name: group.Name }));
    case 'SipRuleId':
      return sipRuleHolder(association.Value, withDetails);
  }
}

const keyOf = (association: Association) => `${association.Name} ${association.Value}`;

/**
 * The names of what holds `numbers`, read again whenever `numbers` is (a new page, a refresh), each
 * holder once however many numbers it holds. Until its name arrives, or when it cannot be read (a
 * holder deleted meanwhile), a holder has none: show its id. `withDetails` also reads what a detail
 * needs beyond the holder itself (a SIP rule's applications).
 */
export function useHolderNames(numbers: readonly PhoneNumber[], options: { withDetails?: boolean } = {}): HolderNameOf {
  const withDetails = options.withDetails ?? false;
  const [names, setNames] = useState<ReadonlyMap<string, HolderName>>(new Map());
  useEffect(() => {
    let current = true;
    const lookups = new Map<string, Promise<HolderName>>();
    for (const number of numbers) {
      for (const association of number.Associations) {
        const key = keyOf(association);
        if (!lookups.has(key)) lookups.set(key, fetchHolder(association, number, withDetails));
      }
    }
    if (lookups.size === 0) return;
    // One update when all have answered: a page of fifty users is drawn once, not fifty times.
    void Promise.allSettled(lookups.values()).then((results) => {
      if (!current) return;
      const keys = [...lookups.keys()];
      setNames((old) => {
        const next = new Map(old);
        results.forEach((result, i) => {
          if (result.status === 'fulfilled') next.set(keys[i]!, result.value);
          else next.delete(keys[i]!);
        });
        return next;
      });
    });
    return () => {
      current = false;
    };
  }, [numbers, withDetails]);
  return useCallback((association: Association) => names.get(keyOf(association)), [names]);
}
