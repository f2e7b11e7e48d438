import type { Static } from 'typebox';
import type {
  AssociatePhoneNumbersBody,
  CreateVoiceConnectorBody,
  CreateVoiceConnectorGroupBody,
  ListVoiceConnectorGroupsResponse,
  ListVoiceConnectorsResponse,
  UpdateVoiceConnectorBody,
  UpdateVoiceConnectorGroupBody,
  VoiceConnector,
  VoiceConnectorGroup,
  VoiceConnectorGroupResponse,
  VoiceConnectorResponse,
} from '../../../src/contract/voice-connector.schema';
import type { PhoneNumberErrorsResponse } from '../../../src/contract/phone-number.schema';
import { label, request } from './http';
import type { PhoneNumberError } from './phone-numbers';

export type { VoiceConnector, VoiceConnectorGroup };
export type VoiceTargetKind = 'voice-connectors' | 'voice-connector-groups';

export function listVoiceConnectors(nextToken?: string): Promise<Static<typeof ListVoiceConnectorsResponse>> {
  return request('GET', '/voice-connectors', { query: { 'max-results': 100, 'next-token': nextToken } });
}

export async function getVoiceConnector(id: string): Promise<VoiceConnector> {
  return (await request<Static<typeof VoiceConnectorResponse>>('GET', `/voice-connectors/${label(id)}`)).VoiceConnector;
}

export async function createVoiceConnector(body: CreateVoiceConnectorBody): Promise<VoiceConnector> {
  return (await request<Static<typeof VoiceConnectorResponse>>('POST', '/voice-connectors', { body })).VoiceConnector;
}

export async function updateVoiceConnector(id: string, body: UpdateVoiceConnectorBody): Promise<VoiceConnector> {
  return (await request<Static<typeof VoiceConnectorResponse>>('PUT', `/voice-connectors/${label(id)}`, { body })).VoiceConnector;
}

export function deleteVoiceConnector(id: string): Promise<void> {
  return request('DELETE', `/voice-connectors/${label(id)}`);
}

export function listVoiceConnectorGroups(nextToken?: string): Promise<Static<typeof ListVoiceConnectorGroupsResponse>> {
  return request('GET', '/voice-connector-groups', { query: { 'max-results': 100, 'next-token': nextToken } });
}

export async function getVoiceConnectorGroup(id: string): Promise<VoiceConnectorGroup> {
  return (await request<Static<typeof VoiceConnectorGroupResponse>>('GET', `/voice-connector-groups/${label(id)}`)).VoiceConnectorGroup;
}

export async function createVoiceConnectorGroup(body: CreateVoiceConnectorGroupBody): Promise<VoiceConnectorGroup> {
  return (await request<Static<typeof VoiceConnectorGroupResponse>>('POST', '/voice-connector-groups', { body })).VoiceConnectorGroup;
}

/** UpdateVoiceConnectorGroup replaces the name and the whole list of member connectors. */
export async function updateVoiceConnectorGroup(id: string, body: UpdateVoiceConnectorGroupBody): Promise<VoiceConnectorGroup> {
  return (await request<Static<typeof VoiceConnectorGroupResponse>>('PUT', `/voice-connector-groups/${label(id)}`, { body })).VoiceConnectorGroup;
}

export function deleteVoiceConnectorGroup(id: string): Promise<void> {
  return request('DELETE', `/voice-connector-groups/${label(id)}`);
}

/** AssociatePhoneNumbersWithVoiceConnector[Group]; ForceAssociate moves numbers held by another connector or group (Reassign). */
export async function associateNumbers(kind: VoiceTargetKind, id: string, body: AssociatePhoneNumbersBody): Promise<PhoneNumberError[]> {
  const path = `/${kind}/${label(id)}`;
  return (await request<Static<typeof PhoneNumberErrorsResponse>>('POST', path, { query: { operation: 'associate-phone-numbers' }, body })).PhoneNumberErrors;
}

export async function disassociateNumbers(kind: VoiceTargetKind, id: string, e164s: string[]): Promise<PhoneNumberError[]> {
  const path = `/${kind}/${label(id)}`;
  const body = { E164PhoneNumbers: e164s };
  return (await request<Static<typeof PhoneNumberErrorsResponse>>('POST', path, { query: { operation: 'disassociate-phone-numbers' }, body })).PhoneNumberErrors;
}
