// Wires every service by hand: no container, no decorators. The HTTP app, the CLI and the jobs get
// this one object.
import { createConsoleSessionService } from './console-session.service';
import { createConsoleUserService } from './console-user.service';
import { createLoginThrottle } from './login-throttle';
import { createAccountService } from './account.service';
import { createAvailableNumberSearchService } from './available-number-search.service';
import { createDoctorService } from './doctor.service';
import { createInventoryImportService } from './inventory-import.service';
import { createOrganizationService } from './organization.service';
import { createPhoneNumberOrderService } from './phone-number-order.service';
import { createPhoneNumberSettingsService } from './phone-number-settings.service';
import { createPhoneNumberService } from './phone-number.service';
import { createPhoneNumberHistoryService } from './phone-number-history.service';
import { createRoutingService } from './routing.service';
import type { ServiceContext } from './service-context';
import { createUserPhoneNumberService } from './user-phone-number.service';
import { createUserService } from './user.service';
import { createSipMediaApplicationService } from './sip-media-application.service';
import { createSipRuleService } from './sip-rule.service';
import { createVoiceConnectorAssociationService } from './voice-connector-association.service';
import { createVoiceConnectorGroupService } from './voice-connector-group.service';
import { createVoiceConnectorService } from './voice-connector.service';

export function createServices(ctx: ServiceContext) {
  const organizations = createOrganizationService(ctx);
  const consoleUsers = createConsoleUserService(ctx);
  return {
    context: ctx,
    organizations,
    consoleUsers,
    consoleSessions: createConsoleSessionService(ctx, organizations, consoleUsers, createLoginThrottle(ctx)),
    phoneNumbers: createPhoneNumberService(ctx),
    inventoryImport: createInventoryImportService(ctx),
    sipMediaApplications: createSipMediaApplicationService(ctx),
    sipRules: createSipRuleService(ctx),
    voiceConnectors: createVoiceConnectorService(ctx),
    voiceConnectorGroups: createVoiceConnectorGroupService(ctx),
    voiceConnectorAssociations: createVoiceConnectorAssociationService(ctx),
    phoneNumberHistory: createPhoneNumberHistoryService(ctx),
    routing: createRoutingService(ctx),
    availableNumbers: createAvailableNumberSearchService(ctx),
    orders: createPhoneNumberOrderService(ctx),
    phoneNumberSettings: createPhoneNumberSettingsService(ctx),
    accounts: createAccountService(ctx),
    users: createUserService(ctx),
    userPhoneNumbers: createUserPhoneNumberService(ctx),
    doctor: createDoctorService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
