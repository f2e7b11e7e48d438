import { useRef, useState } from 'react';
import { messageOf } from '../api/api-error';
import { useNotifications, type Notice } from '../notifications/notifications';
import type { DialogProps } from './action-modal';
import { RefusedError, type Refusal } from './dialog-refusal';

/**
 * Which of a page's dialogs is open, and the one way they call the API. While the call runs the
 * primary button spins. When it succeeds, its notices go to the page's Flashbar, the dialog closes and
 * `reload` reads the list again. When the API refuses, the dialog stays open with what the user
 * entered and says why (the Flashbar would be hidden behind it), and the primary button tries again;
 * once the dialog closes the list is read again, so a row deleted meanwhile disappears.
 */
export function useDialogs<D extends string>(reload: () => void) {
  const { notify } = useNotifications();
  const [open, setOpen] = useState<D>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  // A ref, not state: a refusal cleared by a retry still in flight must still reload the list on close.
  const refused = useRef(false);

  const show = (dialog: D) => {
    refused.current = false;
    setRefusal(undefined);
    setOpen(dialog);
  };
  const close = () => {
    setOpen(undefined);
    setRefusal(undefined);
    if (refused.current) reload();
    refused.current = false;
  };
  /** Calls the API with `action`, which returns the notices of its success; `refusedHeader` says what was not done if it throws. */
  const run = async (refusedHeader: string, action: () => Promise<Notice | Notice[]>) => {
    setBusy(true);
    setRefusal(undefined);
    try {
      for (const notice of [await action()].flat()) notify(notice);
      setOpen(undefined);
      refused.current = false;
      reload();
    } catch (error) {
      refused.current = true;
      setRefusal(error instanceof RefusedError ? error.refusal : { header: refusedHeader, content: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  /** What the dialog `dialog` takes: spread it onto an ActionModal, FormModal or a page's own dialog. */
  const props = (dialog: D): DialogProps => ({ visible: open === dialog, busy, refusal: open === dialog ? refusal : undefined, onDismiss: close });
  return { open, show, close, run, props };
}
