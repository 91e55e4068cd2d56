/**
 * Draws the header stack of a packet on one hop (SPEC X2) from what is wrapped around the flow's
 * own packet. ESP in transport mode sits right after the IP header it protects, so it is held
 * back until the next IP layer is written.
 */
import type { Layer, Protection, Wrap } from '../types.ts';
import {
  ESP_HEADER_BYTES,
  ESP_TRAILER_FIXED_BYTES,
  ETH_BYTES,
  GENEVE_BASE_BYTES,
  GENEVE_PORT,
  GRE_KEY_BYTES,
  IPV4_BYTES,
  IPV6_BYTES,
  MACSEC_ICV_BYTES,
  MACSEC_SECTAG_BYTES,
  NAT_T_BYTES,
  UDP_BYTES,
  VXLAN_BYTES,
  VXLAN_PORT,
  WIREGUARD_HEADER_BYTES,
  WIREGUARD_PORT,
  WIREGUARD_TAG_BYTES,
  espIvIcvBytes,
} from './header-sizes.ts';
import { espLabel, flatText } from './protections.ts';

/** Names the underlay address of a node for labels (its `ip` when known, else its id). */
export type AddressOf = (node: string) => string;

/**
 * A layer with every field present, in one order: layers of every kind then share one hidden
 * class, so the loops that read stacks (exposures, link statuses, rules) see one shape, not five.
 */
export function layerOf(kind: Layer['kind'], label: string, headerBytes: number, trailerBytes?: number, protection?: Protection, own?: true): Layer {
  return { kind, label, headerBytes, trailerBytes, protection, own };
}

/** An IP header layer between two nodes. */
export function ipLayer(from: string, to: string, ipv6: boolean, own = false): Layer {
  const kind = ipv6 ? 'ipv6' : 'ipv4';
  const label = flatText(kind, '(', from, '→', to, ')');
  const headerBytes = ipv6 ? IPV6_BYTES : IPV4_BYTES;
  return layerOf(kind, label, headerBytes, undefined, undefined, own ? true : undefined);
}

function espLayers(p: Protection, label = espLabel(p)): Layer[] {
  const cipher = p.cipher as Parameters<typeof espIvIcvBytes>[0];
  const { iv, icv } = espIvIcvBytes(cipher);
  const esp = layerOf('esp', label, ESP_HEADER_BYTES + iv, ESP_TRAILER_FIXED_BYTES + icv, p);
  return p.natT ? [layerOf('udp', 'udp(4500, NAT-T)', NAT_T_BYTES), esp] : [esp];
}

function espOf(p: Protection, ctx: StackContext): Layer[] {
  return ctx.sharedEsp ? ctx.sharedEsp(p, espLayers) : espLayers(p);
}

/**
 * What follows an encapsulation's outer IP header (and the ESP around it): UDP for VXLAN and
 * Geneve, the tunnel header and the inner Ethernet header. It depends on the wrap alone, and a
 * tunnel's legs share their wrap, so it is made once per wrap when the context keeps them.
 */
function encapTail(wrap: Extract<Wrap, { kind: 'encap' }>, ctx: StackContext): readonly Layer[] {
  const known = ctx.encapTails?.get(wrap);
  if (known) return known;
  const innerEth = fixedLayer(ctx, 'eth', 'eth(inner)', ETH_BYTES);
  let tail: Layer[];
  if (wrap.type === 'gre') tail = [fixedLayer(ctx, 'gre', `gre(key, ${wrap.source})`, GRE_KEY_BYTES), innerEth];
  else {
    const port = wrap.type === 'vxlan' ? VXLAN_PORT : GENEVE_PORT;
    const tunnelHeader =
      wrap.type === 'vxlan'
        ? fixedLayer(ctx, 'vxlan', `vxlan(${wrap.source})`, VXLAN_BYTES)
        : fixedLayer(ctx, 'geneve', `geneve(${wrap.source}, opt ${wrap.optionBytes})`, GENEVE_BASE_BYTES + wrap.optionBytes);
    tail = [fixedLayer(ctx, 'udp', `udp(${port})`, UDP_BYTES), tunnelHeader, innerEth];
  }
  ctx.encapTails?.set(wrap, tail);
  return tail;
}

function pushAll(into: Layer[], layers: readonly Layer[]): void {
  for (let i = 0; i < layers.length; i++) into.push(layers[i]!);
}

/** A layer without protection whose label says everything about it, shared when the context interns. */
function fixedLayer(ctx: StackContext, kind: Layer['kind'], label: string, headerBytes: number): Layer {
  const cached = ctx.interned?.get(label);
  if (cached) return cached;
  const layer = layerOf(kind, label, headerBytes);
  ctx.interned?.set(label, layer);
  return layer;
}

/** What the stack builder needs to know about the hop besides its wraps. */
export interface StackContext {
  /** The nodes whose addresses the tunnel / host-level packet carries on this leg. */
  legEnds: [string, string];
  addr: AddressOf;
  /** Shares unprotected layers with identical labels (UDP, Geneve, inner Ethernet…) between stacks. */
  interned?: Map<string, Layer>;
  /** Shares each SA's ESP layers between the stacks it protects (`ProtectionTable.layersOf`). */
  sharedEsp?: (p: Protection, make: (p: Protection, label: string) => Layer[]) => Layer[];
  /** Shares the layers after each encapsulation's outer IP header between the legs of its tunnel (`encapTail`). */
  encapTails?: Map<Wrap, readonly Layer[]>;
}

/**
 * The layers wraps put on the wire, split where the flow's own packet goes: `outer` comes before
 * the flow's IP header, `afterOwnIp` (transport-mode ESP of a host-level packet) right after it.
 */
export interface WrapLayers {
  outer: Layer[];
  afterOwnIp: readonly Layer[];
}

// Shared by every stack and never changed (not frozen: a frozen object has a hidden class of its own).
const OUTER_ETH: Layer = layerOf('eth', 'eth', ETH_BYTES);

function macsecLayer(p: Protection): Layer {
  return layerOf('macsec', `macsec(${p.cipher}${p.confidential ? '' : ', integrity only'})`, MACSEC_SECTAG_BYTES, MACSEC_ICV_BYTES, p);
}

const NO_LAYERS: readonly Layer[] = Object.freeze([]);
/** Where `buildWrapLayers` gathers the outer layers before copying them out at their exact size. */
const OUTER: Layer[] = [];

/** Turns wraps (outermost first) into header layers, without the outer Ethernet header. */
export function buildWrapLayers(wraps: readonly Wrap[], ctx: StackContext): WrapLayers {
  const outer = OUTER;
  outer.length = 0;
  let pending = NO_LAYERS;
  for (const wrap of wraps) {
    switch (wrap.kind) {
      case 'macsec':
        outer.push(macsecLayer(wrap.protection));
        break;
      case 'wireguard': {
        const [a, b] = wrap.protection.endpoints;
        outer.push(ipLayer(ctx.addr(a), ctx.addr(b), wrap.ipv6), fixedLayer(ctx, 'udp', `udp(${WIREGUARD_PORT})`, UDP_BYTES));
        outer.push(layerOf('wireguard', flatText('wireguard(', a, '↔', b, ')'), WIREGUARD_HEADER_BYTES, WIREGUARD_TAG_BYTES, wrap.protection));
        break;
      }
      case 'ipsec-tunnel': {
        const [a, b] = wrap.protection.endpoints;
        outer.push(ipLayer(ctx.addr(a), ctx.addr(b), wrap.ipv6));
        pushAll(outer, espOf(wrap.protection, ctx));
        break;
      }
      case 'ipsec-transport': {
        // Held back for the next IP header; an SA's layers are shared, so they are copied only when joined.
        const esp = espOf(wrap.protection, ctx);
        pending = pending.length === 0 ? esp : [...pending, ...esp];
        break;
      }
      case 'encap':
        outer.push(ipLayer(ctx.addr(ctx.legEnds[0]), ctx.addr(ctx.legEnds[1]), wrap.ipv6));
        pushAll(outer, pending);
        pushAll(outer, encapTail(wrap, ctx));
        pending = NO_LAYERS;
        break;
    }
  }
  return { outer: outer.slice(), afterOwnIp: pending };
}

/** Assembles the full stack on the wire, outermost first: Ethernet, wrap layers, the flow's own layers. */
export function assembleStack(prefix: readonly Layer[], wrapLayers: WrapLayers, own: readonly Layer[]): Layer[] {
  // Sized exactly and filled in place: one stack per flow and leg is most of a trace's memory.
  const after = own.length > 0 ? wrapLayers.afterOwnIp : NO_LAYERS;
  const stack = new Array<Layer>(1 + prefix.length + wrapLayers.outer.length + after.length + own.length);
  let n = 0;
  stack[n++] = OUTER_ETH;
  for (const layer of prefix) stack[n++] = layer;
  for (const layer of wrapLayers.outer) stack[n++] = layer;
  if (own.length > 0) stack[n++] = own[0]!;
  for (const layer of after) stack[n++] = layer;
  for (let i = 1; i < own.length; i++) stack[n++] = own[i]!;
  return stack;
}

/** Builds the full stack on the wire, outermost first, from a hop's wraps and the flow's own layers. */
export function buildStack(wraps: readonly Wrap[], ctx: StackContext & { own: readonly Layer[] }): Layer[] {
  return assembleStack([], buildWrapLayers(wraps, ctx), ctx.own);
}

/** The MACsec layer of a link's protection (shared by every flow crossing the link). */
export { macsecLayer };
