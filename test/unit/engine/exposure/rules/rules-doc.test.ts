import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { expect, it } from 'vitest';
import { rules } from '../../../../../src/engine/exposure/rules/index.ts';
import { renderRulesDoc } from '../../../../support/render-rules-doc.ts';

const docPath = fileURLToPath(new URL('../../../../../docs/rules.md', import.meta.url));

it('docs/rules.md is the rendering of the rule registry metadata (UPDATE_SNAPSHOTS=1 rewrites it)', async () => {
  // Formatted as `npm run format` would, so formatting the repository never breaks this test.
  const options = { ...(await resolveConfig(docPath)), filepath: docPath };
  const rendered = await format(renderRulesDoc(rules), options);
  if (process.env['UPDATE_SNAPSHOTS'] === '1') writeFileSync(docPath, rendered);
  expect(readFileSync(docPath, 'utf8')).toBe(rendered);
});
