// `numberyard serve` in a child process of its own, started through the real CLI as an operator or a
// service manager runs it. Crash, shutdown, outage and several-node tests need a server that can be
// SIGKILLed, SIGTERMed, or left running while another dies; test/crash/server-child.ts and
// test/ops/support/server-node.ts configure it for their tests.
import type { ChildProcess } from 'node:child_process';
import { spawnCli } from '../cli/cli-runner';

export interface ServeProcess {
  url: string;
  process: ChildProcess;
  /** Everything the server printed on stdout and stderr (its JSON log lines included). */
  output(): string;
  /** Resolves with the first group of `pattern` (or the whole match) once the server has printed it. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The exit code once the process has ended; undefined while it runs. */
  exitCode(): number | null | undefined;
  /** Sends `signal` unless the process has already ended. */
  kill(signal: NodeJS.Signals): void;
}

/** Starts `numberyard serve` with `env` as its whole environment and waits until it listens. */
export async function startServeProcess(env: NodeJS.ProcessEnv, startTimeoutMs = 60_000): Promise<ServeProcess> {
  const child = spawnCli(['serve'], env);
  let output = '';
  let exitCode: number | null | undefined;
  const waiters = new Set<() => void>();
  const onData = (data: Buffer) => {
    output += data.toString();
    for (const waiter of waiters) waiter();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exitCode = code;
      resolve({ code, signal });
    }),
  );

  const waitForOutput = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return false;
        done();
        resolve(match[1] ?? match[0]);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`the server did not print ${pattern} within ${timeoutMs} ms; it printed:\n${output}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      const waiter = () => void check();
      if (check()) return;
      waiters.add(waiter);
      void exited.then(({ code, signal }) => {
        if (waiters.has(waiter) && !check()) {
          done();
          reject(new Error(`the server exited (${signal ?? `code ${code}`}) before printing ${pattern}; it printed:\n${output}`));
        }
      });
    });

  const url = await waitForOutput(/numberyard is listening on (http:\/\/\S+)/, startTimeoutMs).catch((error: unknown) => {
    // A server that never listened must not outlive the test that gave up on it.
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    process: child,
    output: () => output,
    waitForOutput,
    exited,
    exitCode: () => exitCode,
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
