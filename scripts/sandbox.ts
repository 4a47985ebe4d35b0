/**
 * `npm run sandbox [-- --port 4010] [--case success|multi-cvm|failure|dry-run]`: the Phala Cloud
 * sandbox on a fixed port, for trying the action by hand (npm start, @github/local-action) and
 * for the e2e workflow. Prints the variables to export, then stays up until Ctrl-C.
 * `npm run sandbox -- --reset [--port 4010]` resets a running one to its case's history and exits.
 * The work is in sandbox-cli.ts; this file only reads the arguments and prints.
 */
import { DEFAULT_PORT, parsePort, resetRunningSandbox, SandboxCliError, startSandboxCli } from './sandbox-cli.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

try {
  const port = parsePort(option('--port') ?? process.env.SANDBOX_PORT ?? String(DEFAULT_PORT));
  if (process.argv.includes('--reset')) {
    console.log(await resetRunningSandbox(port));
  } else {
    const running = await startSandboxCli(port, option('--case') ?? 'success');
    console.log(running.banner);
    const stop = (): void => void running.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }
} catch (error) {
  // An expected failure is one line saying what to do; anything else keeps its stack for a bug report.
  if (!(error instanceof SandboxCliError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
