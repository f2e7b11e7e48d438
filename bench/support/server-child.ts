// Starts bench/support/server-process.ts as a child process (through tsx, as `npm start` runs the
// server) and talks to it over IPC.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CpuProfile } from './cpu-phases';

export type ChildRequest = 'usage' | 'stop' | 'profile-start' | 'profile-stop';
/** What the server process has used: its memory now, its CPU time since it started, and the requests served since the last report. */
export interface ChildUsage {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
  served: { requests: number; medianMs: number };
}
export type ChildReport =
  | ({ type: 'ready'; url: string } & ChildUsage)
  | ({ type: 'usage' } & ChildUsage)
  | { type: 'profile-started' }
  | { type: 'profile'; profile: CpuProfile };

export interface ServerChild {
  url: string;
  /** Usage right after the server started listening. */
  atStart: ChildUsage;
  usage(): Promise<ChildUsage>;
  /** Runs `work` while the server records a CPU profile, and returns the profile. */
  profile(work: () => Promise<unknown>): Promise<CpuProfile>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL('./server-process.ts', import.meta.url));

/** BENCH_CPU_PROF=<dir> writes a V8 CPU profile of every server child there (open it in Chrome DevTools). */
function profilingArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function nextReport<T extends ChildReport['type']>(child: ChildProcess, type: T): Promise<Extract<ChildReport, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (report: ChildReport) => {
      if (report.type !== type) return;
      cleanup();
      resolve(report as Extract<ChildReport, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`server child exited (code ${code}) before reporting '${type}'`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** `argument`: the data directory for 'numberyard' and 'minimal', the JSON body for 'fixed'. */
export async function startServerChild(kind: 'numberyard' | 'minimal' | 'hello' | 'fixed', argument?: string): Promise<ServerChild> {
  const child = fork(ENTRY, argument ? [kind, argument] : [kind], {
    execArgv: ['--import', 'tsx', ...profilingArgs()],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextReport(child, 'ready');
  return {
    url: ready.url,
    atStart: { memory: ready.memory, cpu: ready.cpu, served: ready.served },
    async usage() {
      const reply = nextReport(child, 'usage');
      child.send('usage' satisfies ChildRequest);
      const { memory, cpu, served } = await reply;
      return { memory, cpu, served };
    },
    async profile(work) {
      const started = nextReport(child, 'profile-started');
      child.send('profile-start' satisfies ChildRequest);
      await started;
      await work();
      const stopped = nextReport(child, 'profile');
      child.send('profile-stop' satisfies ChildRequest);
      return (await stopped).profile;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop' satisfies ChildRequest);
      await exited;
    },
  };
}
