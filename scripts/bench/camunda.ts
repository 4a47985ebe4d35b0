/**
 * Camunda `previous` over long histories: requests the action (dry run, as a child process)
 * sends against the loopback engine fake, at several history lengths, for a history deployed in
 * full and one deployed with deploy-changed-only. Bounded: no more requests at the largest history
 * than at the next smaller one.
 * The baseline pages through the name's whole history at the engine's usual 1,000 rows a page.
 */
import { runAction } from '../run-action.js';
import { buildHistory, DEPLOYMENT_NAME, startCamundaFake, type CamundaRequest, type HistoryMode } from './camunda-fake.js';
import { lastLines } from './resolution.js';
import { growsNoMore } from './targets.js';

export type CamundaClient = 'action' | 'page-through loop';

export interface CamundaResult {
  mode: HistoryMode;
  deployments: number;
  client: CamundaClient;
  requests: number;
  /** by kind: list (GET /deployment), resources, data, definitions, other (incl. unknown paths) */
  byKind: Record<string, number>;
  /** list queries without maxResults: the engine would answer every row (or 400 under queryMaxResultsLimit) */
  unbounded: number;
  /** deployment rows the engine answered in all */
  rows: number;
  ms: number;
  answer: string;
  correct: boolean;
}

export function kindOf(r: CamundaRequest): string {
  const path = r.path.replace(/^\/engine-rest/, '');
  if (path === '/deployment' || path === '/deployment/count') return 'list';
  if (/^\/deployment\/[^/]+\/resources$/.test(path)) return 'resources';
  if (/^\/deployment\/[^/]+\/resources\/[^/]+\/data$/.test(path)) return 'data';
  if (/-definition$/.test(path)) return 'definitions';
  if (/^\/deployment\/[^/]+$/.test(path)) return 'deployment';
  return 'other';
}

/** Whether a client's request count stopped growing with the history (the target; see growsNoMore). */
export function isBounded(results: readonly CamundaResult[], mode: HistoryMode, client: CamundaClient = 'action'): boolean | undefined {
  const rows = results.filter((r) => r.mode === mode && r.client === client && r.correct).map((r): [number, number] => [r.deployments, r.requests]);
  return rows.length < 2 ? undefined : growsNoMore(rows);
}

export async function measureCamunda(sizes: readonly number[], latencyMs: number, log: (line: string) => void): Promise<CamundaResult[]> {
  const results: CamundaResult[] = [];
  for (const mode of ['full', 'changed-only'] as const) {
    for (const deployments of sizes) {
      const fake = await startCamundaFake(buildHistory(deployments, mode), latencyMs);
      const expected = fake.deployments[fake.deployments.length - 2]!.id;
      try {
        let started = Date.now();
        const run = await runAction(
          { provider: 'camunda', api_url: fake.url, app_id: DEPLOYMENT_NAME, revision: 'previous', dry_run: 'true', timeout: '120' },
          { killAfterMs: 180_000, onStart: () => (started = Date.now()) }
        );
        const ms = Date.now() - started;
        const answer = run.exitCode === 0 ? (run.outputs['revision_id'] ?? '') : `exit ${run.exitCode}: ${lastLines(run.stdout + run.stderr, 1)}`;
        results.push(summarise(mode, deployments, 'action', fake.requests, ms, answer, expected));
        const mark = fake.requests.length;
        started = Date.now();
        const found = await pageThrough(fake.url);
        results.push(summarise(mode, deployments, 'page-through loop', fake.requests.slice(mark), Date.now() - started, found, expected));
        for (const r of results.slice(-2))
          log(`  camunda ${mode}, ${deployments} deployments, ${r.client}: ${r.requests} requests, ${r.ms} ms, ${r.correct ? 'right' : `WRONG (${r.answer})`}`);
      } finally {
        await fake.close();
      }
    }
  }
  return results;
}

function summarise(mode: HistoryMode, deployments: number, client: CamundaClient, requests: CamundaRequest[], ms: number, answer: string, expected: string): CamundaResult {
  const byKind: Record<string, number> = {};
  for (const r of requests) byKind[kindOf(r)] = (byKind[kindOf(r)] ?? 0) + 1;
  return {
    mode,
    deployments,
    client,
    requests: requests.length,
    byKind,
    unbounded: requests.filter((r) => r.unbounded).length,
    rows: requests.reduce((n, r) => n + (kindOf(r) === 'list' ? (r.rows ?? 0) : 0), 0),
    ms,
    answer,
    correct: answer === expected
  };
}

/**
 * What a script without the action does: list every deployment of the name, newest first, 1,000 a
 * page, then compare the newest's resources with older ones until one differs.
 */
async function pageThrough(base: string): Promise<string> {
  const rows: Array<{ id: string }> = [];
  for (let first = 0; ; first += 1000) {
    const page = (await (await fetch(`${base}/deployment?name=${DEPLOYMENT_NAME}&sortBy=deploymentTime&sortOrder=desc&firstResult=${first}&maxResults=1000`)).json()) as Array<{
      id: string;
    }>;
    rows.push(...page);
    if (page.length < 1000) break;
  }
  const contentOf = async (id: string): Promise<string> => {
    const resources = (await (await fetch(`${base}/deployment/${id}/resources`)).json()) as Array<{ id: string; name: string }>;
    const parts = await Promise.all(resources.map(async (r) => `${r.name}=${await (await fetch(`${base}/deployment/${id}/resources/${r.id}/data`)).text()}`));
    return parts.sort().join('\n');
  };
  const current = await contentOf(rows[0]!.id);
  for (const row of rows.slice(1)) if ((await contentOf(row.id)) !== current) return row.id;
  return '';
}
