/**
 * Renders docs/rules.md from the rule registry, so the documentation is the metadata
 * (STYLE "Rules"); the docs test compares the file with this rendering.
 */
import type { Rule } from '../../src/engine/exposure/rules/rule.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function section(rule: Rule): string {
  return [
    `## ${rule.id}`,
    '',
    `**${rule.title}** (severity ${rule.severity}). ${rule.description}`,
    '',
    `**Why it matters.** ${rule.rationale}`,
    '',
    `**How to fix.** ${rule.remediation}`,
    '',
    `**Known false positives.** ${rule.falsePositives}`,
    '',
  ].join('\n');
}

/** The whole docs/rules.md: a summary table in registry order, then one section per rule. */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const header = [
    '# Plainsight finding rules',
    '',
    '<!-- Generated from src/engine/exposure/rules by test/support/render-rules-doc.ts.',
    '     Do not edit: change the rule metadata and run `UPDATE_SNAPSHOTS=1 npx vitest run test/unit/engine/exposure/rules`. -->',
    '',
    'Each finding names its rule id; a rule may lower or raise the severity of one finding (for example',
    '`plaintext-on-link` is informational inside trusted sites). SPEC §2.1 lists when each rule fires.',
    '',
    '| id | severity | fires when |',
    '|---|---|---|',
    ...rules.map(
      (rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${cell(rule.description)} |`,
    ),
    '',
  ];
  return [...header, ...rules.map(section)].join('\n');
}
