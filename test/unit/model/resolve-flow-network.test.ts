import { describe, expect, it } from 'vitest';
import { resolveFlowNetwork } from '../../../src/model/resolve-flow-network.ts';

// web and app share front and back; db is on mgmt only; api and hosts are host-level (no networks).
const networks: Record<string, string[]> = {
  web: ['front', 'back'],
  app: ['front', 'back'],
  db: ['mgmt'],
  lb: ['front'],
  api: [],
};
const networksOf = (id: string) => networks[id] ?? [];

describe("[§1.1] a flow's network when the file does not name one", () => {
  it.each([
    ['an explicit network wins', { from: 'web', to: 'app', network: 'back' }, { network: 'back' }],
    ['the only network both endpoints share', { from: 'lb', to: 'web' }, { network: 'front' }],
    ["sharing none, the source's only network", { from: 'db', to: 'web' }, { network: 'mgmt' }],
    [
      "a host-level source takes the destination's only network",
      { from: 'api', to: 'db' },
      { network: 'mgmt' },
    ],
    ['host to host uses the underlay', { from: 'h1', to: 'h2' }, {}],
    [
      'a workload on several networks to a host needs a network',
      { from: 'web', to: 'h1' },
      { problem: 'source-several', candidates: ['front', 'back'] },
    ],
  ])('%s', (_title, flow, expected) => {
    expect(resolveFlowNetwork(flow, networksOf)).toEqual(expected);
  });

  it('needs `network` when the endpoints share several networks', () => {
    expect(resolveFlowNetwork({ from: 'web', to: 'app' }, networksOf)).toEqual({
      problem: 'shared-several',
      candidates: ['front', 'back'],
    });
  });

  it('needs `network` when they share none and the source has several', () => {
    expect(resolveFlowNetwork({ from: 'web', to: 'db' }, networksOf)).toEqual({
      problem: 'source-several',
      candidates: ['front', 'back'],
    });
  });

  it('falls back to the underlay (and says so) for a host-level source and a destination on several networks', () => {
    expect(resolveFlowNetwork({ from: 'api', to: 'web' }, networksOf)).toEqual({
      problem: 'destination-several',
      candidates: ['front', 'back'],
    });
  });
});
