/**
 * The end-to-end cases the e2e workflow runs through `uses: ./`, and the checks that judge them.
 * The same definitions run locally in __tests__/e2e/workflow-cases.test.ts, so a case that fails on
 * GitHub fails in `npm test` too.
 *
 * As a command (compiled to .build/scripts/e2e-cases.js), against a running `npm run sandbox`:
 *   wait              until the sandbox's control endpoint answers (60 s at most)
 *   setup <case>      reset the sandbox to the case; write the action's inputs to $GITHUB_OUTPUT
 *                     and the key to $GITHUB_ENV (PHALA_CLOUD_API_KEY, as the action reads it)
 *   check <case>      judge E2E_OUTCOME and E2E_OUTPUTS (the step's outcome and toJSON(outputs))
 *                     against the case and the sandbox state; exit 1 naming every failed check
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AcceptedRedeploy, CvmView, Sandbox, ScenarioOverrides } from '../sandbox/phala/index.js';

/** What a check needs to know about the sandbox after the run; served by the control endpoint in CI. */
export interface SandboxState {
  case: string;
  url: string;
  appId: string;
  cvms: CvmView[];
  redeploys: AcceptedRedeploy[];
}

export interface Observed {
  /** the step's outcome as GitHub reports it (before continue-on-error) */
  outcome: 'success' | 'failure';
  outputs: Record<string, string>;
  state: SandboxState;
}

export interface CheckResult {
  what: string;
  ok: boolean;
  /** what was seen, printed when the check fails */
  saw: string;
  /**
   * Set when the check describes behaviour the committed dist/ may not have yet. CI checks it
   * like any other; the local test lists it as pending until the dist is rebuilt.
   */
  feature?: string;
}

export interface E2eCase {
  name: string;
  summary: string;
  scenario: ScenarioOverrides;
  /** inputs beyond app_id and api_url (the key always travels as PHALA_CLOUD_API_KEY) */
  inputs: Record<string, string>;
  /** features (CheckResult.feature) some of the checks are tagged with */
  features?: string[];
  checks(observed: Observed): CheckResult[];
}

/** A deterministic compose hash per label, so histories read as v1 → v2 → v3. */
export function hashOf(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

const HISTORY = [hashOf('v1'), hashOf('v2'), hashOf('v3')];
const RUNNING = HISTORY[2]!;
const PREVIOUS = HISTORY[1]!;
/** Short platform timings: the cases prove the flow, waiting.test.ts covers the timing. */
const QUICK = { startLagMs: 300, durationMs: 600 };

function check(what: string, ok: boolean, saw: unknown, feature?: string): CheckResult {
  const result: CheckResult = { what, ok, saw: typeof saw === 'string' ? saw : JSON.stringify(saw) };
  if (feature !== undefined) result.feature = feature;
  return result;
}

function parseUuids(text: string | undefined): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

const sameSet = (a: string[] | undefined, b: string[]): boolean => a !== undefined && a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Checks every case shares: the outputs name the target and the CVMs, and say where they came from. */
function planChecks({ outputs, state }: Observed, targets: string[]): CheckResult[] {
  return [
    check('compose_hash is 64 lower-case hex', /^[0-9a-f]{64}$/.test(outputs.compose_hash ?? ''), outputs.compose_hash ?? '(unset)'),
    check('compose_hash is the previous distinct hash (v2)', outputs.compose_hash === PREVIOUS, outputs.compose_hash ?? '(unset)'),
    check('previous_compose_hash is the hash that ran (v3)', outputs.previous_compose_hash === RUNNING, outputs.previous_compose_hash ?? '(unset)'),
    check('revision_id names a revision', /^\S+$/.test(outputs.revision_id ?? ''), outputs.revision_id ?? '(unset)'),
    check('vm_uuids lists exactly the targeted CVMs', sameSet(parseUuids(outputs.vm_uuids), targets), outputs.vm_uuids ?? '(unset)'),
    check('the sandbox served the app named in the inputs', state.appId.length === 40, state.appId)
  ];
}

const hashesOf = (state: SandboxState): string[] => state.cvms.map((cvm) => cvm.compose_hash);

export const CASES: Record<string, E2eCase> = {
  success: {
    name: 'success',
    summary: 'single CVM, revision previous: redeployed, waited for, status completed',
    scenario: { hashes: HISTORY, cvms: [{ name: 'web-1' }], update: QUICK },
    inputs: { revision: 'previous', timeout: '120' },
    checks: (seen) => {
      const uuids = seen.state.cvms.map((cvm) => cvm.vm_uuid);
      return [
        check('the step succeeded', seen.outcome === 'success', seen.outcome),
        check("status is 'completed'", seen.outputs.status === 'completed', seen.outputs.status ?? '(unset)'),
        ...planChecks(seen, uuids),
        check('exactly one redeploy, of v2, to the CVM', seen.state.redeploys.length === 1 && seen.state.redeploys[0]!.composeHash === PREVIOUS, seen.state.redeploys),
        check(
          'the CVM runs v2 and is idle',
          seen.state.cvms.every((cvm) => cvm.compose_hash === PREVIOUS && cvm.status === 'running' && !cvm.in_progress),
          seen.state.cvms
        )
      ];
    }
  },

  'multi-cvm': {
    name: 'multi-cvm',
    summary: "three CVMs, vm_uuids 'all': one redeploy covering all, every CVM on v2",
    scenario: { hashes: HISTORY, cvms: [{ name: 'web-1' }, { name: 'web-2' }, { name: 'web-3' }], update: QUICK },
    inputs: { revision: 'previous', vm_uuids: 'all', timeout: '120' },
    checks: (seen) => {
      const uuids = seen.state.cvms.map((cvm) => cvm.vm_uuid);
      return [
        check('the sandbox runs three CVMs', uuids.length === 3, uuids),
        check('the step succeeded', seen.outcome === 'success', seen.outcome),
        check("status is 'completed'", seen.outputs.status === 'completed', seen.outputs.status ?? '(unset)'),
        ...planChecks(seen, uuids),
        check('one redeploy naming every CVM', seen.state.redeploys.length === 1 && sameSet(seen.state.redeploys[0]!.vmUuids, uuids), seen.state.redeploys),
        check(
          'every CVM runs v2',
          hashesOf(seen.state).every((hash) => hash === PREVIOUS),
          hashesOf(seen.state)
        )
      ];
    }
  },

  failure: {
    name: 'failure',
    summary: 'the platform fails the update: the step fails, status failed, target still in the outputs',
    scenario: { hashes: HISTORY, cvms: [{ name: 'web-1' }], update: { ...QUICK, outcome: 'failed', errorMessage: 'container app exited with code 137: OOMKilled' } },
    inputs: { revision: 'previous', timeout: '120' },
    features: ['status-failed-output'],
    checks: (seen) => {
      const uuids = seen.state.cvms.map((cvm) => cvm.vm_uuid);
      return [
        check('the step failed', seen.outcome === 'failure', seen.outcome),
        check("status is 'failed'", seen.outputs.status === 'failed', seen.outputs.status ?? '(unset)', 'status-failed-output'),
        ...planChecks(seen, uuids),
        check('the redeploy was sent once (the failure is the platform’s, not the request’s)', seen.state.redeploys.length === 1, seen.state.redeploys),
        check(
          'the CVM settled in error, not running',
          seen.state.cvms.every((cvm) => cvm.status === 'error' && !cvm.in_progress),
          seen.state.cvms
        )
      ];
    }
  },

  'dry-run': {
    name: 'dry-run',
    summary: 'dry_run true: status dry_run, the target reported, nothing redeployed',
    scenario: { hashes: HISTORY, cvms: [{ name: 'web-1' }], update: QUICK },
    inputs: { revision: 'previous', dry_run: 'true' },
    checks: (seen) => {
      const uuids = seen.state.cvms.map((cvm) => cvm.vm_uuid);
      return [
        check('the step succeeded', seen.outcome === 'success', seen.outcome),
        check("status is 'dry_run'", seen.outputs.status === 'dry_run', seen.outputs.status ?? '(unset)'),
        ...planChecks(seen, uuids),
        check('nothing was redeployed', seen.state.redeploys.length === 0, seen.state.redeploys),
        check(
          'the CVM still runs v3',
          hashesOf(seen.state).every((hash) => hash === RUNNING),
          hashesOf(seen.state)
        )
      ];
    }
  }
};

export function caseNamed(name: string | undefined): E2eCase {
  const found = name === undefined ? undefined : CASES[name];
  if (!found) throw new Error(`unknown case '${name ?? ''}'; cases: ${Object.keys(CASES).join(', ')}`);
  return found;
}

export function stateOf(sandbox: Sandbox, caseName: string): SandboxState {
  return { case: caseName, url: sandbox.url, appId: sandbox.scenario.appId, cvms: sandbox.cvms(), redeploys: sandbox.redeploys };
}

/** The action's inputs for a case against a sandbox at `url` (the key goes by environment). */
export function inputsFor(c: E2eCase, state: Pick<SandboxState, 'url' | 'appId'>): Record<string, string> {
  return { app_id: state.appId, api_url: state.url, ...c.inputs };
}

export function failedChecks(results: CheckResult[]): CheckResult[] {
  return results.filter((result) => !result.ok);
}

export function describeChecks(c: E2eCase, results: CheckResult[]): string {
  const lines = results.map((r) => `${r.ok ? '  ok  ' : '  FAIL'} ${r.what}${r.ok ? '' : ` (saw: ${r.saw})`}${r.feature ? ` [feature: ${r.feature}]` : ''}`);
  return [`case ${c.name}: ${c.summary}`, ...lines].join('\n');
}

// ── command line (the e2e workflow's steps) ──────────────────────────────────────────────────

export const DEFAULT_CONTROL_URL = 'http://127.0.0.1:4011';
const controlUrl = (): string => process.env.E2E_CONTROL_URL ?? DEFAULT_CONTROL_URL;

async function control(path: string, method = 'GET'): Promise<{ state: SandboxState; apiKey: string }> {
  const response = await fetch(`${controlUrl()}${path}`, { method });
  const text = await response.text();
  if (!response.ok) throw new Error(`sandbox control ${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as { state: SandboxState; apiKey: string };
}

async function waitForSandbox(): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      await control('/state');
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`the sandbox's control endpoint ${controlUrl()} did not answer within 60 s: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function appendTo(variable: string, entries: Record<string, string>): void {
  const file = process.env[variable];
  const text = Object.entries(entries)
    .map(([name, value]) => `${name}=${value}\n`)
    .join('');
  if (file) appendFileSync(file, text);
  else process.stdout.write(`# ${variable} is not set; would write:\n${text}`);
}

async function setup(c: E2eCase): Promise<void> {
  const { state, apiKey } = await control(`/case/${encodeURIComponent(c.name)}`, 'POST');
  // A sandbox key, but masked all the same: workflows copied from this one will carry real keys.
  console.log(`::add-mask::${apiKey}`);
  appendTo('GITHUB_ENV', { PHALA_CLOUD_API_KEY: apiKey });
  appendTo('GITHUB_OUTPUT', inputsFor(c, state));
  console.log(`case ${c.name}: ${c.summary}\nsandbox ${state.url}, app ${state.appId}, CVMs ${state.cvms.map((cvm) => cvm.vm_uuid).join(', ')}`);
}

async function judge(c: E2eCase): Promise<boolean> {
  const outcome = process.env.E2E_OUTCOME;
  if (outcome !== 'success' && outcome !== 'failure') throw new Error(`E2E_OUTCOME must be success or failure (steps.<id>.outcome), got '${outcome ?? ''}'`);
  const outputs = JSON.parse(process.env.E2E_OUTPUTS ?? '{}') as Record<string, string>;
  const { state } = await control('/state');
  if (state.case !== c.name) throw new Error(`the sandbox runs case '${state.case}', not '${c.name}': run setup first`);
  const results = c.checks({ outcome, outputs, state });
  console.log(describeChecks(c, results));
  return failedChecks(results).length === 0;
}

async function cli(argv: string[]): Promise<number> {
  const [command, name] = argv;
  if (command === 'wait') return waitForSandbox().then(() => 0);
  if (command === 'setup') return setup(caseNamed(name)).then(() => 0);
  if (command === 'check') return (await judge(caseNamed(name))) ? 0 : 1;
  if (command === 'list') {
    for (const c of Object.values(CASES)) console.log(`${c.name}\t${c.summary}`);
    return 0;
  }
  console.error('usage: e2e-cases.js wait | list | setup <case> | check <case>');
  return 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(`::error title=e2e case::${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  );
}
