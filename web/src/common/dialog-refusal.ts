import type { ReactNode } from 'react';

/** Why the API did nothing, as a dialog shows it: what was not done, then the API's own words. */
export interface Refusal {
  header: string;
  content: ReactNode;
}

/**
 * Thrown by a dialog's action when the API answered without an error yet did nothing, such as a
 * batch call that refused every phone number: the dialog stays open and lists why, like any refusal.
 */
export class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.header);
    this.name = 'RefusedError';
  }
}
