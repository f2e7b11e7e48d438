import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Notice {
  /** Notices with the same id replace each other (in progress -> done / failed). */
  id: string;
  type: FlashbarProps.Type;
  header?: ReactNode;
  content?: ReactNode;
  loading?: boolean;
  /** Ids of the notices this one makes stale, such as the failure of an attempt that has now succeeded: they go when it comes. */
  dismisses?: readonly string[];
}

interface NotificationsState {
  notices: Notice[];
  notify(notice: Notice): void;
  dismiss(id: string): void;
}

const NotificationsContext = createContext<NotificationsState | undefined>(undefined);

function useNotificationsState(): NotificationsState {
  const context = useContext(NotificationsContext);
  if (!context) throw new Error('useNotifications is used outside NotificationsProvider');
  return context;
}

export function useNotifications(): Pick<NotificationsState, 'notify' | 'dismiss'> {
  const { notify, dismiss } = useNotificationsState();
  return { notify, dismiss };
}

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: string) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (notice: Notice) => setNotices((all) => [notice, ...all.filter((n) => n.id !== notice.id && !notice.dismisses?.includes(n.id))]),
    [],
  );
  const value = useMemo(() => ({ notices, notify, dismiss }), [notices, notify, dismiss]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

/** The Flashbar of the page: success and error messages of what the user just did. */
export function Notifications() {
  const { notices, dismiss } = useNotificationsState();
  const items: FlashbarProps.MessageDefinition[] = notices.map((notice) => ({
    id: notice.id,
    type: notice.type,
    header: notice.header,
    content: notice.content,
    loading: notice.loading ?? false,
    dismissible: !notice.loading,
    dismissLabel: 'Dismiss message',
    onDismiss: () => dismiss(notice.id),
  }));
  // Many messages stack into one expandable bar rather than pushing the page down.
  return <Flashbar items={items} stackItems={items.length > 3} />;
}
