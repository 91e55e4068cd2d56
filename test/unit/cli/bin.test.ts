import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');

/** Runs the real `plainsight` bin (tsx bootstrap → main.ts → run) as a child process. */
async function plainsight(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(root, 'bin/plainsight.mjs'), ...args],
      {
        cwd: root,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bin/plainsight.mjs', () => {
  it('[§4] runs analyze from a checkout and exits with the requirement verdict', async () => {
    // The starter's r1 (at most metadata, no tampering) fails: the tap reads and tampers with f1
    // (scenarios/expected/starter-two-hosts.expected.yaml).
    const result = await plainsight(['analyze', 'scenarios/starter-two-hosts.yaml', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).requirements).toEqual([
      expect.objectContaining({ id: 'r1', pass: false }),
    ]);
  }, 30_000);

  it('[§4] exits 64 on a usage error, with the message on stderr', async () => {
    const result = await plainsight(['analyse', 'x.yaml']);
    expect(result).toEqual({
      code: 64,
      stdout: '',
      stderr: "plainsight: unknown command 'analyse'\nRun 'plainsight --help' for usage.\n",
    });
  }, 30_000);
});
