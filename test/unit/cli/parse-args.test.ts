import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/cli-io.ts';
import { parseArgs } from '../../../src/cli/parse-args.ts';

describe('parseArgs', () => {
  it.each([
    [
      ['analyze', 'a.yaml'],
      { kind: 'analyze', file: 'a.yaml', format: 'text', out: undefined, attackers: [], compare: false, cpuCalibrations: [] },
    ],
    [
      ['analyze', '--format', 'json', 'a.yaml', '--out=r.json', '-a', 'tap', '--attacker', 'root'],
      { kind: 'analyze', file: 'a.yaml', format: 'json', out: 'r.json', attackers: ['tap', 'root'], compare: false, cpuCalibrations: [] },
    ],
    [
      ['analyze', '-f', 'md', '--', '-odd.yaml'],
      { kind: 'analyze', file: '-odd.yaml', format: 'md', out: undefined, attackers: [], compare: false, cpuCalibrations: [] },
    ],
    [['validate', 'a.yaml'], { kind: 'validate', file: 'a.yaml' }],
    [[], { kind: 'help' }],
    [['--help'], { kind: 'help' }],
    [['help', 'analyze'], { kind: 'help', topic: 'analyze' }],
    [['analyze', '--help'], { kind: 'help', topic: 'analyze' }],
    [['--version'], { kind: 'version' }],
  ])('[§4] accepts %j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['--verbose'], "unknown option '--verbose'"],
    [['analyze'], "'analyze' needs a scenario file"],
    [['analyze', 'a.yaml', 'b.yaml'], "'analyze' takes one scenario file, got: a.yaml b.yaml"],
    [
      ['analyze', 'a.yaml', '--format', 'docx'],
      "unknown format 'docx' (expected one of: text, json, md, html, pdf)",
    ],
    [['analyze', 'a.yaml', '--format'], "option '--format' needs a value"],
    [['analyze', 'a.yaml', '--colour'], "unknown option '--colour' for 'analyze'"],
    [['analyze', 'a.yaml', '-f', 'json', '-f', 'md'], "option '--format' given more than once"],
    [['validate', 'a.yaml', '--format', 'json'], "unknown option '--format' for 'validate'"],
    [['validate'], "'validate' needs a scenario file"],
  ])('[§4] rejects %j as a usage error', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message));
  });
});
