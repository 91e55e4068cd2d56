/**
 * Command-line parsing for the CLI contract (SPEC §4): a command, one file, and a few options.
 * Hand-written because the grammar is tiny and errors must name the exact offending word.
 */
import { UsageError } from './cli-io.ts';

/** Report formats `analyze` accepts. */
export const FORMATS = ['text', 'json', 'md', 'html', 'pdf'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** Formats `diff` accepts (a diff is no printed document: no pdf). */
export const DIFF_FORMATS = ['text', 'json', 'md', 'html'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A parsed command line. */
export type Command =
  | { kind: 'help'; topic?: string }
  | { kind: 'version' }
  | {
      kind: 'analyze';
      file: string;
      format: OutputFormat;
      out?: string;
      attackers: string[];
      /** Tabulate the protection alternatives of SPEC T8 as well. */
      compare: boolean;
      /** `openssl speed` output files, each `path` (every host) or `host=path` (one host). */
      cpuCalibrations: string[];
      /** The report's date line (`YYYY-MM-DD`); default SOURCE_DATE_EPOCH, else today. */
      date?: string;
      /** Invoked as `report`: the full report, html by default, comparison included. */
      report?: boolean;
    }
  | { kind: 'diff'; before: string; after: string; format: DiffFormat; out?: string; date?: string }
  | { kind: 'validate'; file: string }
  | { kind: 'cpu-calibration'; file: string }
  /** `import` parses its own arguments (files and directories of host outputs). */
  | { kind: 'import'; args: string[] }
  /** `generate` parses its own options (generate-command.ts). */
  | { kind: 'generate'; args: string[] };

const VALUE_OPTIONS: Record<string, Record<string, string>> = {
  analyze: {
    '--format': 'format',
    '-f': 'format',
    '--out': 'out',
    '-o': 'out',
    '--attacker': 'attacker',
    '-a': 'attacker',
    '--cpu-calibration': 'cpuCalibration',
    '--date': 'date',
  },
  diff: { '--format': 'format', '-f': 'format', '--out': 'out', '-o': 'out', '--date': 'date' },
  validate: {},
  'cpu-calibration': {},
};

/** Options that take no value. */
const FLAG_OPTIONS: Record<string, Record<string, string>> = {
  analyze: { '--compare': 'compare' },
};

const COMMANDS = ['analyze', 'report', 'diff', 'validate', 'cpu-calibration'];

interface Scanned {
  positionals: string[];
  values: Map<string, string[]>;
  help: boolean;
}

function scan(command: string, args: readonly string[]): Scanned {
  // `report` is `analyze` with other defaults: the same options.
  const known = VALUE_OPTIONS[command === 'report' ? 'analyze' : command] ?? {};
  const flags = FLAG_OPTIONS[command === 'report' ? 'analyze' : command] ?? {};
  const scanned: Scanned = { positionals: [], values: new Map(), help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      scanned.positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      scanned.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      scanned.positionals.push(arg);
      continue;
    }
    const flagName = flags[arg];
    if (flagName !== undefined) {
      scanned.values.set(flagName, ['true']);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const name = known[flag];
    if (name === undefined) throw new UsageError(`unknown option '${flag}' for '${command}'`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new UsageError(`option '${flag}' needs a value`);
    scanned.values.set(name, [...(scanned.values.get(name) ?? []), value]);
  }
  return scanned;
}

function single(scanned: Scanned, name: string): string | undefined {
  const values = scanned.values.get(name) ?? [];
  if (values.length > 1) throw new UsageError(`option '--${name}' given more than once`);
  return values[0];
}

function onlyFile(command: string, positionals: readonly string[]): string {
  if (positionals.length === 0) throw new UsageError(`'${command}' needs a scenario file`);
  if (positionals.length > 1)
    throw new UsageError(`'${command}' takes one scenario file, got: ${positionals.join(' ')}`);
  return positionals[0] ?? '';
}

function parseFormat<F extends string>(value: string | undefined, formats: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  const format = formats.find((f) => f === value);
  if (!format) throw new UsageError(`unknown format '${value}' (expected one of: ${formats.join(', ')})`);
  return format;
}

function parseDiff(scanned: Scanned): Command {
  const [before, after, ...rest] = scanned.positionals;
  if (before === undefined || after === undefined) throw new UsageError("'diff' needs two scenario files: before and after");
  if (rest.length > 0) throw new UsageError(`'diff' takes two scenario files, got: ${scanned.positionals.join(' ')}`);
  const date = single(scanned, 'date');
  const out = single(scanned, 'out');
  return {
    kind: 'diff',
    before,
    after,
    format: parseFormat(single(scanned, 'format'), DIFF_FORMATS, 'text'),
    ...(out !== undefined ? { out } : {}),
    ...(date !== undefined ? { date } : {}),
  };
}

/** Parses argv (without `node` and the script); throws UsageError on anything it cannot accept. */
export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { kind: 'help' };
  if (first === '--version' || first === '-V' || first === 'version') return { kind: 'version' };
  if (first === 'help') return { kind: 'help', topic: rest[0] };
  if (first === 'import') return { kind: 'import', args: rest };
  if (first === 'generate') return rest.includes('--help') || rest.includes('-h') ? { kind: 'help', topic: 'generate' } : { kind: 'generate', args: rest };
  if (!COMMANDS.includes(first)) {
    throw new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`);
  }
  const scanned = scan(first, rest);
  if (scanned.help) return { kind: 'help', topic: first };
  if (first === 'diff') return parseDiff(scanned);
  const file = onlyFile(first, scanned.positionals);
  if (first === 'validate') return { kind: 'validate', file };
  if (first === 'cpu-calibration') return { kind: 'cpu-calibration', file };
  const report = first === 'report';
  const date = single(scanned, 'date');
  return {
    kind: 'analyze',
    file,
    format: parseFormat(single(scanned, 'format'), FORMATS, report ? 'html' : 'text'),
    out: single(scanned, 'out'),
    attackers: scanned.values.get('attacker') ?? [],
    compare: report || scanned.values.has('compare'),
    cpuCalibrations: scanned.values.get('cpuCalibration') ?? [],
    ...(date !== undefined ? { date } : {}),
    ...(report ? { report } : {}),
  };
}
