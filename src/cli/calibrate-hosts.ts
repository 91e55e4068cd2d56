/**
 * `--cpu-calibration`: reads `openssl speed -evp …` output and puts the measured figures on the
 * scenario's hosts (`cpu.calibration`), for every host or for the one named as `host=path`.
 */
import { resolve } from 'node:path';
import { parseOpensslSpeed } from '../engine/throughput/parse-openssl-speed.ts';
import type { Scenario } from '../model/types.ts';
import { UsageError, type CliIo } from './cli-io.ts';

function splitSpec(spec: string, model: Scenario): { host?: string; path: string } {
  const eq = spec.indexOf('=');
  if (eq > 0 && model.hosts.some((h) => h.id === spec.slice(0, eq))) return { host: spec.slice(0, eq), path: spec.slice(eq + 1) };
  return { path: spec };
}

/** Returns the scenario with each calibration applied in order (later ones win); reports what it used. */
export async function applyCpuCalibrations(model: Scenario, specs: readonly string[], io: CliIo): Promise<Scenario> {
  let result = model;
  for (const spec of specs) {
    const { host, path } = splitSpec(spec, model);
    let text: string;
    try {
      text = await io.readFile(resolve(io.cwd ?? process.cwd(), path));
    } catch {
      throw new UsageError(`--cpu-calibration: cannot read '${path}'`);
    }
    const { calibration, problems } = parseOpensslSpeed(text);
    for (const p of problems) io.stderr(`${path}:${p.line}: ${p.message}\n`);
    const primitives = Object.keys(calibration);
    if (primitives.length === 0) throw new UsageError(`--cpu-calibration: no 'openssl speed' figures found in '${path}'`);
    io.stderr(`plainsight: using ${primitives.sort().join(', ')} from ${path} for ${host ?? 'every host'}\n`);
    result = {
      ...result,
      hosts: result.hosts.map((h) => (host === undefined || h.id === host ? { ...h, cpu: { ...h.cpu, calibration: { ...h.cpu.calibration, ...calibration } } } : h)),
    };
  }
  return result;
}
