// `numberyard import FILE.csv [--pool]`: loads owned numbers into an organization's inventory, or
// numbers into the available pool, through numberyard's admin routes; streaming, chunked, resumable.
import { Command } from 'commander';
import type { ImportResponse } from '../../contract/admin.schema';
import { BATCH_MAX_ITEMS } from '../../contract/limits';
import { ImportFailed, runImport, type ImportSummary } from '../import/import-runner';
import { apiError } from '../support/api-errors';
import { integerIn } from '../support/arguments';
import { CliError, EXIT } from '../support/cli-error';
import { commandContext } from '../support/command-context';

interface ImportOptions {
  pool: boolean;
  org?: string;
  dryRun: boolean;
  fromLine: number;
  chunkSize: number;
  progress: boolean;
}

function summaryText(s: ImportSummary): string {
  const where = s.target === 'pool' ? 'the available pool' : 'the inventory';
  const lines: string[] = [];
  const range = s.lastLine >= s.fromLine ? `lines ${s.fromLine}-${s.lastLine}` : 'no lines';
  if (s.dryRun) {
    lines.push(`Dry run of ${s.file} (${range}): nothing was sent.`);
    lines.push(`Would load ${s.imported} number(s) into ${where}; numbers already there are left unchanged (reported as already there).`);
    for (const [kind, count] of Object.entries(s.byKind).sort()) lines.push(`  ${kind.padEnd(40)} ${count}`);
  } else {
    lines.push(`${s.file} (${range}): ${s.imported} new number(s) loaded into ${where}, ${s.alreadyPresent} already there (unchanged).`);
  }
  if (s.rejected > 0) {
    lines.push(`${s.rejected} bad row(s)${s.dryRun ? '' : ', not loaded'}:`);
    for (const bad of s.badRows) lines.push(`  line ${bad.line}: ${bad.reason}`);
    if (s.badRowsNotListed > 0) lines.push(`  … and ${s.badRowsNotListed} more not listed`);
  }
  if (s.interrupted) lines.push(`Interrupted after line ${s.lastLine}. Resume with:\n  ${s.resumeCommand}`);
  return `${lines.join('\n')}\n`;
}

export function importCommand(): Command {
  return new Command('import')
    .description(
      'Load numbers from a CSV file: owned numbers into an inventory (columns e164,product_type[,name]) or, with --pool, ' +
        'numbers into the available pool (columns e164[,city,state]). Safe to re-run: numbers already there are left unchanged. Needs an administrator key.',
    )
    .argument('<file>', 'CSV file with a header line')
    .option('--pool', 'load into the available pool (what SearchAvailablePhoneNumbers and orders draw from)', false)
    .option('--org <id>', "the organization whose inventory receives the numbers (default: the key's own)")
    .option('--dry-run', 'check every row locally and report what would change, sending nothing', false)
    .option('--from-line <n>', 'skip rows before this file line (to resume an interrupted import)', integerIn(2, 2 ** 31), 2)
    .option('--chunk-size <n>', `numbers per request, each applied as one transaction (1-${BATCH_MAX_ITEMS})`, integerIn(1, BATCH_MAX_ITEMS), BATCH_MAX_ITEMS)
    .option('--no-progress', 'print no progress (a bar on a terminal, plain lines otherwise)')
    .addHelpText(
      'after',
      '\nEvery chunk is one request and one transaction: it is applied whole or not at all. Ctrl-C (or SIGTERM) stops after the\n' +
        'current chunk and prints the --from-line to resume from. Exit codes: 0 all rows loaded (or already there), 1 some rows were\n' +
        'rejected or the server failed, 2 bad arguments or file, 130 interrupted.',
    )
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const context = commandContext<ImportOptions>(command);
      if (options.pool && options.org) throw new CliError('--org does not apply to --pool: the pool is shared by every organization', EXIT.usage);
      const connection = options.dryRun ? undefined : context.connection();
      const send = connection
        ? (items: unknown[]) =>
            options.pool
              ? connection.call<ImportResponse>('POST', '/admin/available-numbers?operation=import', { PhoneNumbers: items })
              : connection.call<ImportResponse>('POST', '/admin/phone-numbers?operation=import', {
                  ...(options.org ? { OrganizationId: options.org } : {}),
                  PhoneNumbers: items,
                })
        : undefined;
      const resumeCommand = (line: number) =>
        ['numberyard import', JSON.stringify(file).slice(1, -1), options.pool ? '--pool' : '', options.org ? `--org ${options.org}` : '', `--from-line ${line}`]
          .filter(Boolean)
          .join(' ');

      let summary: ImportSummary;
      try {
        summary = await runImport({
          file,
          target: options.pool ? 'pool' : 'inventory',
          chunkSize: options.chunkSize,
          fromLine: options.fromLine,
          showProgress: options.progress,
          ...(send ? { send } : {}),
          resumeCommand,
        });
      } catch (error) {
        if (!(error instanceof ImportFailed)) throw error;
        const failure = error.reason instanceof CliError ? error.reason : apiError(error.reason, connection?.endpoint ?? '');
        if (error.summary.rows === 0) throw failure;
        context.output.result(error.summary, summaryText);
        throw new CliError(`${failure.message}\nLines up to ${error.summary.lastLine} are applied. After fixing this, resume with:\n  ${error.summary.resumeCommand}`, failure.exitCode);
      }
      context.output.result(summary, summaryText);
      if (summary.interrupted) throw new CliError(`Interrupted; resume with: ${summary.resumeCommand}`, EXIT.interrupted);
      if (summary.rejected > 0) throw new CliError(`${summary.rejected} row(s) ${summary.dryRun ? 'are bad' : 'were not loaded'}; fix them (see above) and run the import again`);
    });
}
