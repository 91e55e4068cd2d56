/**
 * `FlowTable`: a one-shot analysis's flow results and summaries kept as columns, read as the lists
 * of objects they stand for, field for field and in the order SPEC §4 writes the fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowTable, flowResultRow } from '../../../src/engine/flow-table.ts';
import { rowsArray } from '../../../src/engine/row-list.ts';
import type { FlowResult } from '../../../src/engine/types.ts';
import type { FlowSummary } from '../../../src/engine/throughput/types.ts';
import type { Flow } from '../../../src/model/types.ts';

const flow = (id: string): Flow =>
  ({
    id,
    from: 'a',
    to: 'b',
    proto: 'tcp',
    port: 443,
    rateGbps: 1,
    class: 'data',
    sensitivity: 'internal',
  }) as Flow;

/** A number, null, or (a field present and unset) undefined. */
const figure = fc.oneof(
  fc.double(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(-0),
  fc.integer({ min: 0, max: 9000 }),
);

describe('FlowTable', () => {
  it('reads back every row as written: the values, null apart from undefined, -0, NaN, and the fields in their order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            mtu: figure,
            overhead: figure,
            max: figure,
            bottleneck: fc.oneof(
              fc.constant(null),
              fc.constant(undefined),
              fc.constantFrom('cpu:c1', 'link:l1'),
            ),
            unreachable: fc.option(fc.constantFrom('no underlay path from a to b'), { nil: undefined }),
            rate: fc.double(),
            packet: figure,
            payload: figure,
            efficiency: figure,
          }),
          { maxLength: 20 },
        ),
        (specs) => {
          const flows = specs.map((_, i) => flow(`f${i}`));
          const results: FlowResult[] = specs.map((s, i) =>
            s.unreachable !== undefined
              ? {
                  id: `f${i}`,
                  path: [],
                  plaintextLinks: [],
                  innerMtu: s.mtu ?? null,
                  overheadBytes: s.overhead ?? null,
                  unreachable: s.unreachable,
                  maxGbps: s.max,
                  bottleneck: s.bottleneck,
                }
              : {
                  id: `f${i}`,
                  path: ['host:a', `link:l${i}`, 'host:b'],
                  plaintextLinks: [`l${i}`],
                  innerMtu: s.mtu ?? null,
                  overheadBytes: s.overhead ?? null,
                  maxGbps: s.max,
                  bottleneck: s.bottleneck,
                },
          );
          const summaries = specs.map(
            (s, i): FlowSummary =>
              ({
                flow: `f${i}`,
                rateGbps: s.rate,
                packetBytes: s.packet,
                payloadBytes: s.payload,
                innerMtu: s.mtu,
                overheadBytes: s.overhead,
                wireEfficiency: s.efficiency,
                maxGbps: s.max,
                bottleneck: s.bottleneck,
              }) as FlowSummary,
          );
          const table = new FlowTable(flows);
          // Written out of order, as nothing promises otherwise.
          for (let i = specs.length - 1; i >= 0; i--) {
            table.setSummary(i, summaries[i]!);
            table.setResult(i, results[i]!);
          }
          const readResults = rowsArray(table.results);
          const readSummaries = rowsArray(table.summaries);
          for (let i = 0; i < specs.length; i++) {
            // Object.is tells -0 from 0 and NaN from NaN alike; the keys in their order.
            expect(Object.entries(readResults[i]!)).toEqual(Object.entries(results[i]!));
            expect(Object.keys(readSummaries[i]!)).toEqual(Object.keys(summaries[i]!));
            for (const key of Object.keys(summaries[i]!) as (keyof FlowSummary)[])
              expect(Object.is(readSummaries[i]![key], summaries[i]![key])).toBe(true);
            for (const key of Object.keys(results[i]!) as (keyof FlowResult)[])
              if (typeof results[i]![key] !== 'object')
                expect(Object.is(readResults[i]![key], results[i]![key])).toBe(true);
            // The path and plaintext lists are the ones written, not copies.
            expect(readResults[i]!.path).toBe(results[i]!.path);
          }
          expect(JSON.stringify(table.results)).toBe(JSON.stringify(results));
          expect(JSON.stringify(table.summaries)).toBe(JSON.stringify(summaries));
        },
      ),
    );
  });

  it('reads like a list: at (negative too), length, iteration, map, filter, find, slice', () => {
    const flows = ['f1', 'f2', 'f3'].map(flow);
    const table = new FlowTable(flows);
    flows.forEach((f, i) =>
      table.setResult(i, flowResultRow(f.id, [], [], 1500 - i, 50, undefined, i, null)),
    );
    const rows = table.results;
    expect(rows.length).toBe(3);
    expect(rows.at(-1)?.id).toBe('f3');
    expect(rows.at(3)).toBeUndefined();
    expect([...rows].map((r) => r.innerMtu)).toEqual([1500, 1499, 1498]);
    expect(rows.map((r, i) => `${r.id}@${i}`)).toEqual(['f1@0', 'f2@1', 'f3@2']);
    expect(rows.filter((r) => (r.maxGbps ?? 0) > 0).map((r) => r.id)).toEqual(['f2', 'f3']);
    expect(rows.find((r) => r.innerMtu === 1499)?.id).toBe('f2');
    // The row found is the very row the test was given.
    const seen: FlowResult[] = [];
    const found = rows.find((r) => (seen.push(r), r.id === 'f2'));
    expect(found).toBe(seen.at(-1));
    expect(rows.findIndex((r) => r.id === 'f3')).toBe(2);
    expect(rows.some((r) => r.id === 'f4')).toBe(false);
    expect(rows.every((r) => r.overheadBytes === 50)).toBe(true);
    expect(rows.slice(1).map((r) => r.id)).toEqual(['f2', 'f3']);
    // The whole list is made once and then read by every reader alike.
    const whole = rowsArray(rows);
    expect(rowsArray(rows)).toBe(whole);
    expect(rows.at(0)).toBe(whole[0]);
  });
});
