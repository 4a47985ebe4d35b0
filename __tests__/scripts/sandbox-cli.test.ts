import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { runAction } from '../../scripts/run-action.js';
import { parsePort, resetRunningSandbox, SandboxCliError, startSandboxCli, type RunningSandbox } from '../../scripts/sandbox-cli.js';

/** A port P with P + 1 free too (the sandbox takes both). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    const a = await occupy(port).catch(() => undefined);
    const b = await occupy(port + 1).catch(() => undefined);
    await Promise.all([a, b].map((server) => server && new Promise((resolve) => server.close(resolve))));
    if (a && b) return port;
  }
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()));
});

async function started(port: number): Promise<RunningSandbox> {
  const running = await startSandboxCli(port, 'success', () => undefined);
  cleanup.push(() => running.close());
  return running;
}

/** The exports the banner prints, as the README has the reader paste them. */
function exportsOf(banner: string): Record<string, string> {
  return Object.fromEntries([...banner.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('npm run sandbox', () => {
  it.each([
    ['the API port', 0],
    ['the control port', 1]
  ])('on a port already in use (%s) says so in one line and how to choose another', async (_, offset) => {
    const port = await freePortPair();
    const blocker = await occupy(port + offset);
    cleanup.push(() => new Promise((resolve) => blocker.close(resolve)));
    const error = await startSandboxCli(port, 'success', () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxCliError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`Port ${port + offset} on 127.0.0.1 is already in use`);
    expect(message).toContain(`npm run sandbox -- --port ${port + 10}`);
    // The API port is free again for the next try (nothing half-started is left behind).
    if (offset === 1) await occupy(port).then((server) => new Promise((resolve) => server.close(resolve)));
  });

  it('refuses a port that is not one, in one line', () => {
    expect(() => parsePort('40a')).toThrow(new SandboxCliError("--port must be a TCP port below 65535, got '40a'."));
  });

  it("README order: a second 'previous' is refused as on the platform, the printed reset starts over, and the next run completes", async () => {
    const port = await freePortPair();
    const running = await started(port);
    expect(running.banner).toContain(`npm run sandbox -- --reset --port ${port}`);
    const env = exportsOf(running.banner);
    const inputs = { app_id: env.INPUT_APP_ID!, api_url: env.INPUT_API_URL!, revision: env.INPUT_REVISION! };
    const options = { env: { PHALA_CLOUD_API_KEY: env.PHALA_CLOUD_API_KEY! } };

    expect((await runAction(inputs, options)).outputs.status).toBe('completed');
    const second = await runAction(inputs, options);
    expect(second.exitCode).toBe(1);
    expect(second.stdout).toContain('would undo an earlier rollback');

    expect(await resetRunningSandbox(port)).toBe(`Sandbox on port ${port} reset to the history of case success: 'previous' rolls back from the newest release again.`);
    expect((await runAction(inputs, options)).outputs.status).toBe('completed');
  });

  it('--reset without a running sandbox says how to start one', async () => {
    const port = await freePortPair();
    await expect(resetRunningSandbox(port)).rejects.toThrow(
      new SandboxCliError(`No sandbox answers on http://127.0.0.1:${port + 1}/reset: start one with npm run sandbox -- --port ${port}.`)
    );
  });

  it("README's \"Run it locally\" says why a second 'previous' is refused and how to reset, and why local-action's EBADENGINE warnings are harmless", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.split(/^## Run it locally$/m)[1]!.split(/^## /m)[0]!;
    expect(section).toContain('npm run sandbox -- --reset');
    expect(section).toContain("'previous' would undo an earlier rollback");
    expect(readme).toMatch(/EBADENGINE[^\n]*\n?[^\n]*harmless/);
  });
});
