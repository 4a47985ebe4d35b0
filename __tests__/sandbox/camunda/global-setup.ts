/**
 * Jest global setup: builds the Camunda sandbox engine when its jar is stale and starts it once
 * per test run, in the background (tests await readiness through engine.ts). Only when the run
 * selects tests that use it, so a Phala-only run does not pay for a JVM.
 *
 * Jest loads this file with Node's own loader, which cannot resolve the project's `.js` imports
 * of TypeScript sources; so it imports only Node built-ins and repeats the few steps of
 * sandbox/camunda/engine-process.ts it needs (keep the two in step).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface GlobalConfig {
  rootDir: string;
  testPathPatterns?: { patterns: string[]; isSet(): boolean; toExecutor(options: { rootDir: string }): { isMatch(path: string): boolean } };
}

/** Test folders that need the engine: a run selects them when a pattern names camunda or matches a sample path. */
const USERS = ['__tests__/e2e/camunda/x.test.ts', '__tests__/e2e/hardening/camunda-x.test.ts', '__tests__/sandbox/camunda/x.test.ts'];

export default async function globalSetup(globalConfig: GlobalConfig): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'camunda-sandbox-'));
  const stateFile = join(dir, 'state.json');
  process.env.CAMUNDA_SANDBOX_STATE = stateFile; // read by engine-state.ts in the workers
  const write = (state: object) => writeFileSync(stateFile, JSON.stringify(state));

  const patterns = globalConfig.testPathPatterns;
  if (patterns?.isSet()) {
    const executor = patterns.toExecutor({ rootDir: globalConfig.rootDir });
    const selected = patterns.patterns.some((pattern) => /camunda/i.test(pattern)) || USERS.some((path) => executor.isMatch(resolve(globalConfig.rootDir, path)));
    if (!selected) return write({ kind: 'not-needed' });
  }
  for (const [tool, args] of [
    ['java', ['-version']],
    ['mvn', ['-v']]
  ] as const) {
    const probe = spawnSync(tool, [...args], { stdio: 'ignore' });
    if (probe.error || probe.status !== 0) return write({ kind: 'unavailable', reason: `${tool} is not installed (the Camunda sandbox engine needs a JDK 17+ and Maven)` });
  }
  const engineDir = join(globalConfig.rootDir, 'sandbox', 'camunda', 'engine');
  const jar = join(engineDir, 'target', 'engine.jar');
  try {
    if (!(existsSync(jar) && existsSync(join(engineDir, 'target', 'openapi', 'openapi.json')) && statSync(jar).mtimeMs > newestSource(engineDir))) {
      process.stderr.write(`\nBuilding the Camunda sandbox engine (mvn -B -q package in ${engineDir})…\n`);
      const build = spawnSync('mvn', ['-B', '-q', 'package'], { cwd: engineDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (build.status !== 0) throw new Error(`mvn package failed (exit ${build.status}):\n${(build.stdout + build.stderr).slice(-4000)}`);
    }
    const port = await freePort();
    const logFile = join(dir, 'engine.log');
    const out = openSync(logFile, 'a');
    // stdin is a pipe the engine watches: if Jest dies without its teardown, the engine exits too.
    const child = spawn('java', ['-Xmx512m', '-XX:TieredStopAtLevel=1', '-Dsandbox.exitWithStdin=true', '-jar', jar, `--server.port=${port}`], {
      detached: true,
      stdio: ['pipe', out, out]
    });
    child.unref();
    (child.stdin as unknown as { unref(): void }).unref();
    write({ kind: 'started', url: `http://127.0.0.1:${port}/engine-rest`, pid: child.pid, logFile });
  } catch (error) {
    write({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'target') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
