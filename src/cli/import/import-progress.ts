// Progress of a long import or export: a cli-progress bar on a terminal, plain lines (at most one a
// second) when stderr is a file or a pipe, so logs stay readable.
import cliProgress from 'cli-progress';

export interface ProgressCounts {
  line: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
}

export interface ProgressReporter {
  update(bytesDone: number, counts: ProgressCounts): void;
  stop(): void;
}

export function createProgress(totalBytes: number, label: string, enabled: boolean): ProgressReporter {
  if (!enabled) return { update() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${label} {bar} {percentage}% | line {line} | {imported} new, {alreadyPresent} already there, {rejected} rejected`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(totalBytes, 1), 0, { line: 0, imported: 0, alreadyPresent: 0, rejected: 0 });
    return {
      update: (bytesDone, counts) => bar.update(bytesDone, { ...counts }),
      stop: () => bar.stop(),
    };
  }
  let lastPrint = 0;
  const print = (bytesDone: number, counts: ProgressCounts) => {
    const percent = totalBytes > 0 ? Math.floor((bytesDone / totalBytes) * 100) : 100;
    process.stderr.write(
      `${label}: line ${counts.line} (${percent}%), ${counts.imported} new, ${counts.alreadyPresent} already there, ${counts.rejected} rejected\n`,
    );
  };
  let last: [number, ProgressCounts] | undefined;
  return {
    update(bytesDone, counts) {
      last = [bytesDone, counts];
      const now = Date.now();
      if (now - lastPrint < 1000) return;
      lastPrint = now;
      print(bytesDone, counts);
      last = undefined;
    },
    stop() {
      if (last) print(...last);
    },
  };
}
