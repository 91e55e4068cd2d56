/**
 * The world as `run()` sees it: output streams and file access passed in, so the CLI is tested
 * without spawning a process and main.ts stays a thin adapter.
 */

/** Streams, files and terminal facts the CLI needs. */
export interface CliIo {
  /** Writes to standard output (reports). */
  stdout: (text: string) => void;
  /** Writes to standard error (diagnostics, usage errors). */
  stderr: (text: string) => void;
  /** Reads a UTF-8 text file; rejects with a Node-style error (`code: 'ENOENT'`…) when it cannot. */
  readFile: (path: string) => Promise<string>;
  /** Writes a UTF-8 text file; very large outputs come as consecutive pieces. */
  writeFile: (path: string, text: string | Iterable<string>) => Promise<void>;
  /** Entry names of a directory (for `import <dir>`); rejects when `path` is not one. */
  readDir?: (path: string) => Promise<string[]>;
  /** Directory relative paths are resolved against; defaults to the process's. */
  cwd?: string;
  /** True when standard output is a terminal that may be coloured (TTY and NO_COLOR unset). */
  color?: boolean;
  /** Terminal width, when standard output is a terminal; reports wrap at min(columns, 100). */
  columns?: number;
}

/** Exit statuses (SPEC §4; 64–73 from BSD sysexits.h). */
export const EXIT = {
  ok: 0,
  requirementFailed: 1,
  invalidFile: 2,
  /** EX_USAGE: bad command line. */
  usage: 64,
  /** EX_NOINPUT: the input file does not exist or is unreadable. */
  noInput: 66,
  /** EX_SOFTWARE: an internal error (a bug in Plainsight, not in the scenario). */
  software: 70,
  /** EX_CANTCREAT: the output file cannot be written. */
  cantCreate: 73,
} as const;

/** Thrown for a bad command line; `run()` prints the message with a hint and exits 64. */
export class UsageError extends Error {
  override name = 'UsageError';
}
