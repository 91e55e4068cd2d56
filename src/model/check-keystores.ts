/**
 * Semantic checks of IPsec key material (SPEC §1.1 Overlay.ipsec, IPsec policy): `psk`, `ca` and
 * `static` need a key store holding the secret, and that store should be able to hold it.
 */
import { listWords } from './describe-schema.ts';
import type { SemanticContext } from './semantic-context.ts';
import type { IpsecAuth, Keystore, KeystoreKind, ModelPath } from './types.ts';

/** Key store kinds that can hold each authentication method's secret; vaults and HSMs hold any. */
const COMPATIBLE_KINDS: Record<IpsecAuth, readonly KeystoreKind[]> = {
  psk: ['psk', 'vault', 'hsm'],
  ca: ['ca', 'vault', 'hsm'],
  static: ['static', 'vault', 'hsm'],
  // Pinned self-signed certificates: a store, if named, holds private keys.
  cert: ['vault', 'hsm'],
};

/** Auth methods whose secret lives in a key store (SPEC: "required for psk, ca, static"). */
const NEEDS_KEYSTORE: readonly IpsecAuth[] = ['psk', 'ca', 'static'];

interface Protection {
  auth: IpsecAuth;
  keystore?: string;
}

function checkProtection(
  ctx: SemanticContext,
  owner: string,
  protection: Protection,
  path: ModelPath,
  keystores: ReadonlyMap<string, Keystore>,
): void {
  const { auth, keystore } = protection;
  if (keystore === undefined) {
    if (!NEEDS_KEYSTORE.includes(auth)) return;
    const message = `${owner} authenticates IPsec with \`${auth}\` but names no \`keystore\` holding the ${auth === 'ca' ? 'CA key' : auth === 'psk' ? 'pre-shared key' : 'static keys'}`;
    ctx.reporter.report('keystore_required', [...path, 'auth'], message, {
      hint: 'add `keystore: <id>` and declare that key store under `keystores:`',
    });
    return;
  }
  const store = keystores.get(keystore);
  if (!store || !(auth in COMPATIBLE_KINDS) || COMPATIBLE_KINDS[auth].includes(store.kind)) return;
  const message = `${owner} uses \`${auth}\` authentication with key store \`${keystore}\` of kind \`${store.kind}\``;
  ctx.reporter.report('keystore_kind_mismatch', [...path, 'keystore'], message, {
    hint: `a \`${auth}\` secret is kept in a key store of kind ${listWords(COMPATIBLE_KINDS[auth])}`,
  });
}

/** Runs the key store checks over overlays, explicit tunnels and IPsec policies. */
export function checkKeystores(ctx: SemanticContext): void {
  const { model } = ctx;
  const keystores = new Map(model.keystores.map((store) => [store.id, store]));
  model.overlays.forEach((overlay, i) => {
    if (overlay.ipsec)
      checkProtection(ctx, `overlay \`${overlay.id}\``, overlay.ipsec, ['overlays', i, 'ipsec'], keystores);
  });
  model.tunnels.forEach((tunnel, i) => {
    if (tunnel.ipsec)
      checkProtection(ctx, `tunnel \`${tunnel.id}\``, tunnel.ipsec, ['tunnels', i, 'ipsec'], keystores);
  });
  model.ipsec.forEach((policy, i) =>
    checkProtection(ctx, `IPsec policy \`${policy.id}\``, policy, ['ipsec', i], keystores),
  );
}
