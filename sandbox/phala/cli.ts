/**
 * Runs the sandbox by hand: `node .build/sandbox/phala/cli.js [--port N] [--scenario file.json]`.
 * In scenario files, `"times": null` stands for Infinity (JSON has no Infinity).
 */
import { readFileSync } from 'node:fs';
import { startSandbox, type FaultSpec, type ScenarioOverrides } from './index.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const file = arg('--scenario');
const overrides = (file ? JSON.parse(readFileSync(file, 'utf8')) : {}) as ScenarioOverrides;
overrides.faults = overrides.faults?.map((f: FaultSpec) => (f.times === null ? { ...f, times: Infinity } : f));
const sandbox = await startSandbox(overrides, Number(arg('--port') ?? 0));
console.log(`PHALA_CLOUD_API_PREFIX=${sandbox.url}`);
console.log(`PHALA_CLOUD_API_KEY=${sandbox.scenario.apiKey}`);
console.log(
  `app_id=${sandbox.scenario.appId} cvms=${sandbox
    .cvms()
    .map((c) => c.vm_uuid)
    .join(',')}`
);
const stop = (): void => {
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
