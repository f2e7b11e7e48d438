// Reads an import CSV as a stream and hands it out in chunks of checked rows, so that a file of any
// size is never held in memory: at most one chunk (and the compact set of numbers seen) at a time.
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { usageError } from '../support/cli-error';
import { E164Set } from './e164-set';
import { checkRow, COLUMNS, missingColumns, normalizeHeader, type BadRow, type CheckDepth, type ImportItem, type ImportTarget } from './import-rows';

export interface Chunk {
  /** File lines this chunk covers, both included (line 1 is the header). */
  firstLine: number;
  lastLine: number;
  items: ImportItem[];
  /** The line of each item, by E.164, to place the server's per-number errors. */
  lineOf: Map<string, number>;
  badRows: BadRow[];
  /** Good rows by "country type product-type" (what a dry run reports would change). */
  kinds: Map<string, number>;
  /** Bytes of the file read so far, for the progress bar. */
  bytesRead: number;
}

export interface ChunkReader {
  totalBytes: number;
  chunks: AsyncGenerator<Chunk, void, undefined>;
  /** Stops reading (the file is closed). */
  close(): void;
}

export interface ChunkReaderOptions {
  target: ImportTarget;
  chunkSize: number;
  /** Rows on lines before this one are skipped (to resume an interrupted import). */
  fromLine: number;
  depth: CheckDepth;
}

export function readChunks(file: string, options: ChunkReaderOptions): ChunkReader {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw usageError(`Cannot read ${file}: no such file`);
  }
  if (!stat.isFile()) throw usageError(`Cannot read ${file}: it is not a file${stat.isDirectory() ? ' but a directory' : ''}; give the CSV file to load`);
  const totalBytes = stat.size;
  const stream = fs.createReadStream(file);
  let bytesRead = 0;
  stream.on('data', (data) => {
    bytesRead += data.length;
  });
  const parser = stream.pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  stream.on('error', (error) => parser.destroy(error));

  async function* chunks(): AsyncGenerator<Chunk, void, undefined> {
    const seen = new E164Set(options.depth === 'full');
    let header: string[] | undefined;
    let chunk: Chunk | undefined;
    const fresh = (line: number): Chunk => ({ firstLine: line, lastLine: line, items: [], lineOf: new Map(), badRows: [], kinds: new Map(), bytesRead });
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const line = info.lines;
        if (!header) {
          header = normalizeHeader(record);
          const missing = missingColumns(options.target, header);
          if (missing.length > 0) {
            const { required, optional } = COLUMNS[options.target];
            throw usageError(
              `${file}: the first line must be a header naming the columns ${[...required, ...optional.map((c) => `[${c}]`)].join(',')}; ` +
                `missing ${missing.join(', ')} (found ${record.join(',') || 'nothing'})`,
            );
          }
          continue;
        }
        if (line < options.fromLine) continue;
        chunk ??= fresh(line);
        chunk.lastLine = line;
        chunk.bytesRead = bytesRead;
        const fields: Record<string, string> = {};
        header.forEach((name, i) => {
          fields[name] = record[i] ?? '';
        });
        const outcome = checkRow(options.target, fields, line, seen, options.depth);
        if (outcome.ok) {
          chunk.items.push(outcome.item);
          chunk.lineOf.set(outcome.item.E164PhoneNumber, line);
          if (outcome.parsed) {
            const kind = `${outcome.parsed.country} ${outcome.parsed.type}${'ProductType' in outcome.item ? ` ${outcome.item.ProductType}` : ''}`;
            chunk.kinds.set(kind, (chunk.kinds.get(kind) ?? 0) + 1);
          }
        } else {
          chunk.badRows.push(outcome.bad);
        }
        if (chunk.items.length >= options.chunkSize) {
          yield chunk;
          chunk = undefined;
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (typeof code === 'string' && code.startsWith('CSV_')) {
        // A bad file, as the README's exit code 2 says; rows before the bad line may be loaded already (the caller says where to resume).
        throw usageError(`${file} is not valid CSV: ${(error as Error).message}`);
      }
      throw error;
    }
    if (!header) throw usageError(`${file} is empty: it needs a header line (${COLUMNS[options.target].required.join(',')}) and rows`);
    if (chunk) {
      chunk.bytesRead = bytesRead;
      yield chunk;
    }
  }

  return {
    totalBytes,
    chunks: chunks(),
    close: () => {
      stream.destroy();
      parser.destroy();
    },
  };
}
