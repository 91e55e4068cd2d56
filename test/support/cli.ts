/**
 * Runs the CLI in-process against real files in a temporary directory, capturing stdout and
 * stderr: what a user would see, without spawning a process per test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type CliIo } from '../../src/cli/run.ts';

/** What one CLI invocation printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A scratch directory holding scenario files for CLI runs. */
export interface CliSandbox {
  dir: string;
  /** Writes a file under the sandbox and returns its path relative to it. */
  write(name: string, text: string): string;
  read(name: string): string;
  /** Runs `plainsight <argv>` with the sandbox as working directory. */
  run(argv: string[], io?: Partial<CliIo>): Promise<CliResult>;
  remove(): void;
}

/** Runs `plainsight <argv>` in-process with real files, capturing what it prints. */
export async function runCli(argv: string[], io: Partial<CliIo> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    ...io,
  });
  return { code, stdout, stderr };
}

/** Creates a sandbox in the OS temp directory. */
export function createCliSandbox(): CliSandbox {
  const dir = mkdtempSync(join(tmpdir(), 'plainsight-cli-'));
  return {
    dir,
    write(name, text) {
      writeFileSync(join(dir, name), text, 'utf8');
      return name;
    },
    read: (name) => readFileSync(join(dir, name), 'utf8'),
    run: (argv, overrides = {}) => runCli(argv, { cwd: dir, ...overrides }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
