import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/model/format-diagnostic.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { createCliSandbox, type CliSandbox } from '../../support/cli.ts';
import { AGAINST_ALL, FAILING, INVALID, PASSING, WITH_WARNING } from './fixtures/scenarios.ts';

let box: CliSandbox;
beforeEach(() => {
  box = createCliSandbox();
});
afterEach(() => box.remove());

describe('plainsight analyze: exit status', () => {
  it('[§4] exits 0 when every requirement holds', async () => {
    const result = await box.run(['analyze', box.write('pass.yaml', PASSING)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('[§4] exits 1 when a requirement fails', async () => {
    const result = await box.run(['analyze', box.write('fail.yaml', FAILING)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ r1  FAIL');
    expect(result.stdout).toContain('f1 × tap: payload');
  });

  it('[§4] exits 2 on an invalid file and prints nothing on stdout', async () => {
    const result = await box.run(['analyze', box.write('bad.yaml', INVALID)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('[§1.2] prints every diagnostic of an invalid file, each with file:line:column and its code frame', async () => {
    const file = box.write('bad.yaml', INVALID);
    const result = await box.run(['analyze', file]);
    const { diagnostics } = parseScenario(INVALID, { fileName: file });
    // No name, unknown site, unknown role, duplicate id: at least four problems, none hidden.
    expect(diagnostics.length).toBeGreaterThanOrEqual(4);
    for (const d of diagnostics) expect(result.stderr).toContain(formatDiagnostic(d, INVALID, file));
    expect(result.stderr.match(/bad\.yaml:\d+:\d+/g)?.length).toBeGreaterThanOrEqual(diagnostics.length);
    // Every frame quotes the offending source line.
    expect(result.stderr).toContain('- { id: a, site: nowhere, role: wizard }');
    expect(result.stderr).toMatch(/bad\.yaml: \d+ errors, \d+ warnings?\n$/);
  });

  it('[§4] never exits 0 on an invalid file, in any format', async () => {
    const file = box.write('bad.yaml', INVALID);
    for (const format of ['text', 'json', 'md']) {
      expect((await box.run(['analyze', file, '--format', format])).code).toBe(2);
    }
    expect((await box.run(['validate', file])).code).toBe(2);
    expect(
      (await box.run(['analyze', box.write('syntax.yaml', 'plainsight: 1\nname: [unclosed\n')])).code,
    ).toBe(2);
    expect((await box.run(['analyze', box.write('empty.yaml', '')])).code).toBe(2);
  });

  it('exits 66 with a clear message when the file does not exist or is a directory', async () => {
    const missing = await box.run(['analyze', 'nowhere.yaml']);
    expect(missing).toEqual({
      code: 66,
      stdout: '',
      stderr: "plainsight: cannot read 'nowhere.yaml': no such file\n",
    });
    mkdirSync(join(box.dir, 'dir.yaml'));
    const directory = await box.run(['validate', 'dir.yaml']);
    expect(directory.code).toBe(66);
    expect(directory.stderr).toBe("plainsight: cannot read 'dir.yaml': is a directory\n");
  });

  it.each([
    [['analyze'], "'analyze' needs a scenario file"],
    [['analyze', 'x.yaml', '--format', 'yaml'], "unknown format 'yaml'"],
    [['analyze', 'x.yaml', '--verbose'], "unknown option '--verbose'"],
    [['destroy', 'x.yaml'], "unknown command 'destroy'"],
    [['analyze', 'x.yaml', '--format', 'pdf'], '--format pdf needs --out'],
  ])('[§4] exits 64 on the usage error %j, pointing at the help', async (argv, message) => {
    const result = await box.run(argv);
    expect(result.code).toBe(64);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Run 'plainsight --help' for usage.");
  });

  it('exits 64 on an unknown --attacker and lists the known ones', async () => {
    const result = await box.run(['analyze', box.write('s.yaml', PASSING), '--attacker', 'ghost']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain("unknown attacker 'ghost' (known attackers: tap, root-b)");
  });

  it('exits 73 when the --out file cannot be written', async () => {
    const result = await box.run([
      'analyze',
      box.write('s.yaml', PASSING),
      '--out',
      'missing-dir/report.txt',
    ]);
    expect(result.code).toBe(73);
    expect(result.stderr).toContain("plainsight: cannot write 'missing-dir/report.txt'");
  });
});

describe('plainsight analyze --attacker', () => {
  it('[§4] keeps only the chosen attacker’s exposures', async () => {
    const result = await box.run([
      'analyze',
      box.write('s.yaml', AGAINST_ALL),
      '--format',
      'json',
      '--attacker',
      'tap',
    ]);
    const json = JSON.parse(result.stdout);
    expect(json.exposures.map((e: { flow: string; attacker: string }) => `${e.flow}×${e.attacker}`)).toEqual([
      'f1×tap',
      'f2×tap',
    ]);
  });

  it('[§4] evaluates requirements against the chosen attackers only', async () => {
    const file = box.write('s.yaml', FAILING);
    // r1 is against the tap, which sees f1's payload: it fails with the tap, has nothing to check without it.
    expect((await box.run(['analyze', file])).code).toBe(1);
    expect((await box.run(['analyze', file, '--attacker', 'tap'])).code).toBe(1);
    expect((await box.run(['analyze', file, '--attacker', 'root-b'])).code).toBe(0);
  });

  it('[§4] narrows the text matrix to the chosen attackers', async () => {
    const result = await box.run(['analyze', box.write('s.yaml', AGAINST_ALL), '-a', 'root-b']);
    expect(result.stdout).toContain('  FLOW  root-b\n  f1    payload!\n  f2    payload!\n');
    expect(result.stdout).not.toContain('tap');
  });
});

describe('plainsight analyze --format json', () => {
  it('[§4] prints the documented shape, one exposure per flow × attacker, sorted', async () => {
    const result = await box.run(['analyze', box.write('s.yaml', AGAINST_ALL), '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    // The documented keys first, in SPEC order; the throughput detail (SPEC §3) after them.
    expect(Object.keys(json)).toEqual([
      'plainsight',
      'scenario',
      'links',
      'flows',
      'exposures',
      'findings',
      'requirements',
      'throughput',
    ]);
    expect(json.plainsight).toBe(1);
    expect(json.scenario.name).toBe('Two hosts on one cable');
    expect(json.links).toEqual([{ id: 'l1', status: 'plaintext', flows: ['f1'] }]);
    expect(json.flows.map((f: { id: string; path: string[] }) => [f.id, f.path])).toEqual([
      ['f1', ['host:a', 'link:l1', 'host:b']],
      ['f2', ['host:b', 'link:l1', 'host:a']],
    ]);
    // 2 flows × 2 attackers, sorted by flow then attacker ('root-b' < 'tap').
    const cells = json.exposures.map(
      (e: { flow: string; attacker: string; level: string; tamper: boolean }) => [
        e.flow,
        e.attacker,
        e.level,
        e.tamper,
      ],
    );
    expect(cells).toEqual([
      ['f1', 'root-b', 'payload', true],
      ['f1', 'tap', 'payload', false],
      ['f2', 'root-b', 'payload', true],
      ['f2', 'tap', 'headers', false],
    ]);
    // r-any allows headers: every payload exposure fails it, f2 × tap (headers) does not.
    expect(json.requirements).toEqual([
      {
        id: 'r-any',
        pass: false,
        failures: [
          { flow: 'f1', attacker: 'root-b', level: 'payload', tamper: true },
          { flow: 'f1', attacker: 'tap', level: 'payload', tamper: false },
          { flow: 'f2', attacker: 'root-b', level: 'payload', tamper: true },
        ],
      },
    ]);
  });

  it('[§4] gives byte-identical output for the same file', async () => {
    const file = box.write('s.yaml', AGAINST_ALL);
    const first = await box.run(['analyze', file, '--format', 'json']);
    expect((await box.run(['analyze', file, '--format', 'json'])).stdout).toBe(first.stdout);
  });

  it('writes the report to --out instead of stdout', async () => {
    const result = await box.run([
      'analyze',
      box.write('s.yaml', PASSING),
      '--format',
      'json',
      '--out',
      'report.json',
    ]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(box.read('report.json')).scenario.name).toBe('Two hosts on one cable');
  });
});

describe('plainsight analyze (text and Markdown)', () => {
  it('prints the link table, the exposure matrix, paths, findings and requirements', async () => {
    const { stdout } = await box.run(['analyze', box.write('s.yaml', AGAINST_ALL)]);
    expect(stdout).toContain('Plainsight analysis: Two hosts on one cable\n');
    expect(stdout).toMatch(/\n {2}LINK +ENDS +SITE +STATUS +FLOWS\n {2}l1 +a ↔ b +dc +✗ plaintext +f1\n/);
    expect(stdout).toContain('  FLOW  root-b    tap\n  f1    payload!  payload\n  f2    payload!  headers\n');
    // Path under the flow id: 2 (indent) + 2 (id width) + 2 (gap) = 6 columns in.
    expect(stdout).toContain('\n      a ─l1─ b\n');
    expect(stdout).toContain('\nFindings\n');
    expect(stdout).toContain('requirement-failed');
    expect(stdout).toContain('  ✗ r-any  FAIL  all flows; against all attackers; at most headers\n');
    expect(stdout).not.toContain('\u001b[');
  });

  it('colours text only when the terminal allows it, and never in a file', async () => {
    const file = box.write('s.yaml', AGAINST_ALL);
    expect((await box.run(['analyze', file], { color: true })).stdout).toContain(
      '\u001b[31m✗ plaintext\u001b[39m',
    );
    await box.run(['analyze', file, '--out', 'r.txt'], { color: true });
    expect(box.read('r.txt')).not.toContain('\u001b[');
  });

  it('prints Markdown tables with --format md', async () => {
    const { stdout, code } = await box.run(['analyze', box.write('s.yaml', AGAINST_ALL), '--format', 'md']);
    expect(code).toBe(1);
    expect(stdout).toContain('| `l1` | a ↔ b | dc | ✗ plaintext | `f1` |');
    expect(stdout).toContain('| `f2` | payload! | headers |');
  });
});

describe('plainsight validate', () => {
  it('[§4] exits 0 on a valid file and confirms it', async () => {
    const result = await box.run(['validate', box.write('ok.yaml', PASSING)]);
    expect(result).toEqual({
      code: 0,
      stdout: 'ok.yaml: valid scenario "Two hosts on one cable"\n',
      stderr: '',
    });
  });

  it('[§1.2] prints warnings with their code frame but still exits 0', async () => {
    const result = await box.run(['validate', box.write('warn.yaml', WITH_WARNING)]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warn\.yaml:\d+:\d+/);
    expect(result.stderr).toContain('ghost');
    expect(result.stdout).toBe('warn.yaml: valid scenario "Two hosts on one cable" (0 errors, 1 warning)\n');
  });

  it('[§4] exits 2 on an invalid file', async () => {
    const result = await box.run(['validate', box.write('bad.yaml', INVALID)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('plainsight help and version', () => {
  it('prints the general help on --help, help and no arguments', async () => {
    for (const argv of [['--help'], ['help'], []]) {
      const result = await box.run(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('plainsight analyze <file> [--format text|json|md|html|pdf]');
    }
  });

  it('documents the report formats html, md and pdf', async () => {
    expect((await box.run(['help', 'analyze'])).stdout).toContain('html (one self-contained file, prints to PDF)');
  });

  it('prints the package version', async () => {
    expect((await box.run(['--version'])).stdout).toMatch(/^plainsight \d+\.\d+\.\d+\n$/);
  });
});
