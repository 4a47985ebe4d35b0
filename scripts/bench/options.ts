/** Command-line options of `npm run bench`. */

export interface BenchOptions {
  /** per-request latency the sandbox adds, ms */
  latencyMs: number;
  /** repetitions of the completion-lag and start-up measurements */
  runs: number;
  /** skip the SDK baseline at 50k rows (about a minute of its 1000 sequential requests) */
  quick: boolean;
  /** CI: 1k rows, 1 CVM, 1 run, no SDK at 50k */
  smoke: boolean;
  /** where to write the Markdown report; undefined to only print (the default for --smoke) */
  out?: string;
  /** a sentence for the report, e.g. what state of the action was measured */
  note?: string;
  historySizes: number[];
  cvmCounts: number[];
  /** spread of CVM finishes for the second completion-lag variant (from 10 CVMs), ms */
  spreadMs: number;
  /** Camunda history lengths, deployments */
  camundaSizes: number[];
  /** how much faster than real time the Qovery benchmark's clock runs */
  qoveryFactor: number;
}

export const USAGE = `usage: npm run bench -- [--latency MS] [--runs N] [--quick] [--smoke] [--out FILE | --no-out] [--note TEXT]
  --latency MS  per-request latency of the sandbox (default 25)
  --runs N      runs per completion-lag size and start-up measurement (default 5)
  --quick       skip the SDK baseline at 50k rows
  --smoke       tiny run for CI (1k rows, 1 CVM, 1 run, Camunda up to 1,000 deployments,
                Qovery's half hour in under 8 s); writes no report unless --out is given
  --out FILE    write the Markdown report there (default BENCHMARKS.md, none with --smoke)
  --no-out      print only
  --note TEXT   a line added to the report`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = {
    latencyMs: 25,
    runs: 5,
    quick: false,
    smoke: false,
    historySizes: [1000, 10_000, 50_000],
    cvmCounts: [1, 10, 100],
    spreadMs: 5000,
    camundaSizes: [10, 1000, 10_000],
    qoveryFactor: 60
  };
  let out: string | null | undefined;
  let runsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    switch (arg) {
      case '--latency':
        opts.latencyMs = nonNegativeInt(arg, value());
        break;
      case '--runs':
        opts.runs = nonNegativeInt(arg, value());
        if (opts.runs < 1) throw new Error('--runs must be at least 1');
        runsGiven = true;
        break;
      case '--quick':
        opts.quick = true;
        break;
      case '--smoke':
        opts.smoke = true;
        break;
      case '--out':
        out = value();
        break;
      case '--no-out':
        out = null;
        break;
      case '--note':
        opts.note = value();
        break;
      default:
        throw new Error(`unknown option '${arg}'\n${USAGE}`);
    }
  }
  if (opts.smoke) {
    opts.historySizes = [1000];
    opts.cvmCounts = [1];
    opts.camundaSizes = [10, 1000];
    opts.qoveryFactor = 240;
    if (!runsGiven) opts.runs = 1;
  }
  const target = out === undefined ? (opts.smoke ? undefined : 'BENCHMARKS.md') : (out ?? undefined);
  if (target !== undefined) opts.out = target;
  return opts;
}

function nonNegativeInt(name: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${name} expects a whole number, got '${text}'`);
  return Number(text);
}
