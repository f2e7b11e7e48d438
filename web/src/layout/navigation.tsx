import SideNavigation, { type SideNavigationProps } from '@cloudscape-design/components/side-navigation';
import { useLocation } from 'react-router';
import { FEATURES } from '../features';
import { useConsoleLinks } from './use-console-links';

interface NavLink {
  text: string;
  path: string;
  shown: boolean;
}

// The Amazon Chime console's navigation: Calling > Phone number management > Inventory, and the
// pages of each target a number can be assigned to. Only pages whose API exists are listed.
const PHONE_NUMBER_MANAGEMENT: NavLink[] = [
  { text: 'Inventory', path: '/inventory', shown: FEATURES.phoneNumbers },
  { text: 'Orders', path: '/orders', shown: FEATURES.orders },
  { text: 'Deleted numbers', path: '/deleted-numbers', shown: FEATURES.phoneNumbers },
];
const CALLING: NavLink[] = [
  { text: 'Voice connectors', path: '/voice-connectors', shown: FEATURES.voiceConnectors },
  { text: 'Voice connector groups', path: '/voice-connector-groups', shown: FEATURES.voiceConnectorGroups },
  { text: 'SIP media applications', path: '/sip-media-applications', shown: FEATURES.sipMediaApplications },
  { text: 'SIP rules', path: '/sip-rules', shown: FEATURES.sipRules },
];
const USERS: NavLink[] = [{ text: 'Accounts', path: '/accounts', shown: FEATURES.accounts }];

/** The section a path belongs to, so that a details page keeps its list page highlighted. */
function activePath(pathname: string): string {
  const all = [...PHONE_NUMBER_MANAGEMENT, ...CALLING, ...USERS];
  return all.find((link) => pathname === link.path || pathname.startsWith(`${link.path}/`))?.path ?? pathname;
}

export function Navigation() {
  const { href, follow } = useConsoleLinks();
  const { pathname } = useLocation();
  const links = (list: NavLink[]): SideNavigationProps.Link[] =>
    list.filter((link) => link.shown).map((link) => ({ type: 'link', text: link.text, href: href(link.path) }));

  const calling: SideNavigationProps.Item[] = [
    // A heading rather than a link: as a link it would go where Inventory goes, and both would show as the current page.
    { type: 'section', text: 'Phone number management', defaultExpanded: true, items: links(PHONE_NUMBER_MANAGEMENT) },
    ...links(CALLING),
  ];
  const items: SideNavigationProps.Item[] = [{ type: 'section', text: 'Calling', defaultExpanded: true, items: calling }];
  const users = links(USERS);
  if (users.length > 0) items.push({ type: 'section', text: 'Users', defaultExpanded: true, items: users });

  return (
    <SideNavigation
      header={{ text: 'numberyard', href: href('/inventory') }}
      activeHref={href(activePath(pathname))}
      items={items}
      onFollow={follow}
    />
  );
}
