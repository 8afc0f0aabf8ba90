// WebCrypto type names the shared envelope code uses, taken from Node's implementation (no DOM lib here).
type CryptoKey = import('node:crypto').webcrypto.CryptoKey;
type JsonWebKey = import('node:crypto').webcrypto.JsonWebKey;
type CryptoKeyPair = import('node:crypto').webcrypto.CryptoKeyPair;
