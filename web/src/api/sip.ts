import type { Static } from 'typebox';
import type {
  CreateSipMediaApplicationBody,
  CreateSipRuleBody,
  ListSipMediaApplicationsResponse,
  ListSipRulesResponse,
  SipMediaApplication,
  SipMediaApplicationResponse,
  SipRule,
  SipRuleResponse,
  UpdateSipMediaApplicationBody,
  UpdateSipRuleBody,
} from '../../../src/contract/sip.schema';
import { label, request } from './http';

export type { SipMediaApplication, SipRule };

export function listSipMediaApplications(nextToken?: string): Promise<Static<typeof ListSipMediaApplicationsResponse>> {
  return request('GET', '/sip-media-applications', { query: { 'max-results': 100, 'next-token': nextToken } });
}

export async function getSipMediaApplication(id: string): Promise<SipMediaApplication> {
  return (await request<Static<typeof SipMediaApplicationResponse>>('GET', `/sip-media-applications/${label(id)}`)).SipMediaApplication;
}

export async function createSipMediaApplication(body: CreateSipMediaApplicationBody): Promise<SipMediaApplication> {
  return (await request<Static<typeof SipMediaApplicationResponse>>('POST', '/sip-media-applications', { body })).SipMediaApplication;
}

export async function updateSipMediaApplication(id: string, body: UpdateSipMediaApplicationBody): Promise<SipMediaApplication> {
  return (await request<Static<typeof SipMediaApplicationResponse>>('PUT', `/sip-media-applications/${label(id)}`, { body })).SipMediaApplication;
}

export function deleteSipMediaApplication(id: string): Promise<void> {
  return request('DELETE', `/sip-media-applications/${label(id)}`);
}

export function listSipRules(nextToken?: string): Promise<Static<typeof ListSipRulesResponse>> {
  return request('GET', '/sip-rules', { query: { 'max-results': 100, 'next-token': nextToken } });
}

export async function getSipRule(id: string): Promise<SipRule> {
  return (await request<Static<typeof SipRuleResponse>>('GET', `/sip-rules/${label(id)}`)).SipRule;
}

export async function createSipRule(body: CreateSipRuleBody): Promise<SipRule> {
  return (await request<Static<typeof SipRuleResponse>>('POST', '/sip-rules', { body })).SipRule;
}

/** UpdateSipRule: the name, the switch and the targets; the trigger is fixed when the rule is created. */
export async function updateSipRule(id: string, body: UpdateSipRuleBody): Promise<SipRule> {
  return (await request<Static<typeof SipRuleResponse>>('PUT', `/sip-rules/${label(id)}`, { body })).SipRule;
}

/**
 * "You must disable SIP rules before you can delete them": an enabled rule is disabled first
 * (UpdateSipRule), then deleted, as one step the user confirmed once.
 */
export async function disableAndDeleteSipRule(rule: SipRule): Promise<void> {
  if (!rule.Disabled) await updateSipRule(rule.SipRuleId, { Name: rule.Name, Disabled: true });
  await request('DELETE', `/sip-rules/${label(rule.SipRuleId)}`);
}
