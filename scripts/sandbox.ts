/**
 * `npm run sandbox [-- --port 4010] [--case success|multi-cvm|failure|dry-run]`: the Phala Cloud
 * sandbox on a fixed port, for trying the action by hand (npm start, @github/local-action) and
 * for the e2e workflow. Prints the variables to export, then stays up until Ctrl-C.
 * `npm run sandbox -- --reset [--port 4010]` resets a running one to its case's history and exits.
 *
 * Next to the API it serves a small control endpoint on port + 1, which the e2e workflow uses
 * because its checks run in other processes than the sandbox:
 *   GET  /state        the current case, CVMs and accepted redeploys (never the request journal)
 *   POST /case/<name>  a fresh sandbox on the same port with that case's scenario
 *   POST /reset        a fresh sandbox on the same port with the current case's scenario
 */
import { createServer, type ServerResponse } from 'node:http';
import { startSandbox, type Sandbox } from '../sandbox/phala/index.js';
import { caseNamed, stateOf } from './e2e-cases.js';

export const DEFAULT_PORT = 4010;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** An expected failure: one line saying what to do, no stack trace. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const portText = option('--port') ?? process.env.SANDBOX_PORT ?? String(DEFAULT_PORT);
const port = Number(portText);
if (!Number.isInteger(port) || port <= 0 || port >= 65535) fail(`--port must be a TCP port below 65535, got '${portText}'.`);

/** The one line for a port that is taken, naming both ports the sandbox needs and how to pick others. */
function portInUse(taken: number): never {
  fail(
    `Port ${taken} on 127.0.0.1 is already in use (another sandbox still running?). The sandbox needs ports ${port} (API) and ${port + 1} (control): stop the other process, or choose other ports with npm run sandbox -- --port ${port + 10} (or SANDBOX_PORT=${port + 10}), then use the INPUT_API_URL it prints.`
  );
}

const isAddressInUse = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';

if (process.argv.includes('--reset')) {
  // Reset a sandbox that is already running (in another terminal) through its control endpoint.
  const control = `http://127.0.0.1:${port + 1}/reset`;
  const answer = await fetch(control, { method: 'POST' }).catch(() =>
    fail(`No sandbox answers on ${control}: start one with npm run sandbox${port === DEFAULT_PORT ? '' : ` -- --port ${port}`}.`)
  );
  const body = (await answer.json().catch(() => ({}))) as { state?: { case?: string }; detail?: string };
  if (!answer.ok) fail(`The sandbox refused the reset: ${body.detail ?? answer.status}.`);
  console.log(`Sandbox on port ${port} reset to the history of case ${body.state?.case ?? '?'}: 'previous' rolls back from the newest release again.`);
  process.exit(0);
}

let caseName = option('--case') ?? 'success';
let sandbox: Sandbox;
try {
  sandbox = await startSandbox(caseNamed(caseName).scenario, port);
} catch (error) {
  if (isAddressInUse(error)) portInUse(port);
  fail(`The sandbox did not start: ${error instanceof Error ? error.message : String(error)}`);
}

/** A fresh sandbox with that case's scenario, on the same port. */
async function restart(name: string): Promise<void> {
  const next = caseNamed(name);
  await sandbox.close();
  sandbox = await startSandbox(next.scenario, port);
  caseName = next.name;
  console.log(`sandbox reset to case ${caseName}`);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// Requests to the control endpoint are served one at a time, so a reset never races a read.
let queue: Promise<void> = Promise.resolve();
const controlServer = createServer((req, res) => {
  queue = queue.then(async () => {
    const path = new URL(req.url ?? '/', 'http://control.invalid').pathname;
    const switchTo = /^\/case\/([^/]+)$/.exec(path);
    try {
      if (req.method === 'GET' && path === '/state') return reply(res, 200, { state: stateOf(sandbox, caseName), apiKey: sandbox.scenario.apiKey });
      if (req.method === 'POST' && (switchTo || path === '/reset')) {
        await restart(switchTo ? decodeURIComponent(switchTo[1]!) : caseName);
        return reply(res, 200, { state: stateOf(sandbox, caseName), apiKey: sandbox.scenario.apiKey });
      }
      reply(res, 404, { detail: 'GET /state, POST /reset or POST /case/<name>' });
    } catch (error) {
      reply(res, 400, { detail: error instanceof Error ? error.message : String(error) });
    }
  });
});
await new Promise<void>((resolve, reject) => {
  controlServer.once('error', reject);
  controlServer.listen(port + 1, '127.0.0.1', resolve);
}).catch(async (error: unknown) => {
  await sandbox.close();
  if (isAddressInUse(error)) portInUse(port + 1);
  fail(`The control endpoint did not start: ${error instanceof Error ? error.message : String(error)}`);
});

const vmUuids = sandbox.cvms().map((cvm) => cvm.vm_uuid);
console.log(`Phala Cloud sandbox (case ${caseName}) at ${sandbox.url}; control endpoint http://127.0.0.1:${port + 1}
App ${sandbox.scenario.appId}, CVMs ${vmUuids.join(', ')}

# For the action (npm start, node dist/index.js, @github/local-action):
export PHALA_CLOUD_API_PREFIX=${sandbox.url}
export PHALA_CLOUD_API_KEY=${sandbox.scenario.apiKey}
export INPUT_APP_ID=${sandbox.scenario.appId}
export INPUT_API_URL=${sandbox.url}
export INPUT_REVISION=previous${vmUuids.length > 1 ? '\nexport INPUT_VM_UUIDS=all' : ''}

A second 'previous' after a rollback is refused, as on Phala Cloud: it would undo the first.
To start over from the newest release: npm run sandbox -- --reset${port === DEFAULT_PORT ? '' : ` --port ${port}`}
Ctrl-C stops it.`);

const stop = (): void => {
  controlServer.close();
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
