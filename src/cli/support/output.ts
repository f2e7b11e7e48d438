// How commands print: results on stdout (JSON with --json, readable text otherwise), notes and
// progress on stderr, so that `numberyard … --json | jq` always gets clean data.

export interface Output {
  json: boolean;
  /** A command's result: JSON as is, or the text the renderer makes of it. */
  result<T>(value: T, text: (value: T) => string): void;
  /** A note for the person at the terminal (stderr); never part of the data. */
  note(message: string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    result(value, text) {
      process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : ensureNewline(text(value)));
    },
    note(message) {
      process.stderr.write(ensureNewline(message));
    },
  };
}

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

type Cell = string | number | boolean | null | undefined | Date;

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '-';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A plain aligned table with a header row; "(none)" when there are no rows. */
export function table<T>(rows: readonly T[], columns: readonly [header: string, cell: (row: T) => Cell][]): string {
  if (rows.length === 0) return '(none)\n';
  const cells = rows.map((row) => columns.map(([, cell]) => cellText(cell(row))));
  const widths = columns.map(([header], i) => Math.max(header.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: readonly string[]) => values.map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i]!))).join('  ');
  return `${[line(columns.map(([header]) => header)), ...cells.map(line)].join('\n')}\n`;
}

/** "Key: value" lines for one object, skipping absent values. */
export function details(entries: readonly [label: string, value: Cell][]): string {
  const present = entries.filter(([, value]) => value !== undefined && value !== null && value !== '');
  const width = Math.max(...present.map(([label]) => label.length));
  return `${present.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${cellText(value)}`).join('\n')}\n`;
}
