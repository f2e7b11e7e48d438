const NOTICES = {
  number: (name: string) => `${name} must sign out and sign in again before the new number works. A notification with the new number was queued for ${name}.`,
  permissions: (name: string) =>
    `${name} must sign out and sign in again before the new calling and SMS permissions apply. A notification with the new permissions was queued for ${name}.`,
  unassigned: (name: string) => `${name} must sign out and sign in again. A notification about the change was queued for ${name}.`,
};

/**
 * A user's new number or permissions take effect only after they sign in again; the console says so
 * each time, and that numberyard queued a notification telling the user.
 */
export function signInAgainNotice(name: string, what: keyof typeof NOTICES): string {
  return NOTICES[what](name);
}

const names = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "Jane Doe", "Jane Doe and John Roe", "Ann, Bob, and Cy": whom the administrator should tell. */
export function listOfNames(userNames: readonly string[]): string {
  return names.format(userNames);
}
