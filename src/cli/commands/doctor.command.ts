// `numberyard doctor`: checks the database's invariants on the server's host (its database directly,
// read-only, safe beside a running server). Exit code 0 when healthy, 1 when any check found breaches.
import { Command } from 'commander';
import type { DoctorReport } from '../../contract/doctor.schema';
import { integerIn } from '../support/arguments';
import { CliError, EXIT } from '../support/cli-error';
import { commandContext } from '../support/command-context';

interface DoctorCommandOptions {
  stuckOrderMinutes: number;
  maxExamples: number;
  full: boolean;
}

function reportText(report: DoctorReport): string {
  const lines = [`Checked ${report.PhoneNumbers} phone number(s) in the ${report.Dialect} database in ${report.DurationMs} ms.`];
  for (const check of report.Checks) {
    lines.push(`${check.Breaches === 0 ? 'ok  ' : 'FAIL'}  ${check.Description}${check.Breaches === 0 ? '' : `: ${check.Breaches} breach(es)`}`);
    for (const example of check.Examples) lines.push(`        ${example}`);
    if (check.Breaches > check.Examples.length && check.Examples.length > 0) lines.push(`        … and ${check.Breaches - check.Examples.length} more`);
  }
  lines.push(report.Healthy ? 'Healthy: every invariant holds.' : 'Breaches found (see FAIL above).');
  return `${lines.join('\n')}\n`;
}

export function doctorCommand(): Command {
  return new Command('doctor')
    .description("Check the database's invariants (one association per number, Status, targets, audit trail, stuck orders, SQLite integrity)")
    .option('--stuck-order-minutes <n>', 'an order still Processing after this many minutes counts as stuck', integerIn(1, 525_600), 60)
    .option('--full', "on SQLite, run PRAGMA integrity_check (slower: also matches every index to its table) instead of quick_check", false)
    .option('--max-examples <n>', 'how many numbers (orders, problems) to list per breached check', integerIn(1, 1000), 20)
    .addHelpText('after', "\nRuns on the server's host against its database (settings from the environment, like `serve`).\nExit codes: 0 healthy, 1 breaches found.")
    .action(async (options: DoctorCommandOptions, command: Command) => {
      const { output } = commandContext<DoctorCommandOptions>(command);
      const { withServices } = await import('../support/server-host');
      const report = await withServices((services) =>
        services.doctor.examine({ stuckOrderAfterMs: options.stuckOrderMinutes * 60_000, maxExamples: options.maxExamples, fullIntegrityCheck: options.full }),
      );
      output.result(report, reportText);
      if (!report.Healthy) {
        const failed = report.Checks.filter((c) => c.Breaches > 0).map((c) => c.Check);
        throw new CliError(`${failed.length} check(s) found breaches: ${failed.join(', ')}`, EXIT.failure);
      }
    });
}
