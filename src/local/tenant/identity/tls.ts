import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface LocalhostCertificate {
  /** PEM; what a test's HTTPS client trusts, or what a developer imports to silence the warning. */
  cert: string;
  key: string;
  /** SHA-256 fingerprint, as browsers show it. */
  fingerprint: string;
  /** Where the files live; undefined for an in-memory tenant. */
  certFile?: string;
}

const CERT_FILE = 'localhost-cert.pem';
const KEY_FILE = 'localhost-key.pem';
const VALID_DAYS = 365;
/** Renew a month ahead so a long-running demo never hits an expired certificate. */
const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

/**
 * The local tenant's HTTPS certificate for localhost and 127.0.0.1. MSAL refuses `http:`
 * authorities, so the sign-in endpoints need TLS; Node cannot write an X.509 certificate itself.
 * It is made once and kept beside the data file, so a browser exception a developer accepted
 * (or a trust they installed) keeps working across restarts and `npm run reset`.
 */
export async function localhostCertificate(dir: string | undefined): Promise<LocalhostCertificate> {
  if (dir) {
    const certFile = join(dir, CERT_FILE);
    const keyFile = join(dir, KEY_FILE);
    const kept = readKept(certFile, keyFile);
    if (kept) return kept;
    const made = await makeCertificate();
    mkdirSync(dir, { recursive: true });
    writeFileSync(keyFile, made.key, { mode: 0o600 });
    writeFileSync(certFile, made.cert);
    return { ...made, certFile };
  }
  return makeCertificate();
}

function readKept(certFile: string, keyFile: string): LocalhostCertificate | undefined {
  if (!existsSync(certFile) || !existsSync(keyFile)) return undefined;
  try {
    const cert = readFileSync(certFile, 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    const x509 = new X509Certificate(cert);
    const usable =
      x509.checkPrivateKey(createPrivateKey(key)) &&
      Date.parse(x509.validTo) - Date.now() > RENEW_BEFORE_MS &&
      x509.checkHost('localhost') !== undefined &&
      x509.checkIP('127.0.0.1') !== undefined;
    return usable ? { cert, key, fingerprint: x509.fingerprint256, certFile } : undefined;
  } catch {
    // A damaged or foreign file: replace it rather than refuse to start.
    return undefined;
  }
}

async function makeCertificate(): Promise<LocalhostCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return {
    cert: pems.cert,
    key: pems.private,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
  };
}
