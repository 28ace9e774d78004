import type { Command } from 'commander';

/** A command group (`cash entries …`) that several files add subcommands to: found if registered, else created. */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((command) => command.name() === name) ?? program.command(name).description(description);
}

/** Prints rows as aligned columns, for a person reading a terminal. */
export function printTable(rows: string[][]): void {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, [...cell].length)), []);
  for (const row of rows) {
    process.stdout.write(`${row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - [...cell].length))).join('  ')}\n`);
  }
}

export const printJsonLines = (items: unknown[]) => {
  for (const item of items) process.stdout.write(`${JSON.stringify(item)}\n`);
};
