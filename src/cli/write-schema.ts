/**
 * `npm run schema`: writes the JSON Schema generated from the scenario schema (src/model/schema.ts)
 * to scenarios/plainsight.schema.json, where editors and the sync test find it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildJsonSchema } from '../model/json-schema.ts';

/** The committed schema file, relative to this script. */
export const SCHEMA_FILE = fileURLToPath(new URL('../../scenarios/plainsight.schema.json', import.meta.url));

/** The exact text of the schema file: two-space JSON and a final newline. */
export function schemaFileText(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

// Run only as a script, so the sync test can import the helpers above.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, schemaFileText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
