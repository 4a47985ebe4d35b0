import { createHash } from 'node:crypto';

/** A deployment's resources as compared: resource name → SHA-256 of its bytes. */
export type Content = ReadonlyMap<string, string>;

export function fingerprint(resources: Iterable<[name: string, bytes: Uint8Array]>): Content {
  const content = new Map<string, string>();
  for (const [name, bytes] of resources) content.set(name, createHash('sha256').update(bytes).digest('hex'));
  return content;
}

/** Same resource names with the same bytes. */
export function sameContent(a: Content, b: Content): boolean {
  if (a.size !== b.size) return false;
  for (const [name, hash] of a) if (b.get(name) !== hash) return false;
  return true;
}

/** What a redeploy of `target` changes against `current`, for the log and the summary. */
export function describeChange(current: Content, target: Content): string {
  const changed: string[] = [];
  const back: string[] = [];
  const gone: string[] = [];
  for (const [name, hash] of target) {
    if (!current.has(name)) back.push(name);
    else if (current.get(name) !== hash) changed.push(name);
  }
  for (const name of current.keys()) if (!target.has(name)) gone.push(name);
  const parts = [
    changed.length ? `changed: ${changed.join(', ')}` : '',
    back.length ? `only in the target: ${back.join(', ')}` : '',
    gone.length ? `only in the current deployment: ${gone.join(', ')}` : ''
  ].filter(Boolean);
  return parts.join('; ') || 'no difference';
}
