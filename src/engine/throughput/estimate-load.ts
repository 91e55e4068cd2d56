/**
 * The per-flow records of load at the demanded rate (SPEC T7): crypto cores per host (and per
 * IPsec SA, T5). The loads themselves are summed per host and link in load-ledger.ts.
 */
import type { Protection } from '../types.ts';
import type { SaLoad } from './types.ts';

/** One host's crypto work for one flow: cores at the flow's rate and each IPsec SA's share. */
export interface HostCrypto {
  host: string;
  coresAtRate: number;
  /** Each direction of an IPsec pair is its own SA with its own core (SPEC T5). */
  sas: { protection: Protection; direction: SaLoad['direction']; cores: number }[];
}

/** The crypto work of one flow at every host that encrypts or decrypts it. */
export interface FlowCrypto {
  flow: string;
  hosts: HostCrypto[];
}
