// Wires every service by hand: no container, no decorators. The HTTP app, the CLI and the jobs get
// this one object.
import { createConsoleSessionService } from './console-session.service';
import { createInventoryImportService } from './inventory-import.service';
import { createOrganizationService } from './organization.service';
import { createPhoneNumberService } from './phone-number.service';
import type { ServiceContext } from './service-context';

export function createServices(ctx: ServiceContext) {
  const organizations = createOrganizationService(ctx);
  return {
    context: ctx,
    organizations,
    consoleSessions: createConsoleSessionService(ctx, organizations),
    phoneNumbers: createPhoneNumberService(ctx),
    inventoryImport: createInventoryImportService(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
