import { messageOf } from '../../api/api-error';
import { disassociateNumberFromUser } from '../../api/accounts';
import type { PhoneNumber } from '../../api/phone-numbers';
import { disassociateNumbers, type VoiceTargetKind } from '../../api/voice-connectors';
import type { NumberRefusal } from './batch-notices';

export interface Outcome {
  done: string[];
  failed: NumberRefusal[];
  /** The UserId associations of the numbers taken from users: those users must sign in again. */
  users: PhoneNumber['Associations'];
}

function holderOf(number: PhoneNumber) {
  const find = (name: string) => number.Associations.find((a) => a.Name === name)?.Value;
  return { accountId: find('AccountId'), userId: find('UserId'), connectorId: find('VoiceConnectorId'), groupId: find('VoiceConnectorGroupId') };
}

/**
 * Unassigns each number from what holds it, with the operation for that kind of holder: numbers of
 * one connector or group go in one Disassociate call; a user's number with DisassociatePhoneNumberFromUser.
 */
export async function unassignNumbers(numbers: PhoneNumber[]): Promise<Outcome> {
  const outcome: Outcome = { done: [], failed: [], users: [] };
  const byVoiceTarget = new Map<string, { kind: VoiceTargetKind; id: string; numbers: string[] }>();
  for (const number of numbers) {
    const holder = holderOf(number);
    if (holder.userId && holder.accountId) {
      try {
        await disassociateNumberFromUser(holder.accountId, holder.userId, number.E164PhoneNumber);
        outcome.done.push(number.E164PhoneNumber);
        outcome.users.push(number.Associations.find((a) => a.Name === 'UserId')!);
      } catch (error) {
        outcome.failed.push({ id: number.E164PhoneNumber, message: messageOf(error) });
      }
    } else if (holder.connectorId || holder.groupId) {
      const kind: VoiceTargetKind = holder.connectorId ? 'voice-connectors' : 'voice-connector-groups';
      const id = (holder.connectorId ?? holder.groupId)!;
      const entry = byVoiceTarget.get(`${kind}/${id}`) ?? { kind, id, numbers: [] };
      entry.numbers.push(number.E164PhoneNumber);
      byVoiceTarget.set(`${kind}/${id}`, entry);
    } else {
      outcome.failed.push({ id: number.E164PhoneNumber, message: 'SIP Media Application Dial-In numbers are unassigned by deleting their SIP rule (SIP rules page).' });
    }
  }
  for (const { kind, id, numbers: e164s } of byVoiceTarget.values()) {
    try {
      const errors = await disassociateNumbers(kind, id, e164s);
      const failedIds = new Set(errors.map((e) => e.PhoneNumberId));
      outcome.done.push(...e164s.filter((n) => !failedIds.has(n)));
      outcome.failed.push(...errors.map((e) => ({ id: e.PhoneNumberId, message: e.ErrorMessage })));
    } catch (error) {
      outcome.failed.push(...e164s.map((n) => ({ id: n, message: messageOf(error) })));
    }
  }
  return outcome;
}
