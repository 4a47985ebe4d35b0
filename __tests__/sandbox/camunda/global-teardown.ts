import { readFileSync } from 'node:fs';

/** Stops the engine the global setup started (its whole process group). Node built-ins only, as there. */
export default async function globalTeardown(): Promise<void> {
  const file = process.env.CAMUNDA_SANDBOX_STATE;
  if (!file) return;
  const state = JSON.parse(readFileSync(file, 'utf8')) as { kind: string; pid?: number };
  if (state.kind !== 'started' || !state.pid) return;
  try {
    process.kill(-state.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
