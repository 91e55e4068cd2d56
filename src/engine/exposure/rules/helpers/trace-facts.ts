/**
 * What several rules ask of every hop of every flow, answered once per trace: whether the payload
 * is plaintext somewhere (with and without counting application TLS), whether an integrity-only
 * layer or two nested network-layer encryptions appear (SPEC X3, X8, §2.1). The answers are bit
 * flags cached per trace object, so rules walk only the flows that matter, and an analysis session
 * re-reads only the traces an edit replaced.
 */
import type { Flow } from '../../../../model/types.ts';
import type { FlowTrace, Layer } from '../../../types.ts';
import { sortedFlows } from './describe.ts';
import { traceAt } from '../../../trace-source.ts';

/** Some hop carries the payload with no confidentiality layer around it (SPEC X8). */
export const PLAINTEXT = 1;
/** Some hop carries it with no network-layer confidentiality (application TLS left out). */
export const BARE = 2;
/** Some hop has an integrity-only protection (ESP-NULL, MACsec without encrypt) around the payload. */
export const INTEGRITY_ONLY = 4;
/** Some hop has two or more confidential IPsec / WireGuard layers around the payload. */
export const NESTED = 8;

const byTrace = new WeakMap<FlowTrace, number>();

/** The flags one stack answers (a trace's are those of its stacks together). */
export function stackFacts(stack: readonly Layer[]): number {
  let facts = 0;
  let covered = false;
  let coveredBelowTls = false;
  let network = 0;
  for (const layer of stack) {
    if (layer.kind === 'payload') break;
    const p = layer.protection;
    if (!p) continue;
    if (!p.confidential) facts |= INTEGRITY_ONLY;
    else {
      covered = true;
      if (p.kind !== 'tls') coveredBelowTls = true;
      if (p.kind === 'ipsec' || p.kind === 'wireguard') network++;
    }
  }
  if (!covered) facts |= PLAINTEXT;
  if (!coveredBelowTls) facts |= BARE;
  if (network >= 2) facts |= NESTED;
  return facts;
}

/** The flags of one trace, read from its stacks. */
function factsOf(trace: FlowTrace): number {
  let facts = 0;
  let last: readonly Layer[] | undefined;
  for (const hop of trace.hops) {
    if (hop.stack !== last) facts |= stackFacts(hop.stack);
    last = hop.stack;
  }
  return facts;
}

/**
 * The flags of one trace (cached per trace object: what they read — kinds, confidentiality, which
 * layers are the flow's own — never changes once a trace is built; a cipher edit renames labels only).
 */
export function traceFacts(trace: FlowTrace): number {
  let facts = byTrace.get(trace);
  if (facts === undefined) {
    facts = factsOf(trace);
    byTrace.set(trace, facts);
  }
  return facts;
}

/**
 * The facts of every flow, aligned with `sortedFlows(ctx)`: the caller's (an analysis computes them
 * once for all rules, session-state.ts `ruleInputOf`), or read from each trace's cached flags.
 */
export function flowFacts(ctx: {
  scenario: { flows: readonly Flow[] };
  traces: ReadonlyMap<string, FlowTrace>;
  sortedFlows?: readonly Flow[];
  facts?: Uint8Array;
  /** The traces of `sortedFlows` in that order, when the caller has them lined up. */
  traceList?: readonly FlowTrace[];
}): Uint8Array {
  if (ctx.facts && ctx.sortedFlows && ctx.facts.length === ctx.sortedFlows.length) return ctx.facts;
  const flows = sortedFlows(ctx);
  const aligned = ctx.sortedFlows && ctx.traceList?.length === flows.length ? ctx.traceList : undefined;
  const flags = new Uint8Array(flows.length);
  flows.forEach((flow, i) => {
    const trace = traceAt(aligned ?? ctx.traces, i, flow.id);
    // Read, not cached per trace: the caller keeps the list, and a weak map of every trace of a
    // large region costs each garbage collection (ephemeron tables are marked to a fixed point).
    if (trace) flags[i] = factsOf(trace);
  });
  return flags;
}
