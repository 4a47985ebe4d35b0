/**
 * GET /app/health: what the demo app itself would answer, so a client can verify a rollback
 * restored a working revision. Unhealthy exactly when a CVM runs a hash listed as bad.
 */
import type { Reply } from './errors.js';
import { normaliseHash } from './model.js';
import type { AppState } from './state.js';

export function appHealth(state: AppState): Reply {
  const running = [...new Set(state.cvms.map((c) => c.compose_hash))];
  const bad = new Set(state.scenario.unhealthyHashes.map(normaliseHash));
  const healthy = !running.some((h) => bad.has(h));
  return { status: healthy ? 200 : 503, body: { status: healthy ? 'ok' : 'unhealthy', compose_hashes: running } };
}
