import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareFindings, mergeFindings, runRules, sortedSubjects, type RuleInput } from '../../../../src/engine/exposure/run-rules.ts';
import { rules as registry } from '../../../../src/engine/exposure/rules/index.ts';
import type { Rule, RuleContext } from '../../../../src/engine/exposure/rules/rule.ts';
import type { Finding } from '../../../../src/engine/types.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import { scenario } from '../../../support/model-builder.ts';

function emptyInput(): RuleInput {
  const model = scenario().build();
  return {
    scenario: model,
    index: indexScenario(model),
    traces: new Map(),
    flows: [],
    links: [],
    exposures: [],
    requirements: [],
    throughput: { flows: [], hosts: [], links: [], problems: [] },
  };
}

/** A throwaway rule whose check is given; metadata is irrelevant to the runner. */
function fakeRule(
  id: string,
  check: (ctx: RuleContext) => void,
  severity: Rule['severity'] = 'medium',
): Rule {
  return {
    id,
    title: id,
    severity,
    description: `${id}.`,
    rationale: 'r',
    remediation: 'r',
    falsePositives: 'r',
    check,
  };
}

describe('runRules', () => {
  it('[§2.1] sorts findings by rule id, then subjects id by id, then message; subjects sorted and unique', () => {
    const b = fakeRule('b-rule', (ctx) => {
      ctx.report({ subjects: ['l2', 'f1'], message: 'second' });
      ctx.report({ subjects: ['f1', 'l1', 'f1'], message: 'z' });
      ctx.report({ subjects: ['f1', 'l1'], message: 'a' });
    });
    const a = fakeRule('a-rule', (ctx) => ctx.report({ subjects: ['x'], message: 'only' }));
    const findings = runRules(emptyInput(), [b, a]);
    expect(findings.map((f) => [f.rule, f.subjects, f.message])).toEqual([
      ['a-rule', ['x'], 'only'],
      ['b-rule', ['f1', 'l1'], 'a'],
      ['b-rule', ['f1', 'l1'], 'z'],
      ['b-rule', ['f1', 'l2'], 'second'],
    ]);
  });

  it('[§2.1] uses the rule severity unless a report overrides it', () => {
    const rule = fakeRule(
      'r',
      (ctx) => {
        ctx.report({ subjects: ['a'], message: 'default' });
        ctx.report({ subjects: ['b'], message: 'override', severity: 'info' });
      },
      'high',
    );
    expect(runRules(emptyInput(), [rule]).map((f) => f.severity)).toEqual(['high', 'info']);
  });

  it('[X9] merges duplicate reports into one finding, keeping every distinct reason and the higher severity', () => {
    const rule = fakeRule('r', (ctx) => {
      ctx.report({ subjects: ['f1'], message: 'm', reasons: [{ text: 'one' }], severity: 'low' });
      ctx.report({
        subjects: ['f1'],
        message: 'm',
        reasons: [{ text: 'one' }, { text: 'two' }],
        severity: 'high',
      });
    });
    expect(runRules(emptyInput(), [rule])).toEqual([
      {
        rule: 'r',
        severity: 'high',
        subjects: ['f1'],
        message: 'm',
        reasons: [{ text: 'one' }, { text: 'two' }],
      },
    ]);
  });

  it('gives byte-identical output whatever order the rules run and report in', () => {
    const reports = [
      { subjects: ['l1', 'f2'], message: 'x' },
      { subjects: ['f1'], message: 'y' },
      { subjects: ['f1'], message: 'x' },
    ];
    const forward = fakeRule('r', (ctx) => reports.forEach((r) => ctx.report(r)));
    const backward = fakeRule('r', (ctx) => [...reports].reverse().forEach((r) => ctx.report(r)));
    const other = fakeRule('q', (ctx) => ctx.report({ subjects: ['z'], message: 'q' }));
    expect(JSON.stringify(runRules(emptyInput(), [forward, other]))).toBe(
      JSON.stringify(runRules(emptyInput(), [other, backward])),
    );
  });

  it('lets a rule bug surface as an error naming the rule, never as silently missing findings', () => {
    const broken = fakeRule('broken-rule', () => {
      throw new TypeError('undefined is not an object');
    });
    expect(() => runRules(emptyInput(), [broken])).toThrow(/broken-rule.*undefined is not an object/);
  });

  it('[§2.1] runs the whole registry by default, and an empty scenario has no findings', () => {
    expect(registry.length).toBeGreaterThanOrEqual(13);
    expect(runRules(emptyInput())).toEqual([]);
  });
});

describe('sortedSubjects', () => {
  const reference = (ids: readonly string[]): string[] => [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  it('sorts and de-duplicates like a set sorted by code unit, for any list', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 30 }), (ids) => void expect(sortedSubjects(ids)).toEqual(reference(ids))));
  });

  it('places one leading id into an otherwise sorted list (a link before its flows), or drops it when listed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3 }), fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 30 }), (head, tail) => {
        const rest = reference(tail);
        expect(sortedSubjects([head, ...rest])).toEqual(reference([head, ...rest]));
      }),
    );
    expect(sortedSubjects(['l-9', 'f-1', 'f-2', 'm-1'])).toEqual(['f-1', 'f-2', 'l-9', 'm-1']);
    expect(sortedSubjects(['f-2', 'f-1', 'f-2'])).toEqual(['f-1', 'f-2']);
  });

  it('never hands back the caller’s array', () => {
    const ids = ['a', 'b'];
    expect(sortedSubjects(ids)).not.toBe(ids);
  });
});

describe('mergeFindings', () => {
  it('[§4] merging two sorted lists of findings gives the sort of both together, the first list first on ties', () => {
    const finding = fc
      .record({ rule: fc.constantFrom('a-rule', 'b-rule'), subjects: fc.array(fc.constantFrom('f1', 'f2', 'l1'), { maxLength: 3 }), message: fc.constantFrom('m', 'n') })
      .map((f): Finding => ({ ...f, severity: 'info', reasons: [] }));
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), fc.array(finding, { maxLength: 12 }), (a, b) => {
        const left = a.slice().sort(compareFindings);
        const right = b.slice().sort(compareFindings);
        expect(mergeFindings(left, right)).toEqual([...left, ...right].sort(compareFindings));
      }),
    );
  });
});
