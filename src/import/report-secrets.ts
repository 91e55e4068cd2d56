/**
 * Warnings for secrets found in the input: OVS prints PSKs in clear (`ovs-vsctl show`,
 * `tunnels/show`) and `ip xfrm state` prints SA keys (domain-facts D.1). The importer never copies
 * them into the scenario, but the operator should know the files hold them.
 */
import type { InputFile } from './input-file.ts';
import type { Section } from './split-sections.ts';
import type { ImportDiagnostic } from './types.ts';

const WHY =
  'it was not copied into the scenario (only a fingerprint is kept); delete or protect the input file';

/** One warning per place a secret appeared. */
export function reportSecrets(input: InputFile, sections: readonly Section[]): ImportDiagnostic[] {
  const out: ImportDiagnostic[] = [];
  const warn = (line: number, message: string): void => {
    out.push({
      file: input.file,
      line,
      code: 'secret_in_input',
      severity: 'warning',
      message: `${message}; ${WHY}`,
    });
  };
  for (const iface of input.interfaces)
    if (iface.options.psk !== undefined)
      warn(iface.line, `interface ${iface.name} shows its IPsec pre-shared key in clear`);
  for (const tunnel of input.monitorTunnels)
    if (tunnel.psk !== undefined)
      warn(tunnel.line, `tunnels/show prints the pre-shared key of ${tunnel.name} in clear`);
  const keyed = input.states.filter((s) => s.keyShown);
  if (keyed.length > 0)
    warn(
      keyed[0]!.line,
      `\`ip xfrm state\` printed the keys of ${keyed.length} SA(s) in clear (docs/import.md shows how to redact them digit for digit)`,
    );
  for (const section of sections) {
    const line = section.lines.find((l) => l.text.trim() !== '');
    if (section.format === 'unused-command' && /psk/i.test(section.command ?? '') && line)
      warn(line.no, `\`${section.command ?? ''}\` printed a pre-shared key`);
  }
  return out;
}
