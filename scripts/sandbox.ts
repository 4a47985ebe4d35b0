/**
 * `npm run sandbox [-- --port 4010] [--case success|multi-cvm|failure|dry-run]`: the Phala Cloud
 * sandbox on a fixed port, for trying the action by hand (npm start, @github/local-action) and
 * for the e2e workflow. Prints the variables to export, then stays up until Ctrl-C.
 *
 * Next to the API it serves a small control endpoint on port + 1, which the e2e workflow uses
 * because its checks run in other processes than the sandbox:
 *   GET  /state        the current case, CVMs and accepted redeploys (never the request journal)
 *   POST /case/<name>  a fresh sandbox on the same port with that case's scenario
 */
import { createServer, type ServerResponse } from 'node:http';
import { startSandbox, type Sandbox } from '../sandbox/phala/index.js';
import { caseNamed, stateOf } from './e2e-cases.js';

export const DEFAULT_PORT = 4010;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const port = Number(option('--port') ?? process.env.SANDBOX_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port <= 0 || port >= 65535) throw new Error(`--port must be a TCP port below 65535, got '${option('--port') ?? ''}'`);

let caseName = option('--case') ?? 'success';
let sandbox: Sandbox = await startSandbox(caseNamed(caseName).scenario, port);

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// Requests to the control endpoint are served one at a time, so a reset never races a read.
let queue: Promise<void> = Promise.resolve();
const controlServer = createServer((req, res) => {
  queue = queue.then(async () => {
    const path = new URL(req.url ?? '/', 'http://control.invalid').pathname;
    const reset = /^\/case\/([^/]+)$/.exec(path);
    try {
      if (req.method === 'GET' && path === '/state') return reply(res, 200, { state: stateOf(sandbox, caseName), apiKey: sandbox.scenario.apiKey });
      if (req.method === 'POST' && reset) {
        const next = caseNamed(decodeURIComponent(reset[1]!));
        await sandbox.close();
        sandbox = await startSandbox(next.scenario, port);
        caseName = next.name;
        console.log(`sandbox reset to case ${caseName}`);
        return reply(res, 200, { state: stateOf(sandbox, caseName), apiKey: sandbox.scenario.apiKey });
      }
      reply(res, 404, { detail: 'GET /state or POST /case/<name>' });
    } catch (error) {
      reply(res, 400, { detail: error instanceof Error ? error.message : String(error) });
    }
  });
});
await new Promise<void>((resolve, reject) => {
  controlServer.once('error', reject);
  controlServer.listen(port + 1, '127.0.0.1', resolve);
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

Ctrl-C stops it.`);

const stop = (): void => {
  controlServer.close();
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
