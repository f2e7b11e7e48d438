// `numberyard doctor` and GET /admin/doctor: checks the invariants the rest of numberyard relies on
// and reports every breach with the numbers concerned. Read-only; safe to run while the server works.
import type { DoctorCheck, DoctorReport } from '../contract/doctor.schema';
import { NumberyardError } from '../domain/numberyard-error';
import { doctorRepository, NUMBER_RULE_NAMES, type NumberRule } from '../storage/repositories/doctor.repository';
import type { Caller, ServiceContext } from './service-context';

export interface DoctorOptions {
  /** An order still Processing after this long is stuck (the completion job runs every few seconds). */
  stuckOrderAfterMs?: number;
  maxExamples?: number;
  /** On SQLite, PRAGMA integrity_check (also matches every index to its table) instead of quick_check. */
  fullIntegrityCheck?: boolean;
}

export const DEFAULT_STUCK_ORDER_MS = 60 * 60 * 1000;
export const DEFAULT_MAX_EXAMPLES = 20;

const DESCRIPTIONS: Record<NumberRule | 'target-holds-several-numbers' | 'number-in-pool-and-inventory' | 'number-without-audit-event' | 'stuck-order' | 'sqlite-integrity' | 'sqlite-foreign-keys', string> = {
  'multiple-associations': 'A number is associated with at most one target (user, Voice Connector, group or SIP rule)',
  'status-disagrees-with-association': "A number's Status is Assigned exactly when it has an association",
  'user-account-mismatch': 'A number has a user and an account together, and the user belongs to that account',
  'missing-target': "A number's user, account, Voice Connector, group or SIP rule exists in the number's organization",
  'product-type-does-not-fit-target':
    "A Voice Connector's or group's numbers are VoiceConnector, a user's BusinessCalling, a SIP rule's SipMediaApplicationDialIn",
  'sip-rule-trigger-mismatch': "A SIP rule's number is its ToPhoneNumber trigger value",
  'target-holds-several-numbers': 'A user or a SIP rule holds at most one number',
  'number-in-pool-and-inventory': 'A number is in the available pool or in an inventory, never both',
  'number-without-audit-event': 'Every number has at least one audit event (its import, order or a later change)',
  'stuck-order': 'No order stays Processing longer than the threshold (the completion job takes them)',
  'sqlite-integrity': "SQLite's PRAGMA quick_check (integrity_check with --full) finds the file sound",
  'sqlite-foreign-keys': "SQLite's PRAGMA foreign_key_check finds no reference to a missing row",
};

function check(name: keyof typeof DESCRIPTIONS, breaches: number, examples: string[]): DoctorCheck {
  return { Check: name, Description: DESCRIPTIONS[name], Breaches: breaches, Examples: examples };
}

export function createDoctorService(ctx: ServiceContext) {
  const { db, dialect } = ctx.database;

  /** Runs every check on the whole database (all organizations). For the operator on the server's host. */
  async function examine(options: DoctorOptions = {}): Promise<DoctorReport> {
    const started = performance.now();
    const checkedAt = ctx.clock.now();
    const limit = options.maxExamples ?? DEFAULT_MAX_EXAMPLES;
    const stuckBefore = new Date(checkedAt.getTime() - (options.stuckOrderAfterMs ?? DEFAULT_STUCK_ORDER_MS)).toISOString();

    // Counts first, in one pass; the numbers concerned are read only for the rules that broke.
    const { total, breaches } = await doctorRepository.countNumberRuleBreaches(db);
    const checks: DoctorCheck[] = [];
    for (const rule of NUMBER_RULE_NAMES) {
      const count = breaches[rule];
      checks.push(check(rule, count, count > 0 ? await doctorRepository.numbersBreaking(db, rule, limit) : []));
    }
    const shared = await doctorRepository.targetsHeldTwice(db, limit);
    checks.push(check('target-holds-several-numbers', shared.count, shared.e164s));
    const offeredAndHeld = await doctorRepository.numbersInPoolAndInventory(db, limit);
    checks.push(check('number-in-pool-and-inventory', offeredAndHeld.count, offeredAndHeld.e164s));
    const unaudited = await doctorRepository.countWithoutAuditEvent(db);
    checks.push(check('number-without-audit-event', unaudited, unaudited > 0 ? await doctorRepository.numbersWithoutAuditEvent(db, limit) : []));
    const stuck = await doctorRepository.stuckOrders(db, stuckBefore, limit);
    checks.push(check('stuck-order', stuck.count, stuck.orderIds));
    if (dialect === 'sqlite') {
      const integrity = await doctorRepository.sqliteIntegrityProblems(db, options.fullIntegrityCheck ?? false);
      checks.push(check('sqlite-integrity', integrity.length, integrity.slice(0, limit)));
      const foreignKeys = await doctorRepository.sqliteForeignKeyProblems(db);
      checks.push(check('sqlite-foreign-keys', foreignKeys.length, foreignKeys.slice(0, limit)));
    }
    return {
      Healthy: checks.every((c) => c.Breaches === 0),
      Dialect: dialect,
      PhoneNumbers: total,
      CheckedAt: checkedAt.toISOString(),
      DurationMs: Math.round(performance.now() - started),
      Checks: checks,
    };
  }

  return {
    examine,

    /** The same, for an API caller: the report spans every organization, so only administrator keys may ask. */
    async examineAs(caller: Caller, options: DoctorOptions = {}): Promise<DoctorReport> {
      if (!caller.isAdmin) throw new NumberyardError('AccessDenied', 'Only an administrator access key can run the doctor');
      return examine(options);
    },
  };
}

export type DoctorService = ReturnType<typeof createDoctorService>;
