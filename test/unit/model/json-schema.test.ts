import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, schemaFileText } from '../../../src/cli/write-schema.ts';
import { buildJsonSchema } from '../../../src/model/json-schema.ts';

type Json = Record<string, unknown>;
const schema = buildJsonSchema() as Json & {
  $defs: Record<string, Json & { properties: Record<string, Json> }>;
};

describe('the JSON Schema comes from the same schema source as the validator', () => {
  it('scenarios/plainsight.schema.json is the generated schema (run `npm run schema` after changing src/model/schema*.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaFileText());
  });

  it("[§1] requires plainsight: 1 and a name, and knows no other top-level field than the spec's", () => {
    expect(schema.required).toEqual(['plainsight', 'name']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties as Json)).toEqual([
      'plainsight',
      'name',
      'description',
      'sites',
      'hosts',
      'devices',
      'links',
      'bridges',
      'overlays',
      'tunnels',
      'networks',
      'workloads',
      'keystores',
      'ipsec',
      'wireguard',
      'flows',
      'attackers',
      'requirements',
      'layout',
    ]);
  });

  it('[§1.1] describes a host with its required fields, enums and the id pattern', () => {
    const host = schema.$defs.Host!;
    expect(host.required).toEqual(['id', 'site', 'role']);
    expect(host.properties.role).toMatchObject({
      enum: ['compute', 'network', 'controller', 'storage', 'gateway', 'external'],
    });
    expect(host.properties.id).toMatchObject({ type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]*$' });
  });

  it('[§1.1] carries bounds and defaults: VLAN 1–4094, port security on, MACsec integrity-only', () => {
    expect(schema.$defs.Network!.properties.vlan).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 4094,
    });
    expect(schema.$defs.Network!.properties.portSecurity).toMatchObject({ type: 'boolean', default: true });
    expect(schema.$defs.Macsec!.properties.encrypt).toMatchObject({ default: false });
    expect(schema.$defs.Link!.properties.gbps).toMatchObject({ type: 'number', exclusiveMinimum: 0 });
  });

  it('[§1.1] an IPsec policy has exactly one of between and members', () => {
    expect(schema.$defs.IpsecPolicy!.allOf).toEqual([
      { oneOf: [{ required: ['between'] }, { required: ['members'] }] },
    ]);
  });
});
