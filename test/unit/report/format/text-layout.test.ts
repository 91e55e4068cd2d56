/**
 * Tables in the text reports stay readable and small when one cell is huge (a busy link's finding
 * names thousands of flows): that cell overflows its own row, the other rows are not padded to it.
 */
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../../src/report/format/text-layout.ts';

describe('renderTable', () => {
  it('pads columns to their widest cell', () => {
    expect(renderTable([['a', 'bb', 'x'], ['ccc', 'd', 'y']], '  ', 100)).toEqual(['  a    bb  x', '  ccc  d   y']);
  });

  it('pads no column past twice the line, so a 100,000-character cell cannot widen 10,000 rows', () => {
    const huge = Array.from({ length: 10_000 }, (_, i) => `f-${i}`).join(',');
    const rows = [['+', huge, 'message'], ...Array.from({ length: 10_000 }, (_, i) => ['+', `f-${i}`, 'message'])];
    const lines = renderTable(rows, '  ', 100);
    expect(lines).toHaveLength(10_001);
    expect(lines[0]!.length).toBeGreaterThan(huge.length);
    expect(Math.max(...lines.slice(1).map((l) => l.length))).toBeLessThanOrEqual(2 + 3 + 200 + 2 + 'message'.length);
  });
});
