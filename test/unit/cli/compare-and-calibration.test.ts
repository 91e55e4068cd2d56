import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createCliSandbox, type CliSandbox } from '../../support/cli.ts';
import { parseArgs } from '../../../src/cli/parse-args.ts';

const STARTER = readFileSync('scenarios/starter-two-hosts.yaml', 'utf8');

// `openssl speed -evp aes-256-gcm -bytes 1420` on the reference machine (throughput-cases.md,
// local-openssl-aes256gcm-1420: 2102376.27k bytes/s).
const SPEED = `The 'numbers' are in 1000s of bytes per second processed.
type           1420 bytes
AES-256-GCM    2102376.27k
`;

let box: CliSandbox;
beforeEach(() => {
  box = createCliSandbox();
  box.write('starter.yaml', STARTER);
  box.write('speed.txt', SPEED);
});
afterEach(() => box.remove());

describe('analyze --compare (SPEC T8)', () => {
  it('parses --compare and repeatable --cpu-calibration options', () => {
    expect(parseArgs(['analyze', 'x.yaml', '--compare', '--cpu-calibration', 'a.txt', '--cpu-calibration=c1=b.txt'])).toMatchObject({
      kind: 'analyze',
      compare: true,
      cpuCalibrations: ['a.txt', 'c1=b.txt'],
    });
    expect(parseArgs(['analyze', 'x.yaml'])).toMatchObject({ compare: false, cpuCalibrations: [] });
  });

  it('[T8] tabulates every alternative with the MTU each leaves on a 1500-byte Geneve underlay', async () => {
    const result = await box.run(['analyze', 'starter.yaml', '--compare', '--format', 'json']);
    const json = JSON.parse(result.stdout) as { comparison: { alternatives: { id: string; minInnerMtu: number }[] } };
    const mtu = Object.fromEntries(json.comparison.alternatives.map((a) => [a.id, a.minInnerMtu]));
    // By hand, link MTU 1500, OVN Geneve 58 bytes (domain-facts A.2):
    expect(mtu).toMatchObject({
      none: 1500 - 58, // 1442
      'ipsec-aes-gcm-256': 1466 - 58, // xfrm_state_mtu(1500) = ((1500-16-16-20)&~3)+20-2 = 1466 → 1408
      'ipsec-aes-cbc-hmac-sha256': 1458 - 58, // ((1500-24-16-20)&~15)+20-2 = 1458 → 1400
      'ipsec-null': 1474 - 58, // ESP-NULL: ((1500-8-16-20)&~3)+20-2 = 1474 → 1416
      wireguard: 1500 - 60 - 58, // 1382
      macsec: 1500 - 32 - 58, // 1410
      tls: 1442,
    });
  });

  it('[T8] the text report ends with the comparison table and a legend', async () => {
    const result = await box.run(['analyze', 'starter.yaml', '--compare']);
    expect(result.stdout).toMatch(/Protection options \(SPEC T8\)/);
    expect(result.stdout).toMatch(/WireGuard mesh\s+1382/);
    expect(result.stdout).toMatch(/no encryption\s+1442/);
  });
});

describe('own-hardware calibration', () => {
  it('cpu-calibration prints the block to paste: 2102376.27k B/s × 8 = 16.819 Gbit/s at 1420 bytes', async () => {
    const result = await box.run(['cpu-calibration', 'speed.txt']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('aes-256-gcm: { gbps: 16.819, bytes: 1420 }');
  });

  it('cpu-calibration on a file without figures exits 2', async () => {
    box.write('junk.txt', 'hello\n');
    expect((await box.run(['cpu-calibration', 'junk.txt'])).code).toBe(2);
  });

  it('[T4] --cpu-calibration changes the estimate and says where the figures came from', async () => {
    // Per-flow reasons are on-demand detail (estimateFlowDetail), not part of the bulk JSON; the
    // starter scenario encrypts nothing, so the calibrated cipher shows in the IPsec alternative (T8).
    type WithComparison = { comparison: { alternatives: { id: string; cryptoCores: number }[] } };
    const ipsecCores = (stdout: string): number =>
      (JSON.parse(stdout) as WithComparison).comparison.alternatives.find((a) => a.id === 'ipsec-aes-gcm-256')!.cryptoCores;
    const plain = await box.run(['analyze', 'starter.yaml', '--format', 'json', '--compare']);
    const calibrated = await box.run(['analyze', 'starter.yaml', '--format', 'json', '--compare', '--cpu-calibration', 'speed.txt']);
    expect(calibrated.stderr).toContain('using aes-256-gcm from speed.txt for every host');
    expect(ipsecCores(calibrated.stdout)).not.toBeCloseTo(ipsecCores(plain.stdout), 3);
  });

  it('an unreadable calibration file is a usage error', async () => {
    expect((await box.run(['analyze', 'starter.yaml', '--cpu-calibration', 'missing.txt'])).code).toBe(64);
  });
});
