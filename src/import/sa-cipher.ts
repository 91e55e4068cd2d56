/**
 * Naming ESP algorithms the way a scenario does (`aes-gcm-256` …), from the kernel's crypto names
 * (`ip xfrm state`) or strongSwan's proposal names (`swanctl`, `ipsec status`).
 */
import type { IpsecCipher } from '../model/types.ts';
import type { SaCipher } from './types.ts';

/**
 * RFC 4106 §8.1 (AES-GCM) and RFC 7634 §2 (ChaCha20-Poly1305): the xfrm key is the cipher key
 * followed by a 4-byte salt, so a 20-byte key is AES-128 and a 36-byte key AES-256.
 */
const SALT_BYTES = 4;

/**
 * Bits of a hex key (`0x…`), also when redacted digit for digit (`0xxxxx…`, as docs/import.md
 * suggests); undefined when the output hid its length (`0xENCAUTHKEY`).
 */
function hexBits(key: string | undefined): number | undefined {
  const hex = key?.replace(/^0x/, '');
  return hex && /^[0-9a-fx]+$/i.test(hex) && hex.length % 2 === 0 ? hex.length * 4 : undefined;
}

function gcm(keyBits: number | undefined): IpsecCipher | undefined {
  return keyBits === 128 ? 'aes-gcm-128' : keyBits === 256 ? 'aes-gcm-256' : undefined;
}

/** An xfrm `aead` algorithm with its (salted) key. */
export function aeadCipher(name: string, key: string | undefined): SaCipher {
  const bits = hexBits(key);
  const keyBits = bits === undefined ? undefined : bits - SALT_BYTES * 8;
  const cipher =
    name === 'rfc4106(gcm(aes))'
      ? gcm(keyBits)
      : name.startsWith('rfc7539esp(chacha20')
        ? 'chacha20-poly1305'
        : undefined;
  return { alg: name, ...(keyBits !== undefined ? { keyBits } : {}), ...(cipher ? { cipher } : {}) };
}

/** An xfrm `enc` + `auth` pair (`cbc(aes)` + `hmac(sha256)`, `ecb(cipher_null)` …). */
export function encAuthCipher(enc: string, key: string | undefined, auth: string | undefined): SaCipher {
  const keyBits = hexBits(key);
  const alg = auth ? `${enc}+${auth}` : enc;
  let cipher: IpsecCipher | undefined;
  if (enc === 'ecb(cipher_null)' || enc === 'cipher_null') cipher = 'null';
  else if (enc === 'cbc(aes)' && auth === 'hmac(sha256)') cipher = 'aes-cbc-hmac-sha256';
  return {
    alg,
    ...(keyBits !== undefined && cipher !== 'null' ? { keyBits } : {}),
    ...(cipher ? { cipher } : {}),
  };
}

/**
 * A strongSwan ESP proposal: `AES_GCM_16-256` (swanctl), `AES_GCM_16_256` (stroke), optionally
 * followed by `/HMAC_SHA2_256_128`, `/MODP_2048`, `/ESN` (src/libstrongswan/crypto/proposal).
 */
export function proposalCipher(proposal: string): SaCipher {
  const [encr = '', ...rest] = proposal.split('/');
  const match = /^(AES_GCM_16|AES_CBC|CHACHA20_POLY1305|NULL)(?:[-_](\d+))?$/.exec(encr);
  const keyBits = match?.[2] !== undefined ? Number(match[2]) : undefined;
  const integ = rest.find((part) => part.startsWith('HMAC_'));
  let cipher: IpsecCipher | undefined;
  if (match?.[1] === 'AES_GCM_16') cipher = gcm(keyBits);
  else if (match?.[1] === 'CHACHA20_POLY1305') cipher = 'chacha20-poly1305';
  else if (match?.[1] === 'AES_CBC' && integ?.startsWith('HMAC_SHA2_256')) cipher = 'aes-cbc-hmac-sha256';
  else if (match?.[1] === 'NULL') cipher = 'null';
  return { alg: proposal, ...(keyBits !== undefined ? { keyBits } : {}), ...(cipher ? { cipher } : {}) };
}
