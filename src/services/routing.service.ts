import type { Route, RoutingLookupQuery, RoutingLookupResponse } from '../contract/extensions.schema';
import { e164Problem } from '../domain/e164';
import { badRequest, notFound } from '../domain/numberyard-error';
import { assignmentOf, phoneNumberRepository } from '../storage/repositories/phone-number.repository';
import { routingRepository } from '../storage/repositories/routing.repository';
import type { Caller, ServiceContext } from './service-context';
import { parseHostname } from './sip-rule.service';

/** A '+' left unencoded in a query string arrives as a space; the message says how to send it. */
function phoneNumberFromQuery(value: string): string {
  const problem = e164Problem(value);
  if (problem) throw badRequest(`phone-number ${JSON.stringify(value)} ${problem}${value.startsWith(' ') ? ' (send the plus sign as %2B)' : ''}`);
  return value;
}

/**
 * numberyard's extension "where does a call go": the targets a call to a number (or to a Request-URI
 * host name) reaches, in the order they are tried. Only enabled rules and targets that still exist
 * count; nothing routable gives an empty list.
 */
export function createRoutingService(ctx: ServiceContext) {
  const { db } = ctx.database;

  async function viaSipRule(organizationId: string, sipRuleId: string): Promise<Route[]> {
    const targets = await routingRepository.sipMediaApplicationsOfEnabledRule(db, organizationId, sipRuleId);
    return targets.map((target) => ({ TargetType: 'SipMediaApplication', TargetId: target.id, Priority: target.priority, ViaSipRuleId: sipRuleId }));
  }

  async function routesOfNumber(caller: Caller, e164: string): Promise<Route[]> {
    const row = await phoneNumberRepository.getInOrganization(db, caller.organizationId, e164);
    if (!row) throw notFound(`Phone number ${e164} not found`);
    const target = row.status === 'Assigned' ? assignmentOf(row) : null;
    switch (target?.kind) {
      case 'sipRule':
        return viaSipRule(caller.organizationId, target.sipRuleId);
      case 'voiceConnector':
        return (await routingRepository.voiceConnectorExists(db, caller.organizationId, target.voiceConnectorId))
          ? [{ TargetType: 'VoiceConnector', TargetId: target.voiceConnectorId, Priority: 1 }]
          : [];
      case 'voiceConnectorGroup': {
        const groupId = target.voiceConnectorGroupId;
        const connectors = await routingRepository.voiceConnectorsOfGroup(db, caller.organizationId, groupId);
        return connectors.map((c) => ({ TargetType: 'VoiceConnector', TargetId: c.id, Priority: c.priority, ViaVoiceConnectorGroupId: groupId }));
      }
      case 'user':
        return (await routingRepository.userExists(db, caller.organizationId, target.userId))
          ? [{ TargetType: 'User', TargetId: target.userId, Priority: 1 }]
          : [];
      default:
        return [];
    }
  }

  return {
    async lookup(caller: Caller, query: RoutingLookupQuery): Promise<RoutingLookupResponse> {
      const phoneNumber = query['phone-number'];
      const hostname = query['request-uri-hostname'];
      if ((phoneNumber === undefined) === (hostname === undefined)) {
        throw badRequest('Give exactly one of phone-number and request-uri-hostname');
      }
      if (phoneNumber !== undefined) {
        const e164 = phoneNumberFromQuery(phoneNumber);
        return { PhoneNumber: e164, Routes: await routesOfNumber(caller, e164) };
      }
      const host = parseHostname(hostname!);
      const ruleId = await routingRepository.findEnabledRuleId(db, caller.organizationId, 'RequestUriHostname', host);
      return { RequestUriHostname: host, Routes: ruleId ? await viaSipRule(caller.organizationId, ruleId) : [] };
    },
  };
}

export type RoutingService = ReturnType<typeof createRoutingService>;
