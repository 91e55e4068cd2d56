/**
 * Prints a normalised scenario as a scenario file, for counter-examples: the YAML a user could
 * paste into `plainsight analyze` to reproduce a failing property. It uses the model's writer;
 * should the writer itself fail (it is under test too), a plain rendering of the file document
 * with defaults and empty lists left out takes its place, so a report is never lost.
 */
import { Document, isScalar, visit } from 'yaml';
import { serializeScenario } from '../../src/model/serialize-scenario.ts';
import type { Scenario } from '../../src/model/types.ts';
import { defaultCpu } from './model-defaults.ts';
import { toFileDocument, type Json } from './to-file-document.ts';

type Doc = { [key: string]: Json };

/** SPEC §1.1 Flow defaults: tcp, no TLS, 1 Gbit/s. */
const FLOW_DEFAULTS: Doc = { proto: 'tcp', tls: false, rateGbps: 1 };

function dropEqual(doc: Doc, defaults: Doc): void {
  for (const [key, value] of Object.entries(defaults)) if (doc[key] === value) delete doc[key];
}

function dropEmptyLists(doc: Doc): void {
  for (const [key, value] of Object.entries(doc)) if (Array.isArray(value) && value.length === 0) delete doc[key];
}

function compactDocument(doc: Doc): Doc {
  for (const host of (doc.hosts ?? []) as Doc[]) {
    if (JSON.stringify(host.cpu) === JSON.stringify(defaultCpu)) delete host.cpu;
    dropEmptyLists(host.nic as Doc);
  }
  for (const flow of (doc.flows ?? []) as Doc[]) dropEqual(flow, FLOW_DEFAULTS);
  for (const attacker of (doc.attackers ?? []) as Doc[]) {
    dropEmptyLists(attacker.at as Doc);
    dropEmptyLists(attacker);
  }
  dropEmptyLists(doc);
  if (JSON.stringify(doc.layout) === '{}') delete doc.layout;
  return doc;
}

/** The scenario as YAML without the model's writer (file form, SPEC §1, defaults left out). */
export function plainScenarioYaml(s: Scenario): string {
  const document = new Document(compactDocument(toFileDocument(s)));
  // Lists of ids read best on one line: `between: [h1, d1]`.
  visit(document, { Seq: (_key, node) => void (node.flow = node.items.every((item) => isScalar(item))) });
  return document.toString({ lineWidth: 0 });
}

/** The scenario as YAML (file form, SPEC §1), by the model's writer when it can. */
export function scenarioToYaml(s: Scenario): string {
  try {
    return serializeScenario(s);
  } catch (error) {
    return `# serializeScenario failed (${error instanceof Error ? error.message : String(error)}); plain rendering:\n${plainScenarioYaml(s)}`;
  }
}
