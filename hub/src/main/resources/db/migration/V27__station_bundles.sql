-- Version 27 (issue 19, updates from the hub): the key pair the hub signs station bundles with, and
-- the bundles an administrator uploaded. Portable SQL, as V1; times are ISO-8601 text.

-- The hub's signing key (Ed25519), made by the first hub that starts and then kept: every hub of a
-- county signs with it, a backup of the database carries it, and every station trusts its public
-- half from enrolment on. One row; a second hub starting at the same moment keeps the first row.
CREATE TABLE hub_signing_key (
  id          TEXT PRIMARY KEY,
  -- the JCA algorithm name, Ed25519
  algorithm   TEXT NOT NULL,
  -- base64 of the X.509 SubjectPublicKeyInfo
  public_key  TEXT NOT NULL,
  -- base64 of the PKCS#8 private key
  private_key TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- A station bundle (signage/bundle's tar.gz) as uploaded: its bytes are a file named by its SHA-256
-- under the hub's data directory (bundles/<sha256>.tar.gz), shared by the county's hubs as the
-- photos are. A version's bundle for a processor never changes: another file under the same
-- version and processor is refused.
CREATE TABLE station_bundle (
  sha256      TEXT PRIMARY KEY,
  version     TEXT NOT NULL,
  -- linux-x64 or linux-aarch64, read from the bundle's JavaFX
  arch        TEXT NOT NULL,
  size_bytes  BIGINT NOT NULL,
  -- base64 Ed25519 signature of liaison.hub.software.BundleSignatures.statement(version, arch, sha256)
  signature   TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  UNIQUE (version, arch)
);
