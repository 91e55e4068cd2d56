/**
 * The fuzz targets: each is a fast-check property over mutated input that must never throw (a
 * hang is caught by the test timeout, or by the `npm run fuzz` watchdog). `npm test` runs each a
 * bounded number of times (test/unit/properties/fuzz-targets.test.ts); `npm run fuzz` runs each at
 * least 100,000 times (fuzz/run.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { importDeployment } from '../../src/import/import-deployment.ts';
import { parseScenario } from '../../src/model/parse-scenario.ts';
import { serializeScenario } from '../../src/model/serialize-scenario.ts';
import { validateScenarioObject } from '../../src/model/validate-scenario-object.ts';
import { scenarioArbitrary } from '../support/arbitraries.ts';
import { scenarioToYaml } from '../support/scenario-yaml.ts';
import { toFileDocument } from '../support/to-file-document.ts';
import { checkAnalysable, checkParseResult } from './check-outcome.ts';
import { mutateDocument, mutationsArbitrary } from './mutate-document.ts';
import { mutateText, textEditsArbitrary } from './mutate-text.ts';

/** A fuzz target: a property plus how to print its counter-example. */
export interface FuzzTarget {
  name: string;
  /** What it feeds to what. */
  description: string;
  property: () => fc.IProperty<unknown[]>;
  show: (...args: unknown[]) => string;
}

const FIXTURES = new URL('../fixtures/import/', import.meta.url);

/** Importer inputs: every directory of test/fixtures/import, as the files of one deployment. */
function importFixtures(): { name: string; text: string }[][] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((dir) => readdirSync(new URL(`${dir.name}/`, FIXTURES)).sort().map((name) => ({ name, text: readFileSync(new URL(`${dir.name}/${name}`, FIXTURES), 'utf8') })));
}

const showScenarioEdit = (s: unknown, edits: unknown): string => `${scenarioToYaml(s as never)}edits: ${JSON.stringify(edits, null, 1).slice(0, 4000)}`;

function target<Ts extends unknown[]>(name: string, description: string, property: () => fc.IProperty<Ts>, show: (...args: Ts) => string): FuzzTarget {
  return { name, description, property: property as () => fc.IProperty<unknown[]>, show: show as (...args: unknown[]) => string };
}

/** Every fuzz target, in the order `npm run fuzz` runs them. */
export const fuzzTargets: FuzzTarget[] = [
  target(
    'analyze-generated',
    'valid generated scenarios → analyzeScenario',
    () => fc.property(scenarioArbitrary, (s) => checkAnalysable(s)),
    (s) => scenarioToYaml(s),
  ),
  target(
    'validate-object',
    'mutated scenario objects (with real object cycles) → validateScenarioObject → analyzeScenario',
    () => fc.property(scenarioArbitrary, mutationsArbitrary('object'), (s, m) => checkParseResult(validateScenarioObject(mutateDocument(toFileDocument(s), m)), { positions: false })),
    showScenarioEdit,
  ),
  target(
    'parse-mutated-document',
    'mutated scenario documents written as YAML → parseScenario → analyzeScenario',
    () => fc.property(scenarioArbitrary, mutationsArbitrary('text'), (s, m) => checkParseResult(parseScenario(stringify(mutateDocument(toFileDocument(s), m), { aliasDuplicateObjects: false })), { positions: true })),
    showScenarioEdit,
  ),
  target(
    'parse-mutated-text',
    'valid scenario files, truncated and edited as text (YAML or JSON) → parseScenario → analyzeScenario',
    () => fc.property(scenarioArbitrary, fc.boolean(), textEditsArbitrary, (s, json, edits) => {
      const text = json ? JSON.stringify(toFileDocument(s), null, 2) : serializeScenario(s);
      checkParseResult(parseScenario(mutateText(text, edits)), { positions: true });
    }),
    (s, json, edits) => `${json ? '(as JSON) ' : ''}${showScenarioEdit(s, edits)}`,
  ),
  target(
    'import-deployment',
    'importer fixtures, truncated and edited as text → importDeployment → a valid scenario → analyzeScenario',
    () => {
      const deployments = importFixtures();
      const files = fc.constantFrom(...deployments).chain((files) => fc.tuple(...files.map((f) => fc.tuple(fc.constant(f), fc.option(textEditsArbitrary, { nil: undefined })))));
      return fc.property(files, (chosen) => {
        const inputs = chosen.map(([f, edits]) => ({ name: f.name, text: edits ? mutateText(f.text, edits) : f.text }));
        const result = importDeployment(inputs);
        if (!result.scenario || !Array.isArray(result.diagnostics) || !Array.isArray(result.findings)) throw new Error('importDeployment gave no scenario, diagnostics or findings');
        JSON.stringify(result);
        // The import is a result the user can open: its scenario must pass the same validation as a file (SPEC §1.2).
        const validated = validateScenarioObject(result.scenario);
        const errors = validated.diagnostics.filter((d) => d.severity === 'error');
        if (!validated.model) throw new Error(`the imported scenario is invalid: ${errors.map((d) => `${d.code}: ${d.message}`).join('; ')}`);
        checkAnalysable(validated.model);
      });
    },
    (chosen) => (chosen as [{ name: string }, unknown][]).map(([f, edits]) => `${f.name}: ${JSON.stringify(edits ?? 'unchanged').slice(0, 2000)}`).join('\n'),
  ),
];
