import { exportJWK, generateKeyPair } from 'jose';
import type { TenantState } from '../store/state';

/** One RS256 signing key per data file, so tokens stay valid across a restart. */
export async function createSigningKeys(): Promise<TenantState['keys']> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const modulus = (await exportJWK(publicKey)).n ?? '';
  const kid = `local-${modulus.slice(0, 16).replace(/[^A-Za-z0-9]/g, 'x')}`;
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}
