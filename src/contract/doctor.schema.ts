// `GET /admin/doctor` and `numberyard doctor --json`: the report of numberyard's invariant checks.
import { Type, type Static } from 'typebox';

export const DoctorQuery = Type.Object({
  /** An order still Processing after this many minutes counts as stuck. */
  'stuck-order-minutes': Type.Optional(Type.Integer({ minimum: 1, maximum: 525_600 })),
  /** How many numbers (or orders, or problems) each breached check lists. */
  'max-examples': Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type DoctorQuery = Static<typeof DoctorQuery>;

export const DoctorCheck = Type.Object({
  Check: Type.String(),
  Description: Type.String(),
  /** How many numbers (orders, targets, problems) break the rule; 0 when it holds. */
  Breaches: Type.Integer(),
  /** The first of them (E.164 numbers, order ids, or SQLite's messages), at most max-examples. */
  Examples: Type.Array(Type.String()),
});
export type DoctorCheck = Static<typeof DoctorCheck>;

export const DoctorReport = Type.Object({
  Healthy: Type.Boolean(),
  Dialect: Type.String(),
  PhoneNumbers: Type.Integer(),
  CheckedAt: Type.String(),
  DurationMs: Type.Number(),
  Checks: Type.Array(DoctorCheck),
});
export type DoctorReport = Static<typeof DoctorReport>;
