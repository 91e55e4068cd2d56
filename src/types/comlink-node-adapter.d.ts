/**
 * Types for comlink's Node adapter: the package ships `node-adapter.d.ts` but no `.d.mts`, so the
 * ESM path `comlink/dist/esm/node-adapter.mjs` is untyped without this declaration.
 */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  /** The part of a `worker_threads` Worker or MessagePort the adapter uses. */
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: readonly unknown[]): void;
    on(type: 'message', listener: (value: unknown) => void): unknown;
    off(type: 'message', listener: (value: unknown) => void): unknown;
    start?: () => void;
  }

  /** Adapts a Node message endpoint to the DOM-style Endpoint Comlink expects. */
  export default function nodeEndpoint(endpoint: NodeEndpoint): Endpoint;
}
