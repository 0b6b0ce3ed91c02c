import { generateKeyPairSync, randomBytes } from 'node:crypto';
import net from 'node:net';
import forge from 'node-forge';

/**
 * A throwaway certificate authority and server certificate, made at start.
 *
 * client-node refuses plain HTTP unless TLS verification is switched off, and
 * the plugin must talk to the simulator exactly as to a production cluster
 * (verification on), so the simulator serves HTTPS with its own CA and puts
 * that CA into the kubeconfig it writes.
 */

export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

/** RSA keys from node's native crypto: forge's pure-JS keygen takes seconds per key. */
function rsaKeyPair(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  privatePem: string;
} {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
    privatePem: privateKey,
  };
}

function serialNumber(): string {
  // Positive (high bit clear) random serial, as X.509 requires.
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function validity(cert: forge.pki.Certificate, days: number): void {
  const now = Date.now();
  // Back-date an hour to tolerate small clock skew between processes.
  cert.validity.notBefore = new Date(now - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(now + days * 24 * 60 * 60 * 1000);
}

/**
 * Makes a CA and a server certificate for `hosts` (IP addresses and DNS names;
 * 127.0.0.1, ::1 and localhost are always included).
 */
export function generateTlsMaterial(hosts: string[] = []): TlsMaterial {
  const ca = rsaKeyPair();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.publicKey;
  caCert.serialNumber = serialNumber();
  validity(caCert, 365);
  const caSubject = [
    { name: 'commonName', value: 'fleet-sim-ca' },
    { name: 'organizationName', value: 'fleet-sim' },
  ];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    {
      name: 'keyUsage',
      keyCertSign: true,
      cRLSign: true,
      digitalSignature: true,
      critical: true,
    },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const server = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = server.publicKey;
  cert.serialNumber = serialNumber();
  validity(cert, 365);
  cert.setSubject([{ name: 'commonName', value: 'fleet-sim' }]);
  cert.setIssuer(caSubject);
  const names = [...new Set(['127.0.0.1', '::1', 'localhost', ...hosts])];
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    {
      name: 'keyUsage',
      digitalSignature: true,
      keyEncipherment: true,
      critical: true,
    },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      // forge: type 2 = DNS name, type 7 = IP address.
      altNames: names.map(n =>
        net.isIP(n) ? { type: 7, ip: n } : { type: 2, value: n },
      ),
    },
    {
      name: 'authorityKeyIdentifier',
      keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes(),
    },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(caCert),
    certPem: forge.pki.certificateToPem(cert),
    keyPem: server.privatePem,
  };
}
