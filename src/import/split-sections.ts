/**
 * Cutting one input file into sections, one per command output: a marker line (`# ip xfrm
 * state`, a shell prompt) starts a section of the command's format; otherwise a line at column 0
 * that starts another known format does.
 */
import { detectFormat, readMarker, type SourceFormat } from './detect-format.ts';
import type { Line } from './types.ts';

/** Lines printed by one command; `format` undefined when nothing recognisable was found. */
export interface Section {
  format?: SourceFormat;
  /** The command of the marker line above it, when there was one. */
  command?: string;
  lines: Line[];
}

/** The host named by prompts or `# plainsight-host:` directives, and the sections of the file. */
export interface SplitFile {
  host?: string;
  hostLine?: number;
  sections: Section[];
}

/** Splits a file into command-output sections. */
export function splitSections(lines: readonly Line[]): SplitFile {
  const split: SplitFile = { sections: [] };
  let current: Section = { lines: [] };
  const start = (section: Section): void => {
    if (current.lines.length > 0 || current.command !== undefined) split.sections.push(current);
    current = section;
  };
  for (const line of lines) {
    const marker = readMarker(line);
    if (marker) {
      if (marker.host && split.host === undefined) [split.host, split.hostLine] = [marker.host, line.no];
      start(
        marker.format === null
          ? { lines: [] }
          : { command: marker.command, ...(marker.format ? { format: marker.format } : {}), lines: [] },
      );
      continue;
    }
    const detected = line.text.trim() === '' ? undefined : detectFormat(line);
    const atColumn0 = !/^\s/.test(line.text);
    // A marked section keeps its format; an unmarked one switches when another format starts.
    if (current.format === undefined && current.command === undefined && detected) {
      if (current.lines.some((l) => l.text.trim() !== '')) start({ format: detected, lines: [] });
      else current.format = detected;
    } else if (
      current.format !== undefined &&
      detected &&
      detected !== current.format &&
      atColumn0 &&
      current.command === undefined
    ) {
      start({ format: detected, lines: [] });
    } else if (current.command !== undefined && current.format === undefined && detected)
      current.format = detected;
    current.lines.push(line);
  }
  start({ lines: [] });
  return split;
}
