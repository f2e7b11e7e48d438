import { NAME_MAX_LENGTH } from '../../../src/contract/limits';

/** Why `name` cannot name a `what` (connector, group, application, rule), checked before any call; undefined when it can. */
export function nameProblem(name: string, what: string): string | undefined {
  if (name.trim() === '') return `Enter a name for the ${what}.`;
  if (name.trim().length > NAME_MAX_LENGTH) return `Use at most ${NAME_MAX_LENGTH} characters.`;
  return undefined;
}
