// `numberyard demo`: fills the key's organization with a realistic sample (accounts and users, two
// Voice Connectors and a group, a SIP media application and rule, 300 numbers in the inventory and
// 200 in the pool, US and non-US, local and toll-free), so every console page has something to show.
import { Command } from 'commander';
import { loadDemo, type DemoStep } from '../demo/demo-loader';
import { commandContext } from '../support/command-context';

function stepText(s: DemoStep): string {
  if (s.skipped) return `  ${s.step}: skipped, ${s.skipped}`;
  return `  ${s.step}: ${s.created} created, ${s.alreadyThere} already there`;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description("Load a sample organization into the key's organization through the API (needs an administrator key; safe to run again)")
    .action(async (_options, command: Command) => {
      const context = commandContext(command);
      const connection = context.connection();
      if (!context.output.json) context.output.note(`Loading the demo organization into ${connection.endpoint} …`);
      const steps = await loadDemo(connection, (step) => {
        if (!context.output.json) context.output.note(stepText(step));
      });
      const consoleUrl = new URL('/console/', connection.endpoint).toString();
      context.output.result({ steps, consoleUrl }, (r) => `Done. Open ${r.consoleUrl} and sign in with the same access key to look around.`);
    });
}
