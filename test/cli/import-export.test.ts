import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetPhoneNumberCommand, NotFoundException, paginateListPhoneNumbers, type ChimeSDKVoiceClient } from '@aws-sdk/client-chime-sdk-voice';
import { SearchAvailablePhoneNumbersCommand } from '@aws-sdk/client-chime-sdk-voice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects';
import { startTestServer, type TestServer } from '../support/test-server';
import { cliEnv, cliJson, collect, runCli, spawnCli } from './cli-runner';

interface Summary {
  dryRun: boolean;
  lastLine: number;
  rows: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  byKind: Record<string, number>;
  badRows: { line: number; e164: string; reason: string }[];
  interrupted: boolean;
  resumeFromLine?: number;
  resumeCommand?: string;
}

/** The inventory as a user reads it back: number -> "product type|name". */
async function inventory(voice: ChimeSDKVoiceClient): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const page of paginateListPhoneNumbers({ client: voice, pageSize: 100 }, {})) {
    for (const n of page.PhoneNumbers ?? []) out.set(n.E164PhoneNumber!, `${n.ProductType}|${n.Name ?? ''}`);
  }
  return out;
}

/** +1 <area> <exchange 200-299> <line>: valid US local numbers, `count` of them from `start`. */
function csvOf(count: number, start: number, area = '503'): string {
  const types = ['BusinessCalling', 'VoiceConnector', 'SipMediaApplicationDialIn'];
  const rows = Array.from({ length: count }, (_, k) => {
    const i = start + k;
    return `+1${area}${200 + Math.floor(i / 10000)}${String(i % 10000).padStart(4, '0')},${types[i % 3]},batch ${Math.floor(i / 100)}`;
  });
  return `e164,product_type,name\n${rows.join('\n')}\n`;
}

const BAD_CSV = [
  'e164,product_type,name', //                             line 1
  '+12065551000,VoiceConnector,good one', //               line 2
  '+1206555100,VoiceConnector,too short', //               line 3: invalid number
  '12065551001,VoiceConnector,no plus', //                 line 4: bad E.164
  '+80012345678,SipMediaApplicationDialIn,freephone', //   line 5: unknown country
  '+442079461000,BusinessCalling,London', //               line 6: non-US as Business Calling
  '+18445551000,BusinessCalling,toll-free', //             line 7: toll-free as Business Calling
  '+12065551000,SipMediaApplicationDialIn,again', //       line 8: duplicate of line 2
  '+12065551002,Bogus,bad type', //                        line 9
  '', //                                                   line 10 (blank)
  '+442079461001,SipMediaApplicationDialIn,London IVR', // line 11
  '',
].join('\n');

for (const dialect of DIALECTS) {
  describe(`numberyard import / export through the CLI [${dialect}]`, () => {
    let server: TestServer;
    let dir: string;
    const file = (name: string, text: string) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, text);
      return p;
    };

    beforeAll(async () => {
      server = await startTestServer(dialect);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-cli-'));
    });
    afterAll(async () => {
      await server?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('dry-runs a CSV with bad rows: every bad row with its line and reason, nothing sent', async () => {
      const csv = file('bad.csv', BAD_CSV);
      const result = await runCli(['import', csv, '--dry-run', '--json'], cliEnv(server));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('7 row(s) are bad');
      const report = JSON.parse(result.stdout) as Summary;
      expect(report).toMatchObject({ dryRun: true, imported: 2, rejected: 7, byKind: { 'US Local VoiceConnector': 1, 'GB Local SipMediaApplicationDialIn': 1 } });
      expect(report.badRows.map((b) => [b.line, b.reason.split(':')[0]])).toEqual([
        [3, 'invalid number'],
        [4, 'bad E.164'],
        [5, 'unknown country'],
        [6, 'conflicting product type'],
        [7, 'conflicting product type'],
        [8, 'duplicate in the file'],
        [9, 'bad product type'],
      ]);
      expect(report.badRows[5]!.reason).toContain('already on line 2');
      await expect(server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: '+12065551000' }))).rejects.toBeInstanceOf(NotFoundException);
    });

    it('imports the good rows, reports the bad ones, and a re-run changes nothing', async () => {
      const csv = file('bad.csv', BAD_CSV);
      const first = await runCli(['import', csv, '--json'], cliEnv(server));
      expect(first.code).toBe(1);
      expect(JSON.parse(first.stdout)).toMatchObject({ dryRun: false, imported: 2, alreadyPresent: 0, rejected: 7 });
      const { PhoneNumber: loaded } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: '+442079461001' }));
      expect(loaded).toMatchObject({ ProductType: 'SipMediaApplicationDialIn', Country: 'GB', Name: 'London IVR', Status: 'Unassigned' });
      const before = await inventory(server.admin.voice);

      const again = await runCli(['import', csv, '--json'], cliEnv(server));
      expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, alreadyPresent: 2, rejected: 7 });
      expect(await inventory(server.admin.voice)).toEqual(before);
    });

    it('imports a clean file with exit code 0 and plain progress lines when not on a terminal', async () => {
      const csv = file('clean.csv', csvOf(2500, 0, '971'));
      const result = await runCli(['import', csv], cliEnv(server));
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('2500 new number(s) loaded into the inventory, 0 already there');
      expect(result.stderr).toMatch(/importing: line \d+ \(\d+%\), \d+ new/);
      const { PhoneNumber: last } = await server.admin.voice.send(new GetPhoneNumberCommand({ PhoneNumberId: '+19712002499' }));
      expect(last).toMatchObject({ ProductType: 'BusinessCalling', Name: 'batch 24' });
    });

    it.each([
      ['SIGINT', '541'],
      ['SIGTERM', '360'],
    ] as const)('stops cleanly on %s (Ctrl-C, a service manager) after the chunks in flight and resumes with --from-line', async (signal, areaCode) => {
      const total = 12_000;
      // Numbers of their own: another organization's numbers would be refused, not imported.
      const csv = file(`big-${signal}.csv`, csvOf(total, 0, areaCode));
      const org = await server.newOrganization(`Interrupted import ${signal}`);
      const env = cliEnv(server);
      const child = spawnCli(['import', csv, '--org', org.organizationId, '--chunk-size', '50', '--json'], env);
      const done = collect(child);
      // The signal once the first chunks are in: the progress line says so.
      await new Promise<void>((resolve) => {
        child.stderr!.on('data', (data: Buffer) => {
          if (data.toString().includes('importing: line')) resolve();
        });
      });
      child.kill(signal);
      const stopped = await done;
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toContain('Stopping after the chunks in flight');
      const summary = JSON.parse(stopped.stdout) as Summary;
      expect(summary.interrupted).toBe(true);
      expect(summary.imported).toBeGreaterThan(0);
      expect(summary.imported).toBeLessThan(total);
      // Whole chunks only: every line before the resume line is in, nothing after it.
      expect(summary.imported % 50).toBe(0);
      expect(summary.resumeFromLine).toBe(summary.lastLine + 1);
      expect(summary.resumeFromLine).toBe(summary.imported + 2);
      expect(summary.resumeCommand).toContain(`--from-line ${summary.resumeFromLine}`);
      expect((await inventory(org.voice)).size).toBe(summary.imported);

      const resumed = await cliJson<Summary>(['import', csv, '--org', org.organizationId, '--from-line', String(summary.resumeFromLine)], env);
      expect(resumed).toMatchObject({ imported: total - summary.imported, alreadyPresent: 0, rejected: 0, interrupted: false });
      expect((await inventory(org.voice)).size).toBe(total);
    });

    it('exports the inventory with assignments and imports it into a fresh organization as the same inventory', async () => {
      const source = await server.newOrganization('Export source');
      const env = cliEnv(server);
      await cliJson(['import', file('source.csv', `${csvOf(250, 0, '458')}+442079462000,SipMediaApplicationDialIn,"London, ""main"" line"\n`), '--org', source.organizationId], env);
      const sourceEnv = cliEnv(server, source.credentials);
      const exported = path.join(dir, 'export.csv');
      const summary = await cliJson<{ exported: number }>(['export', '--output', exported], sourceEnv);
      expect(summary.exported).toBe(251);
      const lines = fs.readFileSync(exported, 'utf8').trim().split('\n');
      expect(lines[0]).toBe('e164,product_type,name,status,country,type,calling_name,associations,created,updated');
      expect(lines).toHaveLength(252);
      // Like backup, export never overwrites a file unless told to.
      const before = fs.readFileSync(exported, 'utf8');
      fs.appendFileSync(exported, 'kept\n');
      const refused = await runCli(['export', '--output', exported], sourceEnv);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${exported} exists: choose another name or pass --force`);
      expect(fs.readFileSync(exported, 'utf8')).toBe(`${before}kept\n`);
      expect(await cliJson<{ exported: number }>(['export', '--output', exported, '--force'], sourceEnv)).toMatchObject({ exported: 251 });
      expect(fs.readFileSync(exported, 'utf8')).toBe(before);

      const json = await runCli(['export', '--format', 'json'], sourceEnv);
      expect(json.code).toBe(0);
      const numbers = JSON.parse(json.stdout) as { E164PhoneNumber: string; Associations: unknown[] }[];
      expect(numbers).toHaveLength(251);
      expect(numbers[0]).toMatchObject({ E164PhoneNumber: '+14582000000', Associations: [] });

      // Numbers are unique server-wide: the copy goes to a fresh organization on a fresh deployment.
      const fresh = await startTestServer(dialect);
      try {
        const target = await fresh.newOrganization('Export target');
        const imported = await cliJson<Summary>(['import', exported, '--org', target.organizationId], cliEnv(fresh));
        expect(imported).toMatchObject({ imported: 251, alreadyPresent: 0, rejected: 0 });
        const copy = await inventory(target.voice);
        expect(copy).toEqual(await inventory(source.voice));
        expect(copy.get('+442079462000')).toBe('SipMediaApplicationDialIn|London, "main" line');
      } finally {
        await fresh.close();
      }
    });

    it('loads the available pool from a CSV with --pool', async () => {
      const csv = file('pool.csv', 'e164,city,state\n+15415550100,Bend,OR\n+15415550101,Bend,OR\n+15415550102,,\n+15415550103,Bend,Oregon\n');
      const result = await runCli(['import', '--pool', csv, '--json'], cliEnv(server));
      expect(result.code).toBe(1);
      const summary = JSON.parse(result.stdout) as Summary;
      expect(summary).toMatchObject({ imported: 3, rejected: 1 });
      expect(summary.badRows[0]).toMatchObject({ line: 5, reason: expect.stringContaining('bad state') });
      const found = await server.admin.voice.send(new SearchAvailablePhoneNumbersCommand({ City: 'Bend', State: 'OR', Country: 'US' }));
      expect(found.E164PhoneNumbers).toEqual(['+15415550100', '+15415550101']);
    });

    it('says what to fix when the file or its header is wrong (exit code 2)', async () => {
      const missing = await runCli(['import', path.join(dir, 'nope.csv')], cliEnv(server));
      expect(missing).toMatchObject({ code: 2 });
      expect(missing.stderr).toContain('no such file');
      const header = await runCli(['import', file('header.csv', 'number,type\n+12065550100,VoiceConnector\n')], cliEnv(server));
      expect(header.code).toBe(2);
      expect(header.stderr).toContain('header naming the columns e164,product_type,[name]');
      const options = await runCli(['import', '--pool', '--org', 'x', file('p.csv', 'e164\n')], cliEnv(server));
      expect(options.code).toBe(2);
      const directory = await runCli(['import', dir], cliEnv(server));
      expect(directory.code).toBe(2);
      expect(directory.stderr).toContain('is not a file but a directory');
      expect(directory.stderr).not.toContain('EISDIR');
      const unclosed = await runCli(['import', file('quote.csv', 'e164,product_type\n+12065552002,"VoiceConnector\n')], cliEnv(server));
      expect(unclosed.code).toBe(2);
      expect(unclosed.stderr).toContain('is not valid CSV');
    });
  });
}
