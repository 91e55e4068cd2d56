import { describe, expect, it } from 'vitest';
import { renderBarChart } from '../../src/app/throughput/bar-chart.ts';

function draw(bars: Parameters<typeof renderBarChart>[1]) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  renderBarChart(svg, bars, { title: 'Overhead per packet', unit: 'bytes', width: 400 });
  return svg;
}

describe('bar chart (d3, rendered to SVG in jsdom)', () => {
  it('draws one bar per row, with a label, a value label and a tooltip carrying the unit', () => {
    const svg = draw([
      { label: 'f1', value: 92, tone: 'good' },
      { label: 'f2', value: 58, tone: 'bad', note: 'plaintext on l1' },
    ]);
    expect(svg.querySelectorAll('rect.bar')).toHaveLength(2);
    expect([...svg.querySelectorAll('.row-label')].map((t) => t.textContent)).toEqual(['f1', 'f2']);
    expect([...svg.querySelectorAll('.value-label')].map((t) => t.textContent)).toEqual(['92', '58']);
    expect([...svg.querySelectorAll('rect title')].map((t) => t.textContent)).toEqual(['f1: 92 bytes', 'f2: 58 bytes — plaintext on l1']);
  });

  it('has a titled x axis that starts at zero, so bar lengths compare honestly', () => {
    const svg = draw([{ label: 'f1', value: 92 }]);
    expect(svg.querySelector('.axis-label')?.textContent).toBe('bytes');
    expect(svg.querySelector('.axis .tick text')?.textContent).toBe('0');
    expect(svg.getAttribute('aria-label')).toBe('Overhead per packet');
  });

  it('bar widths are proportional to the values (92 vs 46 bytes → 2:1)', () => {
    const svg = draw([
      { label: 'a', value: 92 },
      { label: 'b', value: 46 },
    ]);
    const [a, b] = [...svg.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('width')));
    expect((a ?? 0) / (b ?? 1)).toBeCloseTo(2, 5);
  });

  it('a missing figure is drawn as n/a, not as zero', () => {
    const svg = draw([{ label: 'local', value: null }]);
    expect(svg.querySelector('.value-label')?.textContent).toBe('n/a');
  });
});
