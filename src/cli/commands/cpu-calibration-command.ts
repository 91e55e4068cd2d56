/**
 * `plainsight cpu-calibration <openssl-output>`: turns pasted `openssl speed -evp <cipher>` output
 * into the `cpu.calibration` block of a host, ready to paste into a scenario.
 */
import { resolve } from 'node:path';
import { formatCalibrationYaml, parseOpensslSpeed } from '../../engine/throughput/parse-openssl-speed.ts';
import { EXIT, type CliIo } from '../cli-io.ts';

/** Prints the calibration YAML block; exit 2 when the file holds no usable figures. */
export async function cpuCalibrationCommand(file: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = file === '-' ? await io.readFile('/dev/stdin') : await io.readFile(resolve(io.cwd ?? process.cwd(), file));
  } catch {
    io.stderr(`plainsight: cannot read '${file}'\n`);
    return EXIT.noInput;
  }
  const { calibration, problems } = parseOpensslSpeed(text);
  for (const p of problems) io.stderr(`${file}:${p.line}: ${p.message}\n`);
  if (Object.keys(calibration).length === 0) {
    io.stderr(`plainsight: no 'openssl speed' figures found in '${file}'\n`);
    return EXIT.invalidFile;
  }
  io.stdout(`# paste under a host's cpu: in the scenario\ncpu:\n${formatCalibrationYaml(calibration, '  ')}`);
  return EXIT.ok;
}
