// What every command action starts from: its options merged with the program's global ones.
import type { Command } from 'commander';
import { connect, type Connection, type GlobalOptions } from './connection';
import { createOutput, type Output } from './output';

export interface CommandContext<O> {
  options: O & GlobalOptions;
  output: Output;
  /** The signed connection to the server (built on first use, so operator commands need no credentials). */
  connection(): Connection;
}

export function commandContext<O = Record<string, never>>(command: Command): CommandContext<O> {
  const options = command.optsWithGlobals<O & GlobalOptions>();
  let connection: Connection | undefined;
  return {
    options,
    output: createOutput(options.json === true),
    connection: () => (connection ??= connect(options)),
  };
}
