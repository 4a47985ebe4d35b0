/**
 * What `npm run sandbox` does, as functions a test can call: start the Phala Cloud sandbox and its
 * control endpoint on fixed ports, or reset one that is already running. Expected failures (a
 * port in use, no sandbox to reset) are SandboxCliError with one line that says what to do; the
 * command prints that line instead of a stack trace.
 *
 * The control endpoint (port + 1) serves the e2e workflow, whose checks run in other processes:
 *   GET  /state        the current case, CVMs and accepted redeploys (never the request journal)
 *   POST /case/<name>  a fresh sandbox on the same port with that case's scenario
 *   POST /reset        a fresh sandbox on the same port with the current case's scenario
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { startSandbox, type Sandbox } from '../sandbox/phala/index.js';
import { caseNamed, stateOf } from './e2e-cases.js';

export const DEFAULT_PORT = 4010;

export class SandboxCliError extends Error {}

export function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port <= 0 || port >= 65535) throw new SandboxCliError(`--port must be a TCP port below 65535, got '${text}'.`);
  return port;
}

const isAddressInUse = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';

/** The one line for a port that is taken, naming both ports the sandbox needs and how to pick others. */
function portInUse(taken: number, port: number): SandboxCliError {
  return new SandboxCliError(
    `Port ${taken} on 127.0.0.1 is already in use (another sandbox still running?). The sandbox needs ports ${port} (API) and ${port + 1} (control): stop the other process, or choose other ports with npm run sandbox -- --port ${port + 10} (or SANDBOX_PORT=${port + 10}), then use the INPUT_API_URL it prints.`
  );
}

const portArgs = (port: number) => (port === DEFAULT_PORT ? '' : ` --port ${port}`);

export interface RunningSandbox {
  /** What to export and how to reset, as printed on start. */
  banner: string;
  close(): Promise<void>;
}

export async function startSandboxCli(port: number, initialCase: string, log: (line: string) => void = console.log): Promise<RunningSandbox> {
  let caseName: string;
  try {
    caseName = caseNamed(initialCase).name;
  } catch (error) {
    throw new SandboxCliError(`--case: ${error instanceof Error ? error.message : String(error)}.`);
  }
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(caseNamed(caseName).scenario, port);
  } catch (error) {
    throw isAddressInUse(error) ? portInUse(port, port) : error;
  }

  const restart = async (name: string): Promise<void> => {
    const next = caseNamed(name);
    await sandbox.close();
    sandbox = await startSandbox(next.scenario, port);
    caseName = next.name;
    log(`sandbox reset to case ${caseName}`);
  };
  const reply = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  // Requests to the control endpoint are served one at a time, so a reset never races a read.
  let queue: Promise<void> = Promise.resolve();
  const control: Server = createServer((req, res) => {
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
  try {
    await new Promise<void>((resolve, reject) => {
      control.once('error', reject);
      control.listen(port + 1, '127.0.0.1', resolve);
    });
  } catch (error) {
    await sandbox.close();
    throw isAddressInUse(error) ? portInUse(port + 1, port) : error;
  }

  const vmUuids = sandbox.cvms().map((cvm) => cvm.vm_uuid);
  const banner = `Phala Cloud sandbox (case ${caseName}) at ${sandbox.url}; control endpoint http://127.0.0.1:${port + 1}
App ${sandbox.scenario.appId}, CVMs ${vmUuids.join(', ')}

# For the action (npm start, node dist/index.js, @github/local-action):
export PHALA_CLOUD_API_PREFIX=${sandbox.url}
export PHALA_CLOUD_API_KEY=${sandbox.scenario.apiKey}
export INPUT_APP_ID=${sandbox.scenario.appId}
export INPUT_API_URL=${sandbox.url}
export INPUT_REVISION=previous${vmUuids.length > 1 ? '\nexport INPUT_VM_UUIDS=all' : ''}

A second 'previous' after a rollback is refused, as on Phala Cloud: it would undo the first.
To start over from the newest release: npm run sandbox -- --reset${portArgs(port)}
Ctrl-C stops it.`;
  return {
    banner,
    close: async () => {
      await new Promise((resolve) => control.close(resolve));
      await sandbox.close();
    }
  };
}

/** Resets the sandbox running on that port (in another terminal) to its case's history. Returns what to print. */
export async function resetRunningSandbox(port: number): Promise<string> {
  const url = `http://127.0.0.1:${port + 1}/reset`;
  let answer: Response;
  try {
    answer = await fetch(url, { method: 'POST' });
  } catch {
    throw new SandboxCliError(`No sandbox answers on ${url}: start one with npm run sandbox${portArgs(port) ? ` --${portArgs(port)}` : ''}.`);
  }
  const body = (await answer.json().catch(() => ({}))) as { state?: { case?: string }; detail?: string };
  if (!answer.ok) throw new SandboxCliError(`The sandbox refused the reset: ${body.detail ?? answer.status}.`);
  return `Sandbox on port ${port} reset to the history of case ${body.state?.case ?? 'unknown'}: 'previous' rolls back from the newest release again.`;
}
