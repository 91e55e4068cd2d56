import { describe, expect, it } from 'vitest';
import { runImport, type ImportIo } from '../../../src/cli/import-command.ts';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { fixtureDir } from './read-fixture.ts';

/** An in-memory file system: `dir/` holds the OVN fixture files. */
function memoryIo(
  files: Record<string, string>,
): ImportIo & { out: string; err: string; written: Record<string, string> } {
  const io = {
    out: '',
    err: '',
    written: {} as Record<string, string>,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
    readFile: async (path: string) => {
      if (!(path in files))
        throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
      return files[path]!;
    },
    readDir: async (path: string) => {
      const prefix = `${path.replace(/\/$/, '')}/`;
      const names = Object.keys(files)
        .filter((f) => f.startsWith(prefix))
        .map((f) => f.slice(prefix.length).split('/')[0]!);
      if (names.length === 0) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
      return [...new Set(names)];
    },
    writeFile: async (path: string, data: string) => void (io.written[path] = data),
  };
  return io;
}

const ovn = Object.fromEntries(fixtureDir('ovn-3-hosts').map((f) => [`dir/${f.name}`, f.text]));

describe('plainsight import', () => {
  it('imports a directory, writes a valid scenario to --out and prints the summary', async () => {
    const io = memoryIo(ovn);
    expect(await runImport(['dir', '--out', 'scenario.yaml'], io)).toBe(0);
    const parsed = parseScenario(io.written['scenario.yaml']!);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.model!.hosts.map((h) => h.id)).toEqual([
      'compute-1',
      'compute-2',
      'compute-3',
      'controller-1',
    ]);
    expect(io.out).toContain('Imported 4 host(s), 3 tunnel(s), 24 SA(s) from 4 file(s) → scenario.yaml');
    expect(io.out).toContain('Missing — the outputs cannot tell these');
    expect(io.err).toBe('');
  });

  it('without --out writes the YAML to stdout and the summary to stderr', async () => {
    const io = memoryIo(ovn);
    expect(await runImport(['dir/compute-1.txt', 'dir/controller-1.txt'], io)).toBe(0);
    expect(io.out.startsWith('plainsight: 1\n')).toBe(true);
    expect(io.err).toContain('→ stdout');
  });

  it('exits 64 on a usage error, 66 on a missing file, 2 when nothing could be imported', async () => {
    expect(await runImport([], memoryIo({}))).toBe(64);
    expect(await runImport(['--bogus', 'x'], memoryIo({}))).toBe(64);
    expect(await runImport(['missing.txt'], memoryIo({}))).toBe(66);
    const io = memoryIo({ 'notes.txt': 'just some notes\n' });
    expect(await runImport(['notes.txt'], io)).toBe(2);
    expect(io.err).toContain('notes.txt:1: warning unrecognised_line');
  });

  it('refuses an archive with a hint to extract it', async () => {
    const io = memoryIo({ 'outputs.tar': 'compute-1.txt\u0000\u0000\u0000' });
    expect(await runImport(['outputs.tar'], io)).toBe(66);
    expect(io.err).toContain('extract it first');
  });
});
