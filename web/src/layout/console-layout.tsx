import AppLayout, { type AppLayoutProps } from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useEffect, type ReactNode } from 'react';
import { Notifications } from '../notifications/notifications';
import { useSession } from '../session/session-context';
import { Navigation } from './navigation';
import { useConsoleLinks } from './use-console-links';

export interface Crumb {
  text: string;
  path: string;
}

interface ConsoleLayoutProps {
  breadcrumbs: Crumb[];
  contentType?: AppLayoutProps.ContentType;
  children: ReactNode;
}

/** Every signed-in page: top bar with the signed-in key, side navigation, breadcrumbs and the Flashbar. */
export function ConsoleLayout({ breadcrumbs, contentType = 'default', children }: ConsoleLayoutProps) {
  const { state, signOut } = useSession();
  const { href, follow } = useConsoleLinks();
  // Each page's own tab title (the last breadcrumb), so tabs, history and screen readers tell pages apart.
  const page = breadcrumbs.at(-1)?.text;
  useEffect(() => {
    document.title = page ? `${page} | numberyard console` : 'numberyard console';
  }, [page]);
  const session = state.status === 'signed-in' ? state.session : undefined;
  // A console user is shown by name; an access key by its id.
  const signedInAs = session ? (session.Username ?? session.AccessKeyId) : '';
  const role = session?.Username !== undefined ? 'user' : 'key';
  return (
    <>
      <div id="top-nav" className="top-nav">
        <TopNavigation
          identity={{ href: href('/inventory'), title: 'numberyard', onFollow: follow }}
          utilities={[
            {
              type: 'menu-dropdown',
              text: signedInAs,
              description: session?.IsAdmin ? `Administrator ${role}` : role === 'user' ? 'Console user' : 'Access key',
              iconName: 'user-profile',
              items: [{ id: 'sign-out', text: 'Sign out' }],
              onItemClick: ({ detail }) => {
                if (detail.id === 'sign-out') void signOut();
              },
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        navigation={<Navigation />}
        breadcrumbs={
          <BreadcrumbGroup
            items={[{ text: 'numberyard', href: href('/inventory') }, ...breadcrumbs.map((crumb) => ({ text: crumb.text, href: href(crumb.path) }))]}
            onFollow={follow}
            ariaLabel="Breadcrumbs"
          />
        }
        notifications={<Notifications />}
        stickyNotifications
        contentType={contentType}
        toolsHide
        content={children}
        ariaLabels={{ navigation: 'Side navigation', navigationClose: 'Close side navigation', navigationToggle: 'Open side navigation', notifications: 'Notifications' }}
      />
    </>
  );
}
