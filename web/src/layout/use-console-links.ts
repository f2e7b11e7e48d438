import { useCallback } from 'react';
import { useHref, useNavigate } from 'react-router';

export const CONSOLE_BASE = '/console';

interface FollowEvent {
  preventDefault(): void;
  detail: { href?: string | undefined; external?: boolean | undefined };
}

/** Cloudscape links carry real hrefs (open in a new tab works); a plain click navigates inside the app. */
export function useConsoleLinks() {
  const navigate = useNavigate();
  const base = useHref('/');
  const href = useCallback((path: string) => `${base.replace(/\/$/, '')}${path}`, [base]);
  const follow = useCallback(
    (event: FollowEvent) => {
      const target = event.detail.href;
      if (!target || event.detail.external) return;
      event.preventDefault();
      navigate(target.startsWith(CONSOLE_BASE) ? target.slice(CONSOLE_BASE.length) || '/' : target);
    },
    [navigate],
  );
  return { href, follow };
}
