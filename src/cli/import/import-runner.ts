// Applies an import file chunk by chunk: one request (one server transaction) per chunk, so a
// chunk is applied whole or not at all; keeps the server busy with the next chunk while the client
// reads the one after; stops cleanly after the chunks in flight on Ctrl-C and says how to resume.
import type { ImportResponse } from '../../contract/admin.schema';
import { readChunks, type Chunk } from './csv-chunks';
import { createProgress } from './import-progress';
import type { BadRow, ImportItem, ImportTarget } from './import-rows';

/** Bad rows kept for the report; past this only their number is counted (memory stays bounded). */
const BAD_ROWS_LISTED = 100_000;
/** Requests in flight at once. */
const IN_FLIGHT = 2;

export interface ImportRun {
  file: string;
  target: ImportTarget;
  chunkSize: number;
  fromLine: number;
  showProgress: boolean;
  /** Sends one chunk; absent for a dry run. */
  send?: (items: ImportItem[]) => Promise<ImportResponse>;
  /** The command that resumes this import from a line (for the message after a stop). */
  resumeCommand(fromLine: number): string;
}

export interface ImportSummary {
  file: string;
  target: ImportTarget;
  dryRun: boolean;
  fromLine: number;
  /** The last line read and (unless dry) applied. */
  lastLine: number;
  rows: number;
  /** New numbers (for a dry run: valid rows that would be loaded unless already there). */
  imported: number;
  alreadyPresent: number;
  rejected: number;
  /** Valid rows by "country type [product type]" (dry run). */
  byKind: Record<string, number>;
  badRows: BadRow[];
  badRowsNotListed: number;
  interrupted: boolean;
  /** Set when the run stopped early: the line to pass to --from-line. */
  resumeFromLine?: number;
  resumeCommand?: string;
}

/** Thrown when a request fails mid-way; carries the summary of what was applied before it. */
export class ImportFailed extends Error {
  constructor(
    readonly reason: unknown,
    readonly summary: ImportSummary,
  ) {
    super('import failed');
  }
}

export async function runImport(run: ImportRun): Promise<ImportSummary> {
  const reader = readChunks(run.file, { target: run.target, chunkSize: run.chunkSize, fromLine: run.fromLine, depth: run.send ? 'quick' : 'full' });
  const summary: ImportSummary = {
    file: run.file,
    target: run.target,
    dryRun: run.send === undefined,
    fromLine: run.fromLine,
    lastLine: run.fromLine - 1,
    rows: 0,
    imported: 0,
    alreadyPresent: 0,
    rejected: 0,
    byKind: {},
    badRows: [],
    badRowsNotListed: 0,
    interrupted: false,
  };
  const addBad = (bad: BadRow) => {
    summary.rejected += 1;
    if (summary.badRows.length < BAD_ROWS_LISTED) summary.badRows.push(bad);
    else summary.badRowsNotListed += 1;
  };
  const stopHere = () => {
    summary.resumeFromLine = summary.lastLine + 1;
    summary.resumeCommand = run.resumeCommand(summary.resumeFromLine);
  };

  let stopRequested = false;
  // Ctrl-C, or SIGTERM from a service manager or job runner stopping the import: both finish the
  // chunks in flight and say where to resume.
  const onStopSignal = () => {
    if (stopRequested) {
      // A second signal: leave now. The chunk in flight is one transaction, applied whole or not at all.
      process.stderr.write(`\nStopped at once. Lines up to ${summary.lastLine} are applied; the chunks in flight may or may not be (re-sending them is safe). Resume with:\n  ${run.resumeCommand(summary.lastLine + 1)}\n`);
      process.exit(130);
    }
    stopRequested = true;
    process.stderr.write('\nStopping after the chunks in flight (Ctrl-C again to stop at once)…\n');
  };
  process.on('SIGINT', onStopSignal);
  process.on('SIGTERM', onStopSignal);

  const progress = createProgress(reader.totalBytes, summary.dryRun ? 'checking' : 'importing', run.showProgress);
  /** Counts a chunk once applied. Chunks are recorded in file order, so lastLine only grows. */
  const record = (chunk: Chunk, response: ImportResponse | undefined) => {
    for (const bad of chunk.badRows) addBad(bad);
    summary.rows += chunk.items.length + chunk.badRows.length;
    if (response) {
      summary.imported += response.Imported.length;
      summary.alreadyPresent += response.AlreadyPresent.length;
      for (const error of response.PhoneNumberErrors) {
        addBad({ line: chunk.lineOf.get(error.PhoneNumberId) ?? 0, e164: error.PhoneNumberId, reason: `${error.ErrorCode}: ${error.ErrorMessage}` });
      }
    } else if (!run.send) {
      summary.imported += chunk.items.length;
      for (const [kind, count] of chunk.kinds) summary.byKind[kind] = (summary.byKind[kind] ?? 0) + count;
    }
    summary.lastLine = chunk.lastLine;
    progress.update(chunk.bytesRead, { line: chunk.lastLine, imported: summary.imported, alreadyPresent: summary.alreadyPresent, rejected: summary.rejected });
  };

  // Two chunks in flight: the server starts on the next one as soon as it finishes the current one
  // (each is still its own transaction), and the next chunk is read and checked meanwhile.
  const inFlight: { chunk: Chunk; response: Promise<ImportResponse | undefined> }[] = [];
  const settleOldest = async () => {
    const { chunk, response } = inFlight.shift()!;
    record(chunk, await response);
  };
  try {
    while (!stopRequested) {
      const { value: chunk, done } = await reader.chunks.next();
      if (done || stopRequested) break;
      const response = run.send && chunk.items.length > 0 ? run.send(chunk.items) : Promise.resolve(undefined);
      response.catch(() => {}); // awaited in file order by settleOldest
      inFlight.push({ chunk, response });
      if (inFlight.length >= IN_FLIGHT) await settleOldest();
    }
    while (inFlight.length > 0) await settleOldest();
    if (stopRequested) {
      summary.interrupted = true;
      stopHere();
    }
  } catch (error) {
    // The chunks still in flight finish (each whole or not at all) before the failure is reported;
    // resuming re-sends them, and numbers they loaded come back as already there.
    await Promise.allSettled(inFlight.map((f) => f.response));
    stopHere();
    throw new ImportFailed(error, summary);
  } finally {
    progress.stop();
    process.off('SIGINT', onStopSignal);
    process.off('SIGTERM', onStopSignal);
    reader.close();
  }
  summary.badRows.sort((a, b) => a.line - b.line);
  return summary;
}
