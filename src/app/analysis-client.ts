/**
 * Main-thread client of the analysis worker: every call is latest-wins per channel. A newer call
 * on a channel whose previous call is still running terminates that worker (real cancellation —
 * the engine is synchronous, so a message could never interrupt it) and starts a fresh one.
 */
import * as Comlink from 'comlink';
import { applyPatch, createModelReceiver, putSlice, sliceItems, type SlicePatch } from '../../workers/analysis-parts.ts';
import { createPackedRows, type ExposureRows } from '../../workers/exposure-rows.ts';
import { movedParts, unpackComparison, type PackedComparison, type PackedParts } from '../../workers/packed-comparison.ts';
import type { AnalysisApi, ReportFilesRequest } from '../../workers/analysis.api.ts';
import { COMPARISON_HALVES, mergeComparisons } from '../engine/throughput/comparison-halves.ts';
import type { Comparison } from '../engine/throughput/compare-protections.ts';
import type { Analysis, ExposureHead, Finding, LinkStatus } from '../engine/types.ts';
import type { FindingHead, HostLoadHead, LinkLoadHead } from '../../workers/result-heads.ts';
import type { HostLoad, LinkLoad, ThroughputAnalysis } from '../engine/throughput/types.ts';
import type { Scenario } from '../model/types.ts';
import { TextSender } from '../model/text-edit.ts';
import { rowsArray } from '../engine/row-list.ts';

/** Arguments of `analysisApi.analyze`, as plain structured-clone data. */
export type AnalyzeRequest = Parameters<AnalysisApi['analyze']>[0];
/** What `analysisApi.analyze` resolves to. */
type AnalysisResponse = Awaited<ReturnType<AnalysisApi['analyze']>>;

/**
 * An analysis as the page holds it. Its `exposures` are rows read by position, never a list to
 * walk: a packed result (every large one) makes a plain `none` pair only when asked for it, and a
 * 5,000-host region has 2.5 million pairs, so the page reaches them only through the worker's
 * per-attacker summary, a look-up by pair (`exposureLookup`) or a page of rows. Each pair is its
 * level and tamper bit (`ExposureHead`): the vantages and reasons of the one pair shown come from
 * the worker (`exposureDetail`). A plain `Analysis` (a small result, tests' fakes) is one as well.
 */
export type PageAnalysis = Omit<Analysis, 'exposures' | 'findings' | 'throughput'> & {
  exposures: ExposureRows<ExposureHead>;
  findings: PageFinding[];
  throughput: PageThroughput;
};

/** The throughput as the page holds it: host and link loads without their flow lists when they came from the worker. */
export type PageThroughput = Omit<ThroughputAnalysis, 'hosts' | 'links'> & { hosts: (HostLoad | HostLoadHead)[]; links: (LinkLoad | LinkLoadHead)[] };

/**
 * A finding as the page holds it: without its reasons when it came from the worker (`FindingHead`:
 * they come from `findingReasons` when the finding is opened), whole in a small plain `Analysis`.
 */
export type PageFinding = Finding | FindingHead;

/** What `AnalysisClient.analyze` resolves to: the worker's response, its exposures read in place. */
export type AnalyzeResult = Omit<AnalysisResponse, 'analysis' | 'packed'> & { analysis?: PageAnalysis };

/**
 * Progress as the app displays it: a fraction in [0, 1] and an optional phase name; with the
 * `paths` phase of a first analysis, the link statuses, final already (SPEC X8: they read the
 * traces alone), so the map can show them while the rest of the analysis runs.
 */
export interface Progress {
  fraction: number;
  phase?: string;
  links?: LinkStatus[];
}

/** The parsed model as it arrives ahead of its analysis: the topology first, then the whole model. */
export interface ModelUpdate {
  model: Scenario;
  /** False while the flows are still on their way: `model.flows` is empty then. */
  complete: boolean;
  /** Flows in the scenario, known before they arrive. */
  flowCount: number;
}

/** Resolves in a later task, so the page handles input and paints in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Slices of a large result requested before the one being unpacked has arrived. One at a time,
 * the worker idled while this thread unpacked and the other way round; four keep both busy
 * without queueing much more than a slice per side.
 */
const PARTS_AHEAD = 4;

/** The channel of full analyses: its worker holds the session that flow details and reports read when idle. */
const ANALYSIS_CHANNEL = 'analyze';

/** Raised for a call that a newer call on the same channel superseded. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer request');
    this.name = 'SupersededError';
  }
}

/** Whether an error only means "a newer request replaced this one". */
export function isSuperseded(error: unknown): boolean {
  return error instanceof SupersededError;
}

/** Creates a worker; injectable so tests and other runtimes can provide their own. */
export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module' });

/** Turns whatever the worker reports (a number or an object) into a display fraction. */
export function toProgress(value: unknown): Progress {
  if (typeof value === 'number') return { fraction: clamp(value > 1 ? value / 100 : value) };
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const phase = typeof v.phase === 'string' ? v.phase : typeof v.stage === 'string' ? v.stage : undefined;
    if (typeof v.fraction === 'number') return { fraction: clamp(v.fraction), phase };
    if (typeof v.done === 'number' && typeof v.total === 'number' && v.total > 0) {
      const links = Array.isArray(v.links) ? (v.links as LinkStatus[]) : undefined;
      return { fraction: clamp(v.done / v.total), phase, ...(links ? { links } : {}) };
    }
    if (typeof v.percent === 'number') return { fraction: clamp(v.percent / 100), phase };
    return { fraction: 0, phase };
  }
  return { fraction: 0 };
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

interface Channel {
  worker?: Worker;
  remote?: Comlink.Remote<AnalysisApi>;
  seq: number;
  running: number;
  /** Rejects the in-flight call of this channel when it is superseded. */
  abort?: () => void;
}

/** `request` with its table's packed parts copied and marked to be moved to the worker (`movedParts`). */
function partsMoved<T extends { comparison?: Comparison | PackedParts }>(request: T): T {
  const carried = request.comparison;
  if (!carried || !('packedParts' in carried)) return request;
  const moved = movedParts(carried.packedParts);
  return Comlink.transfer({ ...request, comparison: moved.carried }, moved.buffers);
}

/** How long the analysis worker's idle-time work waits after the user's last gesture on the page. */
const HOLD_MS = 600;
/** At most one hold message per this many ms (a drag sends a pointer event per frame). */
const HOLD_EVERY_MS = 150;

/** Latest-wins client over one worker per channel (analysis, trace, tools). */
export class AnalysisClient {
  #channels = new Map<string, Channel>();
  #factory: WorkerFactory;
  /** The last analysis put together whole from parts, and the worker that sent it. */
  #whole?: { remote: Comlink.Remote<AnalysisApi>; id: number; result: Record<string, unknown>; model?: Scenario };
  /** Per worker, what sends its texts (each as an edit of the last one sent to it). */
  #texts = new WeakMap<Comlink.Remote<AnalysisApi>, TextSender>();
  /**
   * The last protection comparison and the text it is of: a report exported after a look at the
   * comparison view takes its table instead of working it out again (most of a report's work).
   */
  #lastComparison?: { text: string; fileName: string | undefined; comparison: Comparison };
  /**
   * Each table put together here from packed parts, with those parts: a report that takes the
   * table (`reportFiles`) sends them back. Posting the unpacked lists instead, millions of ids at
   * 5,000 hosts, held the page 1.0–1.8 s while it serialised them (`bench/explore.mjs` trace of the
   * exports, 2026-11-24).
   */
  #packedParts = new WeakMap<Comparison, PackedComparison[]>();
  /** Reports being made by the analysis worker from its session (`reportFiles`). */
  #exporting = 0;

  constructor(factory: WorkerFactory = defaultFactory) {
    this.#factory = factory;
  }

  /** When the analysis worker was last told that the user is busy with the page. */
  #heldAt = Number.NEGATIVE_INFINITY;

  /**
   * The user is busy with the page (a gesture on the map): the analysis worker's idle-time work
   * waits until a while after the last call (`AnalysisApi.holdIdleWork`), so that a pan's frames
   * have the cores. One message per `HOLD_EVERY_MS` at most; nothing when no worker is running.
   */
  holdIdleWork(): void {
    const remote = this.#channels.get(ANALYSIS_CHANNEL)?.remote;
    const now = performance.now();
    if (!remote || now - this.#heldAt < HOLD_EVERY_MS) return;
    this.#heldAt = now;
    remote.holdIdleWork(HOLD_MS).catch(() => {});
  }

  /**
   * Full analysis; supersedes any analysis still running. The worker sends the model as soon as it
   * is parsed, in slices that are unpacked while the analysis runs; `onModel` hears of it twice,
   * topology first (so a large file can be drawn seconds before its analysis is done), and the
   * result carries it as before.
   */
  analyze(
    req: AnalyzeRequest,
    onProgress?: (p: Progress) => void,
    onModel?: (update: ModelUpdate) => void,
  ): Promise<AnalyzeResult> {
    const cb = onProgress ? Comlink.proxy((v: unknown) => onProgress(toProgress(v))) : undefined;
    let model: Scenario | undefined;
    return this.#run(ANALYSIS_CHANNEL, async (api) => {
      // The last result put together whole by this very worker: slices that repeat it (its model's
      // and its analysis's) are kept.
      const basis = this.#whole?.remote === api ? this.#whole : undefined;
      this.#whole = undefined;
      const receive = createModelReceiver<Scenario>((m, complete, flowCount) => {
        if (complete) model = m;
        onModel?.({ model: m, complete, flowCount });
      }, basis?.model);
      const result = (await this.#withText(api, req, (sent) =>
        api.analyze({ ...sent, inParts: true, ...(basis ? { have: basis.id } : {}) }, cb as never, Comlink.proxy(receive) as never),
      )) as AnalysisResponse;
      // Only a valid scenario is analysed, and then its model came ahead (unless it came along).
      if (result.analysis && !result.model) result.model = model;
      const plan = result.parts;
      const slices = plan?.slices ?? [];
      const reuse = basis !== undefined && plan?.basis === basis.id;
      // Each slice is its own message, so the page stays responsive while a large result arrives.
      // A few are asked for ahead: the worker packs the next slices while this thread unpacks one.
      // A kept slice is taken from the last result, which holds the very same items.
      const fetched = slices.flatMap((slice, i) => (reuse && slice.kept ? [] : [i]));
      // A patched slice comes as the changed values of the last result's items (whole without that result).
      const asked = new Map<number, Promise<unknown[] | SlicePatch>>();
      let next = 0;
      for (let i = 0; i < slices.length; i++) {
        if (reuse && slices[i]!.kept) {
          putSlice(result as unknown as Record<string, unknown>, slices[i]!, sliceItems(basis.result, slices[i]!));
          continue;
        }
        while (next < fetched.length && asked.size < PARTS_AHEAD) {
          const index = fetched[next++]!;
          const part = api.analysisPart(plan!.id, index, !reuse);
          // Awaited in turn below; until then a failure must not count as unhandled.
          part.catch(() => {});
          asked.set(index, part);
        }
        const part = await asked.get(i)!;
        asked.delete(i);
        const slice = slices[i]!;
        const items = Array.isArray(part) ? part : applyPatch(sliceItems(basis!.result, slice), slice.patch ?? [], part);
        putSlice(result as unknown as Record<string, unknown>, slice, items);
      }
      delete result.parts;
      if (plan) this.#whole = { remote: api, id: plan.id, result: result as unknown as Record<string, unknown>, ...(result.model ? { model: result.model } : {}) };
      const { packed, findings, loads, ...rest } = result;
      if (!rest.analysis || (!packed && !findings && !loads)) return rest as AnalyzeResult;
      // The exposures stay packed (`analysis.exposures` came empty): rows read them in place. The
      // findings came without their reasons, the loads without their flows (their lists came empty).
      const analysis: PageAnalysis = { ...rest.analysis, ...(findings ? { findings } : {}) };
      if (loads) analysis.throughput = { ...rest.analysis.throughput, ...loads };
      if (packed) analysis.exposures = createPackedRows(packed, rowsArray(rest.analysis.flows));
      return { ...rest, analysis };
    });
  }

  /** Path and header stacks of one flow; supersedes an older trace still running. */
  traceFlow(req: AnalyzeRequest, flowId: string): ReturnType<AnalysisApi['traceFlow']> {
    return this.#run('trace', (api) => this.#withText(api, req, (sent) => api.traceFlow(sent, flowId))) as ReturnType<AnalysisApi['traceFlow']>;
  }

  /** Why a flow's throughput estimate is what it is (binding limit, dominant term); latest-wins. */
  explainThroughput(req: AnalyzeRequest, flowId: string): ReturnType<AnalysisApi['explainThroughput']> {
    return this.#run('explain', (api) => this.#withText(api, req, (sent) => api.explainThroughput(sent, flowId))) as ReturnType<
      AnalysisApi['explainThroughput']
    >;
  }

  /**
   * A flow's hop stacks and estimate reasons in one call. An idle analysis worker answers from its
   * session at once (it analysed this text); while it is busy, a worker of its own parses the text
   * and traces that flow alone (latest-wins). Calls on one worker are answered in order, so the
   * latest selection's answer always arrives last.
   */
  flowDetail(req: AnalyzeRequest, flowId: string): ReturnType<AnalysisApi['flowDetail']> {
    return this.#detail(req, (api, sent) => api.flowDetail(sent, flowId)) as ReturnType<AnalysisApi['flowDetail']>;
  }

  /**
   * One flow × attacker pair's exposure with its vantages and reasons (the page holds only its
   * level and tamper bit), routed as `flowDetail`.
   */
  exposureDetail(req: AnalyzeRequest, flowId: string, attackerId: string): ReturnType<AnalysisApi['exposureDetail']> {
    return this.#detail(req, (api, sent) => api.exposureDetail(sent, flowId, attackerId)) as ReturnType<AnalysisApi['exposureDetail']>;
  }

  /** The reasons of one finding of the analysis of this text (the page holds findings without them). */
  findingReasons(req: AnalyzeRequest, index: number): ReturnType<AnalysisApi['findingReasons']> {
    return this.#detail(req, (api, sent) => api.findingReasons(sent, index)) as ReturnType<AnalysisApi['findingReasons']>;
  }

  /** A detail call: on the idle analysis worker, which answers from its session, else on a worker of its own. */
  #detail<T>(req: AnalyzeRequest, call: (api: Comlink.Remote<AnalysisApi>, sent: AnalyzeRequest) => Promise<T>): Promise<T> {
    const analysis = this.#channels.get(ANALYSIS_CHANNEL);
    const remote = analysis?.remote;
    if (remote && analysis.running === 0 && this.#exporting === 0) return this.#withText(remote, req, (sent) => call(remote, sent));
    return this.#run('detail', (api) => this.#withText(api, req, (sent) => call(api, sent)));
  }

  /** Validation only (diagnostics for a file that is being opened). */
  validate(text: string, fileName?: string): ReturnType<AnalysisApi['validate']> {
    return this.#run('tools', (api) => api.validate(text, fileName)) as ReturnType<AnalysisApi['validate']>;
  }

  /**
   * SPEC T8 comparison of protection alternatives, when the worker offers `compare`; resolves to
   * undefined when it does not (older worker), so the view can say so instead of failing. Two
   * workers work out a half of the table each (`COMPARISON_HALVES`), one per core: the halves are
   * independent, and each comes back as a few numbers and flow lists per row. `channel` names the
   * first worker's channel (the second's is `<channel>-1`): the report export has its own, so that
   * it neither waits for nor supersedes the comparison view's. With `sideBySide` false (a scenario
   * too large for two at once, `comparesSideBySide`) one worker works out the whole table, and is
   * let go once it is done: idle, it still held 277–463 MB of a 5,000-host region (its parse and
   * caches) in the renderer that also holds the page, the analysis session and the exports
   * (`bench/explore.mjs` with `EXPLORE_HEAPS=1`, 2026-11-23), and the table is kept here.
   */
  async compare(req: AnalyzeRequest, channel = 'compare', sideBySide = true): Promise<Comparison | undefined> {
    // The table of this very text, worked out before (the comparison view's, then the report's).
    const last = this.#lastComparison;
    if (last && req.text !== undefined && last.text === req.text && last.fileName === req.fileName) return last.comparison;
    try {
      const parts = sideBySide ? COMPARISON_HALVES : [undefined];
      const packed: PackedComparison[] = [];
      const halves = await Promise.all(
        parts.map((only, i) =>
          this.#run(i === 0 ? channel : `${channel}-${i}`, async (api): Promise<Comparison | undefined> => {
            // Packed, each flow id crosses once instead of once per list it is in (packed-comparison.ts).
            const half = await this.#withText<Comparison | PackedComparison | undefined>(api, req, (sent) => api.compare(sent, only, true));
            if (half === undefined || !('packed' in half)) return half;
            packed.push(half);
            return unpackComparison(half);
          }),
        ),
      );
      const comparison = halves.every((half) => half !== undefined) ? mergeComparisons(halves) : undefined;
      // Kept in the order they arrived: `comparisonOf` joins them in table order.
      if (comparison && packed.length === halves.length) this.#packedParts.set(comparison, packed);
      if (comparison && req.text !== undefined) this.#lastComparison = { text: req.text, fileName: req.fileName, comparison };
      return comparison;
    } catch (error) {
      if (isSuperseded(error)) throw error;
      // Comlink reports a missing method as a TypeError about calling undefined.
      if (/not a function|'apply'|undefined/.test(String(error))) return undefined;
      throw error;
    } finally {
      if (!sideBySide) this.#letGo(channel);
    }
  }

  /**
   * A report's files (`analysisApi.reportFiles`). When the analysis worker is idle and its session
   * holds the analysis of this very text (the one on screen), it makes them from that session:
   * nothing is parsed or analysed a second time, where an export worker of its own would hold a
   * second analysis next to the session's in the same renderer process (a 5,000-host region's is
   * over 1.5 GB, and the page went down). Else the export worker parses and analyses the text.
   * An edit made meanwhile is analysed once the report is made; the flow detail asked for
   * meanwhile comes from a worker of its own (`flowDetail`).
   */
  async reportFiles(asked: Omit<ReportFilesRequest, 'fromSession' | 'textId' | 'textEdit'> & { text: string }): ReturnType<AnalysisApi['reportFiles']> {
    // A table put together here from packed parts goes back as those parts (`#packedParts`).
    const parts = asked.comparison && !('packedParts' in asked.comparison) ? this.#packedParts.get(asked.comparison) : undefined;
    const req = parts ? { ...asked, comparison: { packedParts: parts } } : asked;
    const analysis = this.#channels.get(ANALYSIS_CHANNEL);
    const remote = analysis?.remote;
    if (remote && analysis.running === 0) {
      this.#exporting++;
      try {
        const res = await this.#withText(remote, req as AnalyzeRequest, (sent) => remote.reportFiles(partsMoved({ ...(sent as ReportFilesRequest), fromSession: true })));
        if (res.held !== false) return res;
      } finally {
        this.#exporting--;
      }
    }
    return this.#run('export', (api) => api.reportFiles(partsMoved(req)));
  }

  /** Calls any API method on a named channel, latest-wins (used for optional APIs such as compare). */
  call<T>(channel: string, fn: (api: Comlink.Remote<AnalysisApi>) => Promise<T>): Promise<T> {
    return this.#run(channel, fn);
  }

  /**
   * Starts the worker of the analysis channel ahead of the first analysis, so that its script is
   * fetched and compiled while the page still boots and reads the working copy (about 0.2 s of a
   * large file's way to the map). Where no worker can be made, the first call reports it as before.
   */
  prestart(): void {
    const ch = this.#channel(ANALYSIS_CHANNEL);
    if (ch.remote) return;
    try {
      this.#spawn(ch);
    } catch {
      // No worker here (`new Worker` refused or absent): nothing started.
    }
  }

  /** Terminates every worker. */
  dispose(): void {
    for (const ch of this.#channels.values()) this.#kill(ch);
    this.#channels.clear();
  }

  /** The channel of that name, made (without a worker) the first time. */
  #channel(name: string): Channel {
    let ch = this.#channels.get(name);
    if (!ch) this.#channels.set(name, (ch = { seq: 0, running: 0 }));
    return ch;
  }

  async #run<T>(name: string, fn: (api: Comlink.Remote<AnalysisApi>) => Promise<T>): Promise<T> {
    const ch = this.#channel(name);
    const seq = ++ch.seq;
    if (ch.running > 0) this.#kill(ch);
    if (!ch.remote) this.#spawn(ch);
    const remote = ch.remote as Comlink.Remote<AnalysisApi>;
    ch.running++;
    const aborted = new Promise<never>((_, reject) => {
      ch.abort = () => reject(new SupersededError());
    });
    try {
      const result = await Promise.race([fn(remote), aborted]);
      if (seq !== ch.seq) throw new SupersededError();
      return result;
    } finally {
      if (seq === ch.seq) {
        ch.running = 0;
        ch.abort = undefined;
      }
    }
  }

  /**
   * Calls the worker with `req`, its text sent as an edit of the last text this worker was sent
   * (`textEdit`), or whole the first time; whole again should the worker not hold that text. Calls
   * on one worker arrive in the order they are made, so the worker holds what was sent last.
   */
  async #withText<T>(api: Comlink.Remote<AnalysisApi>, req: AnalyzeRequest, call: (sent: AnalyzeRequest) => Promise<T>): Promise<T> {
    const { text } = req;
    if (text === undefined) return call(req);
    let sender = this.#texts.get(api);
    if (!sender) this.#texts.set(api, (sender = new TextSender()));
    const { text: _whole, ...rest } = req;
    return sender.send(text, (sent) => call('text' in sent ? { ...req, textId: sent.id } : { ...rest, textId: sent.id, textEdit: { base: sent.base, ...sent.edit } }));
  }

  /** Terminates a channel's worker unless a call on it is running (a newer one, latest-wins); the next call starts another. */
  #letGo(name: string): void {
    const ch = this.#channels.get(name);
    if (ch && ch.running === 0) this.#kill(ch);
  }

  #spawn(ch: Channel): void {
    ch.worker = this.#factory();
    ch.remote = Comlink.wrap<AnalysisApi>(ch.worker);
  }

  #kill(ch: Channel): void {
    ch.abort?.();
    ch.abort = undefined;
    ch.remote?.[Comlink.releaseProxy]();
    ch.worker?.terminate();
    ch.worker = undefined;
    ch.remote = undefined;
    ch.running = 0;
  }
}
