/**
 * A user's file survives the app's YAML view (SPEC §1, §1.2): a valid scenario, written by the
 * model's writer and parsed again, is the same model — and writing that again gives the same text.
 * The parser is also checked against an independent rendering of the file (test/support), as YAML
 * and as JSON (SPEC §1: "one YAML (or JSON) document"), and against the object validator the app
 * uses on edited models.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { serializeScenario } from '../../../src/model/serialize-scenario.ts';
import type { ParseResult, Scenario } from '../../../src/model/types.ts';
import { validateScenarioObject } from '../../../src/model/validate-scenario-object.ts';
import { scenarioArbitrary } from '../../support/arbitraries.ts';
import { checkProperty, PROPERTY_SEED, PROPERTY_TIMEOUT_MS } from '../../support/check-property.ts';
import { firstDifference } from '../../support/first-difference.ts';
import { plainScenarioYaml, scenarioToYaml } from '../../support/scenario-yaml.ts';
import { toFileDocument } from '../../support/to-file-document.ts';

const RUNS = 150;

/** The model of a parse result, or an error listing its error diagnostics. */
function modelOf(result: ParseResult, what: string): Scenario {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.model || errors.length > 0) {
    throw new Error(`${what} was rejected:\n${errors.map((d) => `  ${d.code} at ${JSON.stringify(d.path)}: ${d.message}`).join('\n')}`);
  }
  return result.model;
}

function assertSameModel(expected: Scenario, actual: Scenario, what: string): void {
  const difference = firstDifference(expected, actual);
  if (difference) throw new Error(`${what} changed the model at ${difference}`);
}

describe(`round trip of the scenario file (seed ${PROPERTY_SEED})`, () => {
  it('[§1] parse → write → parse is the identity, and writing twice gives the same text', () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const text = serializeScenario(s);
        const parsed = modelOf(parseScenario(text, { fileName: 'generated.yaml' }), 'the written file');
        assertSameModel(s, parsed, 'write → parse');
        const again = serializeScenario(parsed);
        if (again !== text) throw new Error(`writing the parsed model gives other text:\n${again}`);
      }),
      { numRuns: RUNS, show: plainScenarioYaml },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('[§1] a file written independently of the model writer parses to the same model, as YAML and as JSON', () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        const document = toFileDocument(s);
        assertSameModel(s, modelOf(parseScenario(plainScenarioYaml(s)), 'the YAML file'), 'YAML → parse');
        assertSameModel(s, modelOf(parseScenario(JSON.stringify(document, null, 1)), 'the JSON file'), 'JSON → parse');
      }),
      { numRuns: RUNS, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('[§1.2] validating a model object gives back the same model, and so does validating its file document', () => {
    checkProperty(
      fc.property(scenarioArbitrary, (s) => {
        assertSameModel(s, modelOf(validateScenarioObject(structuredClone(s)), 'the model object'), 'validateScenarioObject(model)');
        assertSameModel(s, modelOf(validateScenarioObject(toFileDocument(s)), 'the file document'), 'validateScenarioObject(document)');
      }),
      { numRuns: RUNS, show: scenarioToYaml },
    );
  }, PROPERTY_TIMEOUT_MS);
});
