/**
 * GET /cvms/{cvm_id}/state?target=…: a server-sent-event stream of one CVM's state. Events
 * are named as the TypeScript SDK's watchCvmState reads them: `state` (JSON state) on the
 * start and on every change, then `complete` (the final state) or `timeout`, and the stream
 * closes. The document only says it "streams state updates until status matches target or
 * timeout"; the sandbox also completes when an operation settles in another status (a failed
 * update), so a client is not left waiting for a target that will not come.
 */
import type { ServerResponse } from 'node:http';
import { cvmStateView } from './present.js';
import type { AppState, CvmState } from './state.js';

type After = (ms: number, fn: () => void) => NodeJS.Timeout;

export function streamCvmState(res: ServerResponse, state: AppState, spec: { cvm: CvmState; target: string; maxMs: number }, requestId: string, after: After): void {
  const { cvm, target } = spec;
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Request-ID': requestId });
  let last = '';
  let wasBusy = cvm.in_progress;
  let done = false;

  const send = (event: string, data: unknown): void => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const finish = (event: string, data: unknown): void => {
    if (done) return;
    done = true;
    unsubscribe();
    clearTimeout(deadline);
    if (!res.destroyed) {
      send(event, data);
      res.end();
    }
  };
  const check = (): void => {
    if (done || res.destroyed) return;
    const view = cvmStateView(state.scenario, cvm);
    const text = JSON.stringify(view);
    if (text !== last) {
      last = text;
      send('state', view);
    }
    const settled = wasBusy && !cvm.in_progress;
    wasBusy = cvm.in_progress;
    if (!cvm.in_progress && (cvm.status === target || settled)) finish('complete', view);
  };

  const unsubscribe = state.onChange((changed) => {
    if (changed === cvm) check();
  });
  const deadline = after(spec.maxMs, () => finish('timeout', { target, timeout_ms: spec.maxMs, state: cvmStateView(state.scenario, cvm) }));
  res.on('close', () => {
    done = true;
    unsubscribe();
    clearTimeout(deadline);
  });
  check();
}
