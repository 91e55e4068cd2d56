import { describe, expect, it } from 'vitest';
import type { IpsecAuth, IpsecCipher } from '../../../../src/model/types.ts';
import { scenario } from '../../../support/model-builder.ts';
import { buildAttackerKnowledge } from '../../../../src/engine/exposure/attacker-knowledge.ts';
import { exposureOutcome, LEVEL_RANK } from '../../../../src/engine/exposure/expose-flow.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import { exposureOf, traceOf, verdict } from '../../../support/engine-probe.ts';

interface Opts {
  cipher?: IpsecCipher;
  auth?: IpsecAuth;
  ipsec?: boolean;
  tls?: boolean;
}

/**
 * c1 and c2 (compute) behind switch sw, c3 a third overlay member elsewhere on sw; tenant VMs on a
 * Geneve overlay; key store `ks` of the kind the auth needs.
 */
function dc(o: Opts = {}) {
  const auth = o.auth ?? 'ca';
  const b = scenario()
    .site('dc')
    .host('c1', { site: 'dc' }).host('c2', { site: 'dc' }).host('c3', { site: 'dc' })
    .device('sw', { site: 'dc' })
    .link('l1', ['c1', 'sw']).link('l2', ['sw', 'c2']).link('l3', ['sw', 'c3'])
    .keystore('ks', auth === 'psk' ? 'psk' : auth === 'static' ? 'static' : 'ca', 'offline')
    .overlay('ov', ['c1', 'c2', 'c3'], o.ipsec === false ? {} : { ipsec: { cipher: o.cipher ?? 'aes-gcm-256', auth, keystore: auth === 'cert' ? undefined : 'ks' } })
    .network('tenant', { overlay: 'ov' })
    .workload('vm1', { host: 'c1', networks: ['tenant'] })
    .workload('vm2', { host: 'c2', networks: ['tenant'] })
    .workload('vm3', { host: 'c3', networks: ['tenant'] })
    .flow('f', { from: 'vm1', to: 'vm2', tls: o.tls ?? false });
  return b;
}

describe('vantage points and reading through encryption (SPEC X4, X5, X6)', () => {
  it.each([
    ['a passive tap on a plain overlay reads the payload', { ipsec: false }, { links: ['l1'] }, ['read'], [], 'payload'],
    ['an active tap on a plain overlay can also inject', { ipsec: false }, { links: ['l1'] }, ['read', 'inject'], [], 'payload+tamper'],
    ['TLS leaves the tap the inner addresses and ports only', { ipsec: false, tls: true }, { links: ['l1'] }, ['read', 'inject'], [], 'headers'],
    ['IPsec leaves a keyless tap only metadata', {}, { links: ['l2'] }, ['read', 'inject'], [], 'metadata'],
    ['a passive tap that knows the CA key still sees only metadata', {}, { links: ['l1'] }, ['read'], ['ks'], 'metadata'],
    ['an active tap that knows the CA key is a man in the middle', {}, { links: ['l1'] }, ['read', 'inject'], ['ks'], 'payload+tamper'],
    ['a passive tap that knows the PSK still sees only metadata', { auth: 'psk' }, { links: ['l1'] }, ['read'], ['ks'], 'metadata'],
    ['a passive tap that knows a static key decrypts', { auth: 'static' }, { links: ['l1'] }, ['read'], ['ks'], 'payload'],
    ['ESP-NULL hides nothing but stops injection without keys', { cipher: 'null' }, { links: ['l1'] }, ['read', 'inject'], [], 'payload'],
    ['a tap off the path has no vantage', { ipsec: false }, { links: ['l3'] }, ['read', 'inject'], [], 'none'],
  ] as const)('[X5] %s', (_title, opts, at, can, knows, expected) => {
    const s = dc(opts as Opts).attacker('a', { at, can: [...can], knows: [...knows] }).build();
    expect(verdict(s, 'f', 'a')).toBe(expected);
  });

  it('[X4] root on an endpoint host reads the payload, TLS included (it holds the guests’ session keys)', () => {
    const s = dc({ tls: true }).attacker('root', { at: { hosts: ['c1'] }, can: ['read'] }).build();
    expect(verdict(s, 'f', 'root')).toBe('payload');
  });

  it('[X4] root on a host that is not on the path sees nothing of the flow', () => {
    const s = dc({ auth: 'psk' }).attacker('root', { at: { hosts: ['c3'] }, can: ['read', 'inject'] }).build();
    expect(verdict(s, 'f', 'root')).toBe('none');
  });

  it('[X5] knowledge is pooled: root on one PSK member plus an active tap elsewhere opens every pair', () => {
    const s = dc({ auth: 'psk' }).attacker('a', { at: { hosts: ['c3'], links: ['l1'] }, can: ['read', 'inject'] }).build();
    const e = exposureOf(s, 'f', 'a');
    expect(e.level).toBe('payload');
    expect(e.tamper).toBe(true);
    expect(e.reasons.some((r) => r.via === 'mitm-psk' && r.keystore === 'ks')).toBe(true);
  });

  it('[X5] with one shared static key, root on any member reads every pair passively', () => {
    const s = dc({ auth: 'static' }).attacker('a', { at: { hosts: ['c3'], links: ['l1'] }, can: ['read'] }).build();
    expect(verdict(s, 'f', 'a')).toBe('payload');
  });

  it('[X5] with per-host certificates, root on another member does not help a passive tap', () => {
    const s = dc({ auth: 'cert' }).attacker('a', { at: { hosts: ['c3'], links: ['l1'] }, can: ['read', 'inject'] }).build();
    expect(verdict(s, 'f', 'a')).toBe('metadata');
  });

  it('[X4] a compromised switch strips MACsec but not IPsec that ends elsewhere', () => {
    const plain = dc({ ipsec: false }).attacker('sw', { at: { devices: ['sw'] }, can: ['read'] }).build();
    plain.links.forEach((l) => (l.macsec = { encrypt: true, cipher: 'gcm-aes-256' }));
    expect(verdict(plain, 'f', 'sw')).toBe('payload');
    const sealed = dc().attacker('sw', { at: { devices: ['sw'] }, can: ['read'] }).build();
    sealed.links.forEach((l) => (l.macsec = { encrypt: true, cipher: 'gcm-aes-256' }));
    expect(verdict(sealed, 'f', 'sw')).toBe('metadata');
  });

  it('[X4] a site attacker has every link and device in the site', () => {
    const s = dc({ ipsec: false }).attacker('site', { at: { sites: ['dc'] }, can: ['read'] }).build();
    expect(exposureOf(s, 'f', 'site').vantages).toEqual(['device:sw', 'link:l1', 'link:l2']);
  });

  it('[X4] a co-tenant VM sees only flows it is an endpoint of by default', () => {
    const s = dc({ ipsec: false }).flow('g', { from: 'vm3', to: 'vm2' })
      .attacker('vm', { at: { workloads: ['vm3'] }, can: ['read', 'inject'] }).build();
    expect(verdict(s, 'f', 'vm')).toBe('none');
    expect(verdict(s, 'g', 'vm')).toBe('payload');
  });

  it('[X4] without port security an active co-tenant intercepts the inner frames of its network', () => {
    const s = dc().attacker('vm', { at: { workloads: ['vm3'] }, can: ['read', 'inject'] }).attacker('passive', { at: { workloads: ['vm3'] }, can: ['read'] }).build();
    s.networks[0]!.portSecurity = false;
    expect(verdict(s, 'f', 'vm')).toBe('payload+tamper');
    expect(verdict(s, 'f', 'passive')).toBe('none');
  });

  it('[X4] a mirror port hands its workload the decrypted frames crossing that host, read-only', () => {
    const s = dc({ tls: false }).workload('spy', { host: 'c3', networks: ['tenant'] })
      .attacker('m', { at: { workloads: ['spy'] }, can: ['read', 'inject'] }).build();
    s.bridges.push({ id: 'br-int-c2', host: 'c2', kind: 'ovs', role: 'integration', mirrorTo: 'spy' });
    const e = exposureOf(s, 'f', 'm');
    expect(e.level).toBe('payload');
    expect(e.tamper).toBe(false);
    expect(e.vantages).toEqual(['mirror:br-int-c2']);
  });

  it('[X4] a mirror port hands over the payload of a hop whose tap, by the same attacker, reads only metadata', () => {
    // The tap on l2 and the mirror on c2 see the same hop stack (sw → c2, inside ESP); ESP ends
    // in c2, so the bridge's copy is decrypted, while the tap holds no key (SPEC X4, X5).
    const s = dc({ tls: false }).workload('spy', { host: 'c3', networks: ['tenant'] })
      .attacker('m', { at: { links: ['l2'], workloads: ['spy'] }, can: ['read'] }).build();
    s.bridges.push({ id: 'br-int-c2', host: 'c2', kind: 'ovs', role: 'integration', mirrorTo: 'spy' });
    const e = exposureOf(s, 'f', 'm');
    expect(e.level).toBe('payload');
    expect(e.vantages).toEqual(['link:l2', 'mirror:br-int-c2']);
    expect(e.reasons[0]!.vantage).toBe('mirror:br-int-c2');
    const index = indexScenario(s);
    const knowledge = buildAttackerKnowledge(index.attackers.get('m')!, index);
    expect(exposureOutcome(index.flows.get('f')!, traceOf(s, 'f'), knowledge, index)).toBe(LEVEL_RANK.payload);
  });
});

describe('tampering (SPEC X7)', () => {
  it('[X7] MACsec with encrypt false hides nothing but prevents injection without its keys', () => {
    const s = dc({ ipsec: false }).attacker('a', { at: { links: ['l1'] }, can: ['read', 'inject'] }).build();
    s.links[0]!.macsec = { encrypt: false, cipher: 'gcm-aes-128' };
    expect(verdict(s, 'f', 'a')).toBe('payload');
  });

  it('[X7] TLS prevents tampering with the flow’s data even on a plain overlay', () => {
    const s = dc({ ipsec: false, tls: true }).attacker('a', { at: { links: ['l1'] }, can: ['read', 'inject'] }).build();
    expect(exposureOf(s, 'f', 'a').tamper).toBe(false);
  });

  it('[X7] root on an endpoint with inject can forge every layer', () => {
    const s = dc({ tls: true }).attacker('a', { at: { hosts: ['c2'] }, can: ['read', 'inject'] }).build();
    expect(verdict(s, 'f', 'a')).toBe('payload+tamper');
  });
});
