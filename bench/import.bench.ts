// The import benchmark (not part of `npm test`): run with `npm run bench:import`.
// In one run, on fresh SQLite data directories:
//   1. `numberyard import FILE.csv` of 1,000,000 numbers (the real CLI, a child process, against a
//      real `numberyard serve` child) next to a raw better-sqlite3 prepared INSERT of the same rows
//      into a table of the same shape (goal: >= 0.25x the raw rate);
//   2. the importer's peak RSS importing 1,000,000 rows vs 10,000 rows (goal: <= 1.5x).
// BENCH_ROWS=<n> shrinks the big run (for a quick try); BENCH_CPU_PROF=<dir> writes V8 CPU profiles of
// the server and the importer there. Prints the JSON report (also written to bench/results/).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRawBaseline } from './support/inventory-load';
import { benchNumber, INVENTORY_SIZE } from './support/numbers';
import { progress, round } from './support/stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'src/cli/index.ts');
const GOALS = { rateVsRaw: 0.25, rssAt1MVs10k: 1.5 };
const SMALL_ROWS = 10_000;
const BIG_ROWS = Number(process.env.BENCH_ROWS ?? INVENTORY_SIZE);
const MB = 1024 * 1024;
// A fixed bootstrap key: `serve` creates the first administrator with it on the empty database.
const ADMIN = { accessKeyId: 'BENCHADMINKEY0000001', secretAccessKey: 'bench-secret-access-key-0001' };

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'numberyard-import-bench-'));

function nodeArgs(name: string): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return ['--import', 'tsx', ...(dir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, name)}`] : [])];
}

/** The same rows the raw baseline inserts (bench/support/numbers.ts), as the CSV `import` reads. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  let buffer = 'e164,product_type,name\n';
  for (let i = 0; i < rows; i += 1) {
    const n = benchNumber(i);
    buffer += `${n.e164},${n.productType},\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

interface Serve {
  url: string;
  stop(): Promise<void>;
}

/** `numberyard serve` as `npm start` runs it, on its own fresh data directory and a free port. */
async function startServe(dataDir: string): Promise<Serve> {
  const child = spawn(process.execPath, [...nodeArgs('server'), CLI, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NUMBERYARD_DATA_DIR: dataDir,
      NUMBERYARD_PORT: '0',
      NUMBERYARD_HOST: '127.0.0.1',
      NUMBERYARD_LOG_LEVEL: 'warn',
      NUMBERYARD_ACCESS_KEY_ID: ADMIN.accessKeyId,
      NUMBERYARD_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (data: Buffer) => {
      seen += data.toString();
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening: ${seen}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Peak resident set (VmHWM) of a running process, in bytes; Linux /proc. */
function peakRss(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined; // the process has just exited
  }
}

interface ImportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMB: number;
  imported: number;
}

/** Runs the CLI import as a child process and samples its peak RSS until it exits. */
async function runImport(serve: Serve, file: string, rows: number): Promise<ImportFigures> {
  const startedAt = process.hrtime.bigint();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs('import'), CLI, 'import', file, '--json', '--no-progress'], {
    cwd: ROOT,
    env: { ...process.env, NUMBERYARD_ENDPOINT: serve.url, AWS_ACCESS_KEY_ID: ADMIN.accessKeyId, AWS_SECRET_ACCESS_KEY: ADMIN.secretAccessKey, AWS_REGION: 'us-east-1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, peakRss(child.pid!) ?? 0);
  }, 25);
  let stdout = '';
  child.stdout!.on('data', (data: Buffer) => {
    stdout += data.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  if (code !== 0) throw new Error(`import exited with ${code}: ${stdout.slice(0, 2000)}`);
  const summary = JSON.parse(stdout) as { imported: number; rejected: number };
  if (summary.imported !== rows || summary.rejected !== 0) throw new Error(`import loaded ${summary.imported} of ${rows} (rejected ${summary.rejected})`);
  return { rows, seconds: round(seconds), rowsPerSecond: Math.round(rows / seconds), peakRssMB: round(peak / MB, 1), imported: summary.imported };
}

async function importInto(label: string, file: string, rows: number): Promise<ImportFigures> {
  const serve = await startServe(path.join(workDir, `data-${label}`));
  try {
    progress(`importing ${rows} rows through the CLI into ${serve.url}`);
    return await runImport(serve, file, rows);
  } finally {
    await serve.stop();
  }
}

async function main() {
  const bigCsv = path.join(workDir, 'big.csv');
  const smallCsv = path.join(workDir, 'small.csv');
  progress(`writing ${BIG_ROWS} and ${SMALL_ROWS} row CSV files to ${workDir}`);
  await writeCsv(bigCsv, BIG_ROWS);
  await writeCsv(smallCsv, SMALL_ROWS);

  progress('raw baseline: better-sqlite3 prepared INSERT of the same 1,000,000 rows');
  const raw = await loadRawBaseline(path.join(workDir, 'raw.db'));

  const small = await importInto('small', smallCsv, SMALL_ROWS);
  const big = await importInto('big', bigCsv, BIG_ROWS);

  const rateVsRaw = round(big.rowsPerSecond / raw.rowsPerSecond);
  const rssRatio = round(big.peakRssMB / small.peakRssMB);
  const report = {
    benchmark: 'import',
    dialect: 'sqlite',
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.split(' ').slice(0, 2).join(' '), memoryGB: round(os.totalmem() / 1024 ** 3, 1) },
    path: '`numberyard import FILE.csv` (child process) -> POST /admin/phone-numbers?operation=import, 1000 numbers per request (one transaction each, with audit events) -> `numberyard serve` (child process)',
    baseline: 'raw better-sqlite3 prepared INSERT, one per row, 1000 rows per transaction, into the same migrated phone_numbers table (same constraints and indexes) in a scratch database',
    import: big,
    rawInsert: raw,
    rateVsRaw,
    rateGoal: `>= ${GOALS.rateVsRaw}`,
    memory: { peakRssMBAt10k: small.peakRssMB, peakRssMBAtBig: big.peakRssMB, ratio: rssRatio, goal: `<= ${GOALS.rssAt1MVs10k}` },
    goalsMet: { rate: rateVsRaw >= GOALS.rateVsRaw, memory: rssRatio <= GOALS.rssAt1MVs10k },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `import-${report.date.replace(/[:.]/g, '-')}.json`), `${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(
    `\nimport: ${big.rowsPerSecond} rows/s vs raw ${raw.rowsPerSecond} rows/s = ${rateVsRaw}x (goal >= ${GOALS.rateVsRaw})\n` +
      `importer peak RSS: ${big.peakRssMB} MB at ${big.rows} rows vs ${small.peakRssMB} MB at ${small.rows} = ${rssRatio}x (goal <= ${GOALS.rssAt1MVs10k})\n`,
  );
}

try {
  await main();
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
