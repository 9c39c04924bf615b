/**
 * Artifact integrity (配布ファイルの完全性): a release registers the SHA-256 of each file it
 * distributes; a file seen in the field is checked against them.
 */

/** The hash algorithms an artifact is registered and verified with. Only SHA-256 for now. */
export const ARTIFACT_HASH_ALGORITHMS = ['sha-256'] as const;
export type ArtifactHashAlgorithm = (typeof ARTIFACT_HASH_ALGORITHMS)[number];

/** A SHA-256 digest as hexadecimal, either case (compared and stored lower-case). */
export const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** The canonical (lower-case) form of a hexadecimal digest. */
export function normalizeDigest(hex: string): string {
  return hex.toLowerCase();
}

export interface RegisteredArtifact {
  filename: string;
  sha256: string;
}

export type ArtifactVerdict = 'match' | 'mismatch' | 'unknown';

export interface ArtifactCheck {
  result: ArtifactVerdict;
  /** The registered files the check compared against (those of the named file, or all of the release). */
  expected: RegisteredArtifact[];
}

/**
 * Checks a digest against the release's registered artifacts. With a filename only that file's
 * registration counts, otherwise any of the release's. Nothing registered to compare: `unknown`;
 * the digest equals one of them: `match`; otherwise `mismatch` (the file is not what the release
 * distributes).
 */
export function verifyArtifact(
  registered: readonly RegisteredArtifact[],
  seen: { filename?: string | undefined; sha256: string },
): ArtifactCheck {
  const relevant =
    seen.filename !== undefined ? registered.filter((a) => a.filename === seen.filename) : registered;
  const expected = relevant.map((a) => ({ filename: a.filename, sha256: a.sha256 }));
  if (relevant.length === 0) return { result: 'unknown', expected };
  const digest = normalizeDigest(seen.sha256);
  if (relevant.some((a) => normalizeDigest(a.sha256) === digest)) return { result: 'match', expected };
  return { result: 'mismatch', expected };
}
