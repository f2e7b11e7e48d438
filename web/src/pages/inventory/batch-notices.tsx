import type { PhoneNumberError } from '../../api/phone-numbers';
import { RefusedError, type Refusal } from '../../common/dialog-refusal';
import type { Notice } from '../../notifications/notifications';

/** A phone number the API refused in a call over many, and its reason. */
export interface NumberRefusal {
  id: string;
  message: string;
}

/** A batch answer's PhoneNumberErrors split into the numbers it changed and the ones it refused. */
export function answerOf(ids: readonly string[], errors: readonly PhoneNumberError[]): { done: string[]; failed: NumberRefusal[] } {
  const refused = new Set(errors.map((e) => e.PhoneNumberId));
  return { done: ids.filter((id) => !refused.has(id)), failed: errors.map((e) => ({ id: e.PhoneNumberId, message: e.ErrorMessage })) };
}

/** The number itself when there is one, else how many: "+12065550100", "3 phone numbers". */
export function numbersText(ids: readonly string[]): string {
  return ids.length === 1 ? ids[0]! : `${ids.length} phone numbers`;
}

/** "+12065550100 was not assigned", "3 phone numbers were not assigned". */
export function notDone(ids: readonly string[], verb: string): string {
  return `${numbersText(ids)} ${ids.length === 1 ? 'was' : 'were'} not ${verb}`;
}

/** Each refused number with the API's reason. */
export function RefusalList({ failed }: { failed: readonly NumberRefusal[] }) {
  return (
    <ul>
      {failed.map((f) => (
        <li key={f.id}>
          {f.id}: {f.message}
        </li>
      ))}
    </ul>
  );
}

function refusalOf(failed: readonly NumberRefusal[], verb: string): Refusal {
  // One number is already named by the header: its reason alone says the rest.
  return { header: notDone(failed.map((f) => f.id), verb), content: failed.length === 1 ? failed[0]!.message : <RefusalList failed={failed} /> };
}

/**
 * The notices of a call over many numbers that answers per number: one success for the numbers it
 * changed, and the refused ones listed with their reasons. When it changed none it throws instead, so
 * the dialog stays open listing why; when it changed some, the dialog closes, as after any change.
 */
export function batchNotices(
  key: string,
  verb: string,
  done: readonly string[],
  failed: readonly NumberRefusal[],
  success: (what: string, count: number) => Pick<Notice, 'header' | 'content'>,
): Notice[] {
  if (done.length === 0 && failed.length > 0) throw new RefusedError(refusalOf(failed, verb));
  // The success takes an earlier call's list of refused numbers off the page; this call's refusals follow it.
  const notices: Notice[] = [{ id: key, type: 'success', dismisses: [`${key}-failed`], ...success(numbersText(done), done.length) }];
  if (failed.length > 0) notices.push({ id: `${key}-failed`, type: 'error', ...refusalOf(failed, verb) });
  return notices;
}
