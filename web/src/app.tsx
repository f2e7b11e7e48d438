import Box from '@cloudscape-design/components/box';
import { I18nProvider } from '@cloudscape-design/components/i18n';
import messages from '@cloudscape-design/components/i18n/messages/all.en';
import Spinner from '@cloudscape-design/components/spinner';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { CONSOLE_BASE } from './layout/use-console-links';
import { NotificationsProvider } from './notifications/notifications';
import { FEATURES } from './features';
import { DeletedNumbersPage } from './pages/deleted-numbers-page';
import { AssignUserPage } from './pages/inventory/assign-user-page';
import { InventoryPage } from './pages/inventory/inventory-page';
import { NotFoundPage } from './pages/not-found-page';
import { OrdersPage } from './pages/orders/orders-page';
import { PhoneNumberDetailsPage } from './pages/phone-number-details-page';
import { SignInPage } from './pages/sign-in-page';
import { CreateSipRulePage } from './pages/sip/create-sip-rule-page';
import { SipMediaApplicationsPage } from './pages/sip/sip-media-applications-page';
import { SipRulesPage } from './pages/sip/sip-rules-page';
import { AccountPage } from './pages/users/account-page';
import { AccountsPage } from './pages/users/accounts-page';
import { VoiceConnectorGroupsPage } from './pages/voice/voice-connector-groups-page';
import { VoiceConnectorsPage } from './pages/voice/voice-connectors-page';
import { SessionProvider, useSession } from './session/session-context';

/** Pages behind sign-in: without a session, go to the sign-in page and come back here afterwards. */
function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <Box textAlign="center" padding="xxxl">
        <Spinner size="large" /> Loading
      </Box>
    );
  }
  if (state.status === 'signed-out') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function App() {
  return (
    <I18nProvider locale="en" messages={[messages]}>
    <BrowserRouter basename={CONSOLE_BASE}>
      <SessionProvider>
        <NotificationsProvider>
          <Routes>
            <Route path="/signin" element={<SignInPage />} />
            <Route path="/" element={<Navigate to="/inventory" replace />} />
            <Route path="/inventory" element={<RequireSession><InventoryPage /></RequireSession>} />
            <Route path="/inventory/assign-user" element={<RequireSession><AssignUserPage /></RequireSession>} />
            <Route path="/inventory/:phoneNumberId" element={<RequireSession><PhoneNumberDetailsPage /></RequireSession>} />
            <Route path="/deleted-numbers" element={<RequireSession><DeletedNumbersPage /></RequireSession>} />
            {FEATURES.voiceConnectors && <Route path="/voice-connectors" element={<RequireSession><VoiceConnectorsPage /></RequireSession>} />}
            {FEATURES.voiceConnectorGroups && <Route path="/voice-connector-groups" element={<RequireSession><VoiceConnectorGroupsPage /></RequireSession>} />}
            {FEATURES.sipMediaApplications && <Route path="/sip-media-applications" element={<RequireSession><SipMediaApplicationsPage /></RequireSession>} />}
            {FEATURES.sipRules && <Route path="/sip-rules" element={<RequireSession><SipRulesPage /></RequireSession>} />}
            {FEATURES.sipRules && <Route path="/sip-rules/create" element={<RequireSession><CreateSipRulePage /></RequireSession>} />}
            {FEATURES.orders && <Route path="/orders" element={<RequireSession><OrdersPage /></RequireSession>} />}
            {FEATURES.accounts && <Route path="/accounts" element={<RequireSession><AccountsPage /></RequireSession>} />}
            {FEATURES.accounts && <Route path="/accounts/:accountId" element={<RequireSession><AccountPage /></RequireSession>} />}
            <Route path="*" element={<RequireSession><NotFoundPage /></RequireSession>} />
          </Routes>
        </NotificationsProvider>
      </SessionProvider>
    </BrowserRouter>
    </I18nProvider>
  );
}
