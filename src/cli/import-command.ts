/**
 * `plainsight import <files or dirs>… [--out scenario.yaml] [--name "…"]`: status-command outputs
 * of a real deployment → a scenario (issue 6). Prints what was found and what is still missing;
 * the scenario goes to `--out`, or to stdout when no `--out` is given (the summary then goes to stderr).
 */
import { importDeployment } from '../import/import-deployment.ts';
import type { ImportDiagnostic, ImportResult } from '../import/types.ts';
import { serializeScenario } from '../model/serialize-scenario.ts';
import { parseScenario } from '../model/parse-scenario.ts';

/** What the command needs from the outside world. */
export interface ImportIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile(path: string): Promise<string>;
  /** Entry names of a directory; rejects when `path` is not one. */
  readDir(path: string): Promise<string[]>;
  writeFile(path: string, data: string): Promise<void>;
}

/** BSD sysexits.h, as the rest of the CLI (src/cli/cli-io.ts). */
const EXIT = { ok: 0, invalid: 2, usage: 64, noInput: 66, software: 70, cantCreate: 73 } as const;

const USAGE =
  'usage: plainsight import <files or directories>… [--out scenario.yaml] [--name "Scenario name"]\n';

interface Options {
  paths: string[];
  out?: string;
  name?: string;
}

function parseImportArgs(args: readonly string[]): Options | string {
  const options: Options = { paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out' || arg === '--name') {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === '--out') options.out = value;
      else options.name = value;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else options.paths.push(arg);
  }
  return options.paths.length === 0 ? 'give at least one file or directory of command outputs' : options;
}

/** Files under `path` (a file, or a directory read recursively, dot files skipped), sorted. */
async function collect(path: string, io: ImportIo): Promise<{ name: string; text: string }[]> {
  let entries: string[] | undefined;
  try {
    entries = await io.readDir(path);
  } catch {
    entries = undefined;
  }
  if (entries === undefined) {
    const text = await io.readFile(path);
    // Archives and other binaries: NUL bytes never occur in command output.
    if (text.includes('\u0000'))
      throw new Error(
        `${path} is not a text file (an archive? extract it first: tar xf …, then import the directory)`,
      );
    return [{ name: path, text }];
  }
  const files = await Promise.all(
    [...entries]
      .sort()
      .filter((e) => !e.startsWith('.'))
      .map((e) => collect(`${path.replace(/\/$/, '')}/${e}`, io)),
  );
  return files.flat();
}

function formatDiagnostic(d: ImportDiagnostic): string {
  const where =
    d.line === undefined ? d.file : `${d.file}:${d.line}${d.endLine !== undefined ? `-${d.endLine}` : ''}`;
  return `${where}: ${d.severity} ${d.code}: ${d.message}\n`;
}

/** The human summary: counts, files, inconsistencies, and what the user still has to add. */
export function formatImportSummary(result: ImportResult, target: string): string {
  const { summary } = result;
  const lines = [
    `Imported ${summary.hosts} host(s), ${summary.tunnels} tunnel(s), ${summary.sas} SA(s) from ${result.sources.length} file(s) → ${target}`,
    '',
    'Files:',
  ];
  for (const s of result.sources)
    lines.push(
      `  ${s.file}  host ${s.host ?? '(none: cluster-wide outputs)'}  [${s.formats.join(', ') || 'nothing recognised'}]`,
    );
  if (result.findings.length > 0) {
    lines.push('', `Inconsistencies (${result.findings.length}):`);
    for (const f of result.findings) lines.push(`  ${f.severity.padEnd(6)} ${f.id}: ${f.message}`);
  }
  lines.push('', 'Missing — the outputs cannot tell these; add them before trusting the analysis:');
  for (const m of summary.missing) lines.push(`  - ${m}`);
  return `${lines.join('\n')}\n`;
}

/** Runs `plainsight import`; returns the exit status. */
export async function runImport(args: string[], io: ImportIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const options = parseImportArgs(args);
  if (typeof options === 'string') {
    io.stderr(`plainsight import: ${options}\n${USAGE}`);
    return EXIT.usage;
  }
  let files: { name: string; text: string }[];
  try {
    files = (await Promise.all(options.paths.map((p) => collect(p, io)))).flat();
  } catch (error) {
    io.stderr(
      `plainsight import: cannot read input: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.noInput;
  }
  const result = importDeployment(files, options.name !== undefined ? { name: options.name } : {});
  for (const d of result.diagnostics) io.stderr(formatDiagnostic(d));
  if (result.scenario.hosts.length === 0) {
    io.stderr(
      'plainsight import: no host could be imported — none of the inputs holds a supported command output (see docs/import.md)\n',
    );
    return EXIT.invalid;
  }
  const yaml = serializeScenario(result.scenario);
  // What is written must load: an invalid import is a bug in Plainsight, not in the user's outputs.
  const checked = parseScenario(yaml);
  if (!checked.model) {
    io.stderr(
      `plainsight import: internal error, the imported scenario is invalid:\n${checked.diagnostics.map((d) => `  ${d.code}: ${d.message}`).join('\n')}\n`,
    );
    return EXIT.software;
  }
  const summary = formatImportSummary(result, options.out ?? 'stdout');
  if (options.out === undefined) {
    io.stdout(yaml);
    io.stderr(summary);
    return EXIT.ok;
  }
  try {
    await io.writeFile(options.out, yaml);
  } catch (error) {
    io.stderr(
      `plainsight import: cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.cantCreate;
  }
  io.stdout(summary);
  return EXIT.ok;
}
