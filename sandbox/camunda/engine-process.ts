/**
 * Builds and runs the sandbox Camunda 7 engine (engine/: Spring Boot + camunda-bpm-spring-boot-
 * starter-rest, H2 in memory, Basic auth and authorization on). Used by the Jest global setup
 * and by `npm start -- camunda`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** Compiled copies run from .build/sandbox/camunda; the Maven project stays in the sources. */
export const ENGINE_DIR = here.includes('/.build/') ? join(here, '..', '..', '..', 'sandbox', 'camunda', 'engine') : join(here, 'engine');
export const ENGINE_JAR = join(ENGINE_DIR, 'target', 'engine.jar');
export const OPENAPI_PATH = join(ENGINE_DIR, 'target', 'openapi', 'openapi.json');

/** The users the engine creates (application.properties): an admin, and one who may read but not deploy. */
export const ADMIN = { username: 'admin', password: 'admin-secret' };
export const VIEWER = { username: 'viewer', password: 'viewer-secret' };
export const TENANT = 'tenantA';
/** The second engine in the same process: queryMaxResultsLimit 25 (application.properties). */
export const HARDENED = { name: 'hardened', queryMaxResultsLimit: 25 };

/** Why the engine cannot run here, or undefined when Java and Maven are present. */
export function missingTools(): string | undefined {
  for (const [tool, args] of [
    ['java', ['-version']],
    ['mvn', ['-v']]
  ] as const) {
    const probe = spawnSync(tool, [...args], { stdio: 'ignore' });
    if (probe.error || probe.status !== 0) return `${tool} is not installed (the Camunda sandbox engine needs a JDK 17+ and Maven)`;
  }
  return undefined;
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

/** The jar is up to date when it is newer than the pom and every source. */
export function jarIsFresh(): boolean {
  return existsSync(ENGINE_JAR) && existsSync(OPENAPI_PATH) && statSync(ENGINE_JAR).mtimeMs > newestSource(ENGINE_DIR);
}

/** `mvn -B -q package`, skipped when the jar is fresh. Throws with Maven's output on failure. */
export function buildEngine(log: (line: string) => void = () => undefined): void {
  if (jarIsFresh()) return;
  log(`Building the Camunda sandbox engine (mvn -B -q package in ${ENGINE_DIR}); the first build downloads dependencies.`);
  const started = Date.now();
  const build = spawnSync('mvn', ['-B', '-q', 'package'], { cwd: ENGINE_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) throw new Error(`mvn package failed (exit ${build.status}):\n${(build.stdout + build.stderr).slice(-4000)}`);
  log(`Built ${ENGINE_JAR} in ${((Date.now() - started) / 1000).toFixed(0)}s.`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface EngineProcess {
  /** The engine-rest base, e.g. http://127.0.0.1:41234/engine-rest */
  url: string;
  pid: number;
  logFile: string;
}

/** Starts the engine in the background (its own process group, so it can be stopped whole). */
export async function startEngine(logFile: string): Promise<EngineProcess> {
  const port = await freePort();
  const out = openSync(logFile, 'a');
  // stdin is a pipe the engine watches: if this process dies without stopping it, the engine exits.
  const child = spawn('java', ['-Xmx512m', '-XX:TieredStopAtLevel=1', '-Dsandbox.exitWithStdin=true', '-jar', ENGINE_JAR, `--server.port=${port}`], {
    detached: true,
    stdio: ['pipe', out, out]
  });
  child.unref();
  (child.stdin as unknown as { unref(): void }).unref();
  return { url: `http://127.0.0.1:${port}/engine-rest`, pid: child.pid!, logFile };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves once the engine answers authenticated requests for both users (the read-only user is
 * created just after the web server starts). Fails early, with the engine's log, if it died.
 */
export async function waitForEngine(engine: EngineProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const auth = `Basic ${Buffer.from(`${VIEWER.username}:${VIEWER.password}`).toString('base64')}`;
  while (Date.now() < deadline) {
    if (!alive(engine.pid)) throw new Error(`The Camunda sandbox engine exited during start-up. Its log:\n${tail(engine.logFile)}`);
    try {
      const response = await fetch(`${engine.url}/deployment/count`, { headers: { Authorization: auth } });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The Camunda sandbox engine was not ready after ${timeoutMs / 1000}s. Its log:\n${tail(engine.logFile)}`);
}

export function stopEngine(pid: number): void {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '(no log)';
  }
}
