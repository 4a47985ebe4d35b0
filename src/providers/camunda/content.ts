import type { Resolution } from './resolve-deployment.js';

/** What the rollback changes, for the log and the summary. */
export function describeChange(resolution: Resolution): string {
  const parts = [
    resolution.changes.length ? `back to earlier bytes: ${resolution.changes.map((change) => `${change.name} (from deployment ${change.holder.id})`).join(', ')}` : '',
    resolution.cannotRemove.length ? `cannot be removed, left as they are: ${resolution.cannotRemove.join(', ')}` : ''
  ].filter(Boolean);
  return parts.join('; ') || 'no difference';
}

/** How the one new deployment is made, in words. */
export function describeDelivery(resolution: Resolution): string {
  if (resolution.changes.length === 0) return 'nothing to send';
  return resolution.delivery.kind === 'redeploy'
    ? `POST /deployment/${resolution.delivery.from.id}/redeploy with ${resolution.delivery.resourceIds.length} resource id${resolution.delivery.resourceIds.length === 1 ? '' : 's'}`
    : `POST /deployment/create with ${resolution.changes.length} resource${resolution.changes.length === 1 ? '' : 's'} read from ${holders(resolution)}`;
}

function holders(resolution: { changes: Array<{ holder: { id: string } }> }): string {
  const count = new Set(resolution.changes.map((c) => c.holder.id)).size;
  return `${count} earlier deployment${count === 1 ? '' : 's'}`;
}
