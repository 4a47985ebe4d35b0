/** Phala returns compose hashes bare or 0x-prefixed, in either case; compare them only normalised. */
export function normaliseHash(hash: string): string {
  const trimmed = hash.trim().toLowerCase();
  return trimmed.startsWith('0x') ? trimmed.slice(2) : trimmed;
}

/** Short form for log lines; the full hash stays in outputs and the summary. */
export function shortHash(hash: string): string {
  return normaliseHash(hash).slice(0, 12);
}
