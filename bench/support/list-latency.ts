// Phase 3: one filtered ListPhoneNumbers page deep into the inventory — over HTTP, through the
// service in-process, and as the raw SQL that produces the same page — each timed one at a time.
import http from 'node:http';
import BetterSqlite3 from 'better-sqlite3';
import type { ListPhoneNumbersQuery } from '../../src/contract/phone-number.schema';
import type { Services } from '../../src/services';
import { encodeNextToken } from '../../src/services/next-token';
import { phoneNumberListScope } from '../../src/services/phone-number.service';
import type { Caller } from '../../src/services/service-context';
import { cpuPerRequestByPhase } from './cpu-phases';
import type { ChildUsage, ServerChild } from './server-child';
import { sendGet, signGet, type Signer } from './signed-requests';
import { cpuMillis, round, timeInterleaved, timeRuns } from './stats';

const PAGE_SIZE = 100;
const FILTER = { status: 'Unassigned', productType: 'VoiceConnector' } as const;

/**
 * What phoneNumberRepository.listPage runs for this filter (Kysely's `selectAll` with the same WHERE,
 * ORDER BY and the one extra row that tells whether a next page exists), prepared once.
 */
const RAW_PAGE_SQL = `select * from "phone_numbers" where "organization_id" = ? and "status" = ? and "product_type" = ? and "e164" > ? order by "e164" limit ?`;

export interface ListLatencyOptions {
  databasePath: string;
  server: ServerChild;
  signer: Signer;
  caller: Caller;
  /** Services opened on the same database in this process, for the in-process service figure. */
  services: Services;
  /** How many matching numbers the page starts after. */
  depth: number;
  warmup: number;
  runs: number;
}

export async function measureListLatency(options: ListLatencyOptions) {
  const sqlite = new BetterSqlite3(options.databasePath, { readonly: true });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const baseUrl = options.server.url;
  try {
    const organizationId = options.caller.organizationId;
    const afterE164 = sqlite
      .prepare(`select e164 from phone_numbers where organization_id = ? and status = ? and product_type = ? order by e164 limit 1 offset ?`)
      .pluck()
      .get(organizationId, FILTER.status, FILTER.productType, options.depth - 1) as string;
    // The token the server would have issued after that many pages of this filter.
    const nextToken = encodeNextToken(afterE164, phoneNumberListScope({ status: FILTER.status, 'product-type': FILTER.productType }));
    const page = sqlite.prepare(RAW_PAGE_SQL);
    const plan = sqlite
      .prepare(`explain query plan ${RAW_PAGE_SQL}`)
      .all(organizationId, FILTER.status, FILTER.productType, afterE164, PAGE_SIZE + 1)
      .map((row) => (row as { detail: string }).detail);
    const rawPage = () => page.all(organizationId, FILTER.status, FILTER.productType, afterE164, PAGE_SIZE + 1) as { e164: string }[];

    const query: ListPhoneNumbersQuery = { status: FILTER.status, 'product-type': FILTER.productType, 'max-results': PAGE_SIZE, 'next-token': nextToken };
    const request = await signGet(options.signer, baseUrl, '/phone-numbers', {
      status: FILTER.status,
      'product-type': FILTER.productType,
      'max-results': String(PAGE_SIZE),
      'next-token': nextToken,
    });

    // The three paths must produce the same page, or the comparison means nothing.
    const expected = rawPage().slice(0, PAGE_SIZE).map((row) => row.e164);
    const response = await sendGet(agent, baseUrl, request);
    if (response.status !== 200) throw new Error(`ListPhoneNumbers answered ${response.status}: ${response.body}`);
    const viaHttp = JSON.parse(response.body) as { PhoneNumbers: { E164PhoneNumber: string; ProductType: string; Status: string }[]; NextToken?: string };
    const viaService = await options.services.phoneNumbers.list(options.caller, query);
    const same = (e164s: string[]) => e164s.length === expected.length && e164s.every((e, i) => e === expected[i]);
    if (!same(viaHttp.PhoneNumbers.map((n) => n.E164PhoneNumber)) || !same(viaService.PhoneNumbers.map((n) => n.E164PhoneNumber)) || !viaHttp.NextToken) {
      throw new Error('the HTTP, service and raw SQL pages differ');
    }
    if (!viaHttp.PhoneNumbers.every((n) => n.ProductType === FILTER.productType && n.Status === FILTER.status)) throw new Error('the filter was not applied');

    const sendList = async () => {
      const { status } = await sendGet(agent, baseUrl, request);
      if (status !== 200) throw new Error(`ListPhoneNumbers answered ${status}`);
    };
    const listService = () => options.services.phoneNumbers.list(options.caller, query);
    // The three are timed in turn, request by request, so that a busy spell of the machine weighs on all alike.
    const timed = { overHttp: sendList, service: listService, rawSql: rawPage };
    let before: ChildUsage | undefined; // read after the warm-up: only the measured requests count in the server's figures below
    const { overHttp, service, rawSql } = await timeInterleaved(options.warmup, options.runs, timed, async () => {
      before = await options.server.usage();
    });
    const after = await options.server.usage();
    const serverCpuMsPerRequest = (cpuMillis(after.cpu) - cpuMillis(before!.cpu)) / options.runs;
    // The same requests again under the server's CPU profiler, for the phase breakdown.
    const profile = await options.server.profile(() => timeRuns(0, options.runs, sendList));
    return {
      request: `GET /phone-numbers?status=${FILTER.status}&product-type=${FILTER.productType}&max-results=${PAGE_SIZE}&next-token=<after ${options.depth} matching numbers>`,
      pageBytes: Buffer.byteLength(response.body),
      rawSql: { sql: RAW_PAGE_SQL, queryPlan: plan, ...rawSql },
      service,
      /** Measured at the client; its cpuMsPerRun is the client's own CPU. */
      http: overHttp,
      /** The server's own time for the same requests: arrival to the hand-over of the response. */
      server: {
        medianMs: round(after.served.medianMs, 3),
        cpuMsPerRequest: round(serverCpuMsPerRequest, 3),
        cpuMsByPhase: cpuPerRequestByPhase(profile, serverCpuMsPerRequest, 3),
      },
    };
  } finally {
    agent.destroy();
    sqlite.close();
  }
}
