/**
 * Interned protection objects (SPEC X3): one object per SA, WireGuard peer pair, MACsec link or
 * TLS session, shared by every hop and flow it covers.
 */
import type { Flow, IpsecPolicy, Link, TunnelIpsec, WireguardMesh } from '../../model/types.ts';
import type { Layer, Protection } from '../types.ts';

/** ESP layers and the rest of their labels after the cipher, in the order made. */
interface EspLabels {
  layers: Layer[];
  tails: string[];
}

/** The start of an ESP layer's label, up to its cipher. */
function espLabelHead(cipher: string): string {
  return `esp(${cipher}`;
}

/**
 * Joins parts into one flat string. A template literal of more than a few characters is kept by
 * V8 as a tree of its parts (32 bytes a node) until it is read; a region keeps hundreds of
 * thousands of labels and ids per host pair and flow, each about half the size flat.
 */
export function flatText(...parts: string[]): string {
  return parts.join('');
}

/** The rest of an ESP layer's label after its cipher: mode and the SA's ends. */
function espLabelTail(p: Protection): string {
  return flatText(', ', p.mode ?? 'transport', ', ', p.endpoints[0], '↔', p.endpoints[1], ')');
}

/** The id of the protection of `source` between two nodes (`kind:source:a|b`, the ends sorted, as `pairKey`). */
function pairId(kind: string, source: string, a: string, b: string): string {
  return a < b ? flatText(kind, ':', source, ':', a, '|', b) : flatText(kind, ':', source, ':', b, '|', a);
}

/** The label of an ESP layer (SPEC X2): cipher, mode and the SA's ends. */
export function espLabel(p: Protection): string {
  return espLabelHead(p.cipher) + espLabelTail(p);
}

function sortedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Creates and caches protection objects by id. */
export class ProtectionTable {
  /**
   * Whether the table keeps what an analysis session's edits read (`drop`, `recipher`, `relabel`):
   * each source's protections and ESP layers, and every flow's TLS session. A one-shot analysis,
   * never edited, keeps none of it (per SA an entry, a label tail; per TLS flow its session object,
   * though the flow's trace is let go).
   */
  private readonly forEdits: boolean;

  constructor(options: { forEdits?: boolean } = {}) {
    this.forEdits = options.forEdits ?? true;
  }

  private readonly byId = new Map<string, Protection>();
  /** The protections each source configured, so that `drop` and `recipher` find them without reading every entry. */
  private readonly bySource = new Map<string, Protection[]>();

  /**
   * The layers each SA puts on the wire (ESP, with the NAT-T header before it), by SA: they
   * depend on the SA alone, so every leg it protects, in either direction, shares them, and a
   * cipher edit relabels them here without walking the traces.
   */
  private readonly layersBySa = new Map<Protection, Layer[]>();

  /**
   * The ESP layers made for each source's SAs, with the part of each label after the cipher
   * (`espLabelTail`): a cipher edit relabels a source's layers in a row from these, without a
   * look-up per SA or making the rest of each label again.
   */
  private readonly espBySource = new Map<string, EspLabels>();

  private add(p: Protection): Protection {
    this.byId.set(p.id, p);
    if (!this.forEdits) return p;
    const list = this.bySource.get(p.source);
    if (list) list.push(p);
    else this.bySource.set(p.source, [p]);
    return p;
  }

  /**
   * Forgets the protections configured by `sources` (overlays, tunnels, flows whose TLS changed),
   * in place: an analysis session that moves on from this table makes those anew and keeps one
   * object per SA for every other source, without copying tens of thousands of entries.
   */
  drop(sources: ReadonlySet<string>): void {
    for (const source of sources) {
      for (const p of this.bySource.get(source) ?? []) {
        this.layersBySa.delete(p);
        if (this.byId.get(p.id) === p) this.byId.delete(p.id);
      }
      this.bySource.delete(source);
      this.espBySource.delete(source);
    }
    for (const source of sources) this.tlsByFlow.delete(source);
  }

  private readonly tlsByFlow = new Map<string, Protection>();

  /**
   * Gives the IPsec SAs configured by each source (overlay or explicit tunnel) its new cipher, in
   * place, and with it their confidentiality (ESP-NULL has none, SPEC X3): an analysis session
   * whose edit changed nothing but a cipher of the same ESP sizes (session/update-ciphers.ts)
   * keeps every trace that holds them, and the protection comparison estimates the five IPsec
   * ciphers over one set of traces (throughput/comparison-runs.ts). Their ESP layers keep their
   * labels until `relabel`.
   */
  recipher(ciphers: ReadonlyMap<string, string>): void {
    for (const [source, cipher] of ciphers) {
      for (const p of this.bySource.get(source) ?? []) {
        if (p.kind !== 'ipsec') continue;
        p.cipher = cipher;
        p.confidential = cipher !== 'null';
      }
    }
  }

  /**
   * The layers of SA `p` on the wire, made by `make` the first time (see `layersBySa`) with the
   * label its ESP layer takes (`espLabel`).
   */
  layersOf(p: Protection, make: (p: Protection, label: string) => Layer[]): Layer[] {
    let layers = this.layersBySa.get(p);
    if (layers) return layers;
    const tail = espLabelTail(p);
    this.layersBySa.set(p, (layers = make(p, espLabelHead(p.cipher) + tail)));
    if (!this.forEdits) return layers;
    for (const layer of layers) {
      if (layer.kind !== 'esp' || layer.protection !== p) continue;
      let made = this.espBySource.get(p.source);
      if (!made) this.espBySource.set(p.source, (made = { layers: [], tails: [] }));
      made.layers.push(layer);
      made.tails.push(tail);
    }
    return layers;
  }

  /**
   * Gives the ESP layers made so far for the SAs of each source (`layersOf`) the label of the
   * cipher it names, in place: `recipher` has given those SAs that cipher.
   */
  relabel(ciphers: ReadonlyMap<string, string>): void {
    for (const [source, cipher] of ciphers) {
      const made = this.espBySource.get(source);
      if (!made) continue;
      const head = espLabelHead(cipher);
      const { layers, tails } = made;
      for (let i = 0; i < layers.length; i++) layers[i]!.label = head + tails[i]!;
    }
  }

  /** The SA or peer pair of `source` between two nodes: one object per id (made the first time). */
  private pairInterned(id: string, make: (id: string) => Protection): Protection {
    return this.byId.get(id) ?? this.add(make(id));
  }

  private intern(id: string, make: (id: string) => Protection): Protection {
    return this.byId.get(id) ?? this.add(make(id));
  }

  /** ESP transport SA of an overlay's or explicit tunnel's IPsec between two hosts. */
  tunnelSa(source: string, ipsec: TunnelIpsec, a: string, b: string): Protection {
    return this.pairInterned(pairId('ipsec', source, a, b), (id) => ({
      kind: 'ipsec',
      id,
      source,
      endpoints: sortedPair(a, b),
      cipher: ipsec.cipher,
      confidential: ipsec.cipher !== 'null',
      auth: ipsec.auth,
      ...(ipsec.keystore !== undefined ? { keystore: ipsec.keystore } : {}),
      mode: 'transport',
      natT: ipsec.natT,
    }));
  }

  /** SA of an `ipsec:` policy between two of its endpoints. */
  policySa(policy: IpsecPolicy, a: string, b: string): Protection {
    return this.pairInterned(pairId('ipsec', policy.id, a, b), (id) => ({
      kind: 'ipsec',
      id,
      source: policy.id,
      endpoints: sortedPair(a, b),
      cipher: policy.cipher,
      confidential: policy.cipher !== 'null',
      auth: policy.auth,
      ...(policy.keystore !== undefined ? { keystore: policy.keystore } : {}),
      mode: policy.mode,
      natT: policy.natT,
    }));
  }

  /** WireGuard peer pair: ChaCha20-Poly1305 with per-host keys (SPEC §1.1 WireGuard mesh). */
  wireguard(mesh: WireguardMesh, a: string, b: string): Protection {
    return this.pairInterned(pairId('wg', mesh.id, a, b), (id) => ({
      kind: 'wireguard',
      id,
      source: mesh.id,
      endpoints: sortedPair(a, b),
      cipher: 'chacha20-poly1305',
      confidential: true,
    }));
  }

  /** MACsec on one link; keys held by its two ends (SPEC §1.1 Link.macsec). */
  macsec(link: Link): Protection | undefined {
    const m = link.macsec;
    if (!m) return undefined;
    return this.intern(`macsec:${link.id}`, (id) => ({
      kind: 'macsec',
      id,
      source: link.id,
      endpoints: sortedPair(link.between[0], link.between[1]),
      cipher: m.cipher,
      confidential: m.encrypt,
    }));
  }

  /**
   * The flow's own TLS session, terminated in its two endpoints. Kept by flow alone (not by id and
   * source as well): a third of a region's flows have one, and `drop` forgets it by flow.
   */
  tls(flow: Flow, fromHost: string, toHost: string, workloads: string[]): Protection {
    const known = this.tlsByFlow.get(flow.id);
    if (known) return known;
    const id = flatText('tls:', flow.id);
    const endpoints = sortedPair(fromHost, toHost);
    // Two literals, not a spread: one of these per TLS flow.
    const p: Protection =
      workloads.length > 0
        ? { kind: 'tls', id, source: flow.id, endpoints, endpointWorkloads: workloads, cipher: 'tls1.3', confidential: true }
        : { kind: 'tls', id, source: flow.id, endpoints, cipher: 'tls1.3', confidential: true };
    if (this.forEdits) this.tlsByFlow.set(flow.id, p);
    return p;
  }
}
