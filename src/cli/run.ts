/**
 * The CLI as a function: argv in, exit status out (SPEC §4). All input and output goes through
 * `io`, so tests call it directly and main.ts only adapts it to the process.
 */
import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { EXIT, UsageError, type CliIo } from './cli-io.ts';
import { helpText, USAGE_HINT } from './help.ts';
import { parseArgs } from './parse-args.ts';

export type { CliIo } from './cli-io.ts';

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help': {
      const text = helpText(command.topic);
      if (text === undefined) throw new UsageError(`no help for unknown command '${command.topic ?? ''}'`);
      io.stdout(text);
      return EXIT.ok;
    }
    case 'version':
      io.stdout(`plainsight ${packageJson.version}\n`);
      return EXIT.ok;
    // Commands load the parser and the engine on demand, so --help and --version start fast.
    case 'validate':
      return (await import('./commands/validate-command.ts')).validateCommand(command.file, io);
    case 'analyze':
      return (await import('./commands/analyze-command.ts')).analyzeCommand(command, io);
    case 'diff':
      return (await import('./commands/diff-command.ts')).diffCommand(command, io);
    case 'import': {
      const { runImport } = await import('./import-command.ts');
      // Paths on the command line are relative to the working directory the CLI was given.
      const at = (path: string): string => resolve(io.cwd ?? process.cwd(), path);
      const readDir = io.readDir ?? (async () => Promise.reject(new Error('directories are not supported here')));
      return runImport(command.args, {
        ...io,
        readFile: (path) => io.readFile(at(path)),
        writeFile: (path, text) => io.writeFile(at(path), text),
        readDir: (path) => readDir(at(path)),
      });
    }
    case 'cpu-calibration':
      return (await import('./commands/cpu-calibration-command.ts')).cpuCalibrationCommand(command.file, io);
    case 'generate': {
      const at = (path: string): string => resolve(io.cwd ?? process.cwd(), path);
      return (await import('./commands/generate-command.ts')).generateCommand(command.args, { ...io, writeFile: (path, text) => io.writeFile(at(path), text) });
    }
  }
}

/** Runs one CLI invocation; never throws: usage errors exit 64, bugs exit 70 with the stack. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`plainsight: ${error.message}\n${USAGE_HINT}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`plainsight: internal error (please report it with the scenario file):\n${detail}\n`);
    return EXIT.software;
  }
}
