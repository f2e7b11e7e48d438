// `numberyard export`: the inventory with its assignments as CSV or JSON, streamed page by page
// (ListPhoneNumbers with NextToken), so that it never holds the inventory in memory. Its CSV is
// what `numberyard import` reads (e164,product_type,name; the other columns are ignored there).
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { paginateListPhoneNumbers, type PhoneNumber } from '@aws-sdk/client-chime-sdk-voice';
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import type { ProductType } from '../../contract/enums';
import { LIST_MAX_RESULTS } from '../../contract/limits';
import { productTypeOption, statusOption } from '../support/arguments';
import { usageError } from '../support/cli-error';
import { commandContext } from '../support/command-context';
import { associationsText } from '../support/phone-number-format';

export const EXPORT_COLUMNS = ['e164', 'product_type', 'name', 'status', 'country', 'type', 'calling_name', 'associations', 'created', 'updated'] as const;

function csvRow(n: PhoneNumber): unknown[] {
  return [
    n.E164PhoneNumber,
    n.ProductType,
    n.Name ?? '',
    n.Status,
    n.Country,
    n.Type,
    n.CallingName ?? '',
    associationsText(n),
    n.CreatedTimestamp?.toISOString() ?? '',
    n.UpdatedTimestamp?.toISOString() ?? '',
  ];
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

interface ExportOptions {
  format: 'csv' | 'json';
  output?: string;
  force: boolean;
  status?: string;
  productType?: ProductType;
}

export function exportCommand(): Command {
  return new Command('export')
    .description("Write the inventory with each number's assignments as CSV (what `import` reads back) or JSON, page by page")
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--output <file>', 'write to this file instead of standard output (an existing file only with --force)')
    .option('--force', 'overwrite the --output file if it exists', false)
    .addOption(statusOption())
    .addOption(productTypeOption('--product-type <type>', 'only numbers of this product type'))
    .action(async (options: ExportOptions, command: Command) => {
      const context = commandContext<ExportOptions>(command);
      if (options.output && !options.force && fs.existsSync(options.output)) {
        throw usageError(`${options.output} exists: choose another name or pass --force to overwrite it`);
      }
      const { voice } = context.connection();
      // 'wx' also refuses a file that appeared since the check above.
      const stream: Writable = options.output ? fs.createWriteStream(options.output, { flags: options.force ? 'w' : 'wx' }) : process.stdout;
      const streamFailed = new Promise<never>((_, reject) => stream.once('error', reject));
      streamFailed.catch(() => {});
      let count = 0;
      let lastNote = Date.now();
      const pages = paginateListPhoneNumbers(
        { client: voice, pageSize: LIST_MAX_RESULTS },
        { Status: options.status, ProductType: options.productType as never },
      );
      const run = async () => {
        if (options.format === 'csv') await write(stream, stringify([EXPORT_COLUMNS as unknown as string[]]));
        else await write(stream, '[');
        for await (const page of pages) {
          const numbers = page.PhoneNumbers ?? [];
          if (numbers.length === 0) continue;
          const text =
            options.format === 'csv'
              ? stringify(numbers.map(csvRow))
              : numbers.map((n, i) => `${count + i === 0 ? '\n' : ',\n'}${JSON.stringify(n)}`).join('');
          count += numbers.length;
          await write(stream, text);
          if (options.output && Date.now() - lastNote > 2000) {
            lastNote = Date.now();
            context.output.note(`exported ${count} numbers…`);
          }
        }
        if (options.format === 'json') await write(stream, count === 0 ? ']\n' : '\n]\n');
        if (options.output) {
          stream.end();
          await once(stream, 'finish');
        }
      };
      await Promise.race([run(), streamFailed]);
      if (options.output) {
        context.output.result({ exported: count, format: options.format, output: options.output }, (r) => `Exported ${r.exported} numbers to ${r.output} (${r.format})`);
      }
    });
}
