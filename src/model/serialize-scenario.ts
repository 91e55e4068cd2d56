/**
 * The scenario writer: a model back to tidy YAML that parses to the same model (parse → serialize
 * → parse is the identity, a tested law). Defaults and derived values are left out, entities keep
 * their order, fields follow the schema's order, and `layout:` comes last.
 */
import { Document, isScalar, isSeq, visit } from 'yaml';
import { scenarioSchema } from './schema.ts';
import { stripDefaults } from './strip-defaults.ts';
import { toFileObject } from './to-file-object.ts';
import type { Scenario } from './types.ts';

/** Short lists of words and small mappings of numbers read best on one line (`between: [a, b]`). */
const FLOW_MAP_MAX_PAIRS = 4;

function isWordList(node: unknown): boolean {
  return isSeq(node) && node.items.length > 0 && node.items.every((item) => isScalar(item));
}

function useFlowStyle(doc: Document): void {
  visit(doc, {
    Seq(_key, node) {
      if (isWordList(node)) node.flow = true;
    },
    Map(_key, node, path) {
      const parent = path.at(-1);
      // Entities (items of a list) stay block mappings; nested small value mappings go inline.
      if (isSeq(parent) || path.length < 2) return;
      const scalarsOnly = node.items.every((pair) => isScalar(pair.value) || isWordList(pair.value));
      if (node.items.length > 0 && node.items.length <= FLOW_MAP_MAX_PAIRS && scalarsOnly) node.flow = true;
    },
  });
}

/** Writes a model as YAML; `serializeScenario(parseScenario(t).model)` parses back to the same model. */
export function serializeScenario(model: Scenario): string {
  const tidy = stripDefaults(scenarioSchema, toFileObject(model));
  const doc = new Document(tidy);
  useFlowStyle(doc);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
