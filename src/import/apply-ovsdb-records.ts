/**
 * Reading OVSDB rows printed by `list` (any format) by the table they come from, told apart by
 * their columns: Interface (`name`, `type`, `options`), Open_vSwitch (`ovs_version`, `bridges`,
 * `other_config`, `external_ids`) and NB_Global / SB_Global (`ipsec`).
 */
import type { InputFile } from './input-file.ts';
import { atomOf, mapOf } from './parse-ovsdb-value.ts';
import type { OvsdbRecord } from './types.ts';

function applyRecord(input: InputFile, record: OvsdbRecord): boolean {
  const c = record.columns;
  if ('ipsec' in c && !('name' in c && 'type' in c)) {
    input.nbIpsec = atomOf(c.ipsec) === 'true';
    return true;
  }
  if ('ovs_version' in c || 'bridges' in c || 'db_version' in c) {
    if ('other_config' in c) input.otherConfig = { ...input.otherConfig, ...mapOf(c.other_config) };
    if ('external_ids' in c) input.externalIds = { ...input.externalIds, ...mapOf(c.external_ids) };
    return true;
  }
  const name = atomOf(c.name);
  if (name === undefined || !('type' in c || 'options' in c)) return false;
  const iface = { name, line: record.line, type: atomOf(c.type) ?? '', options: mapOf(c.options) };
  const known = input.interfaces.find((i) => i.name === name);
  // `show` and `list` describe the same rows; the later one only adds what the first lacked.
  if (known) known.options = { ...iface.options, ...known.options };
  else input.interfaces.push(iface);
  return true;
}

/** Applies rows to `input`; rows of tables the importer does not use get an info diagnostic. */
export function applyOvsdbRecords(input: InputFile, records: readonly OvsdbRecord[]): void {
  for (const record of records)
    if (!applyRecord(input, record))
      input.diagnostics.push({
        file: input.file,
        line: record.line,
        code: 'unused_record',
        severity: 'info',
        message: `a row with columns ${Object.keys(record.columns).join(', ')} is not from a table Plainsight reads (Interface, Open_vSwitch, NB_Global); skipped`,
      });
}

/** Applies a bare `{k=v}` map printed by `ovs-vsctl get Open_vSwitch . other_config|external_ids`. */
export function applyOvsMap(
  input: InputFile,
  map: Record<string, string>,
  command: string | undefined,
): 'other_config' | 'external_ids' {
  const isExternal =
    command?.includes('external_ids') ?? Object.keys(map).some((k) => /^(system-id|hostname|ovn-)/.test(k));
  if (isExternal) input.externalIds = { ...input.externalIds, ...map };
  else input.otherConfig = { ...input.otherConfig, ...map };
  return isExternal ? 'external_ids' : 'other_config';
}
