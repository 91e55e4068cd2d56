/**
 * `plainsight generate [options]` (issue 8): a realistic, seeded scenario from parameters, printed
 * as scenario YAML (or written with --out). Same options, same file.
 */
import { generateScenario, type GenerateOptions } from '../../generate/generate-scenario.ts';
import { serializeScenario } from '../../model/serialize-scenario.ts';
import { EXIT, UsageError, type CliIo } from '../cli-io.ts';

/** Numeric options and the generator option each sets. */
const NUMBERS: Record<string, keyof GenerateOptions> = {
  '--hosts': 'hosts',
  '--sites': 'sites',
  '--racks-per-site': 'racksPerSite',
  '--hosts-per-rack': 'hostsPerRack',
  '--spines': 'spines',
  '--provider-networks': 'providerNetworks',
  '--tenant-networks': 'tenantNetworks',
  '--workloads-per-host': 'workloadsPerHost',
  '--flows-per-workload': 'flowsPerWorkload',
  '--attackers': 'attackers',
  '--seed': 'seed',
};

/** Upper bound of any count: beyond it a scenario no longer fits in memory anyway. */
const MAX_COUNT = 1_000_000;

function count(flag: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`option '${flag}' needs a value`);
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n > MAX_COUNT) throw new UsageError(`option '${flag}' needs a whole number up to ${MAX_COUNT}, got '${value}'`);
  return n;
}

/** Parses the generate options; throws UsageError on anything unknown. */
export function parseGenerateArgs(args: readonly string[]): { options: GenerateOptions; out?: string } {
  const options: Record<string, unknown> = {};
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = flag !== arg ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--ipsec' || flag === '--no-ipsec') options.ipsec = flag === '--ipsec';
    else if (flag === '--overlay') {
      const v = value();
      if (v !== 'ovn' && v !== 'ovs' && v !== 'none') throw new UsageError(`option '--overlay' needs ovn, ovs or none, got '${v ?? ''}'`);
      options.overlay = v;
    } else if (flag === '--out' || flag === '-o') out = value() || undefined;
    else if (NUMBERS[flag] !== undefined) options[NUMBERS[flag]] = count(flag, value());
    else throw new UsageError(`unknown ${arg.startsWith('-') ? 'option' : 'argument'} '${flag}' for 'generate'`);
  }
  return { options: options as GenerateOptions, ...(out !== undefined ? { out } : {}) };
}

/** Generates a scenario and prints (or writes) it as YAML. */
export async function generateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { options, out } = parseGenerateArgs(args);
  const yaml = serializeScenario(generateScenario(options));
  if (out === undefined) {
    io.stdout(yaml);
    return EXIT.ok;
  }
  try {
    await io.writeFile(out, yaml);
  } catch (error) {
    io.stderr(`plainsight: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.cantCreate;
  }
  return EXIT.ok;
}
