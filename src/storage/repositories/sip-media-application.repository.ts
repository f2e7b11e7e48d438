import type { Insertable, Selectable, Updateable } from 'kysely';
import type { SipMediaApplicationsTable } from '../database-schema';
import type { Executor } from '../executor';
import { versionedRows } from './versioned-rows';

export type SipMediaApplicationRow = Selectable<SipMediaApplicationsTable>;

const sipMediaApplicationsRows = versionedRows('sip_media_applications');

export const sipMediaApplicationRepository = {
  ...sipMediaApplicationsRows,
  listPage: sipMediaApplicationsRows.listPageById,





};
