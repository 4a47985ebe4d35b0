import { afterEach } from '@jest/globals';
import { startGitHubStandIn, type GitHubStandIn } from '../../sandbox/github/server.js';
import { startHealthApp, type HealthApp } from '../../sandbox/shared/health-app.js';

/** The servers beside a platform's sandbox (the app's health endpoint, the GitHub API), closed after each test. */
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
});

/** Any other loopback server a test starts, closed after it like the stand-ins. */
export function closeAfterTest<T extends { close(): Promise<void> }>(server: T): T {
  open.push(server);
  return server;
}

export async function healthApp(): Promise<HealthApp> {
  return closeAfterTest(await startHealthApp());
}

export async function github(): Promise<GitHubStandIn> {
  return closeAfterTest(await startGitHubStandIn());
}
