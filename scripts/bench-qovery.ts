/**
 * `npm run bench:qovery`: the Qovery part of `npm run bench` alone (three rollbacks on one token
 * waiting on a 30-minute deployment), with each rollback's polls, longest gap and completion lag.
 * Usage: npm run bench:qovery -- [factor, default 60] [--action-only]; BENCH_QOVERY_LOG=1 prints
 * each action rollback's log lines (the pace it chose, and why) with its scaled time.
 */
import { measureQovery } from './bench/qovery.js';
import { qoveryTable } from './bench/report.js';

const factor = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 60);
const clients = process.argv.includes('--action-only') ? (['action'] as const) : undefined;
const results = await measureQovery(factor, (line) => console.log(line), clients);
for (const r of results) {
  console.log(
    `${r.client}: ${r.perHour.toFixed(0)}/hour together, ${r.throttled} × 429; per rollback: ${r.rollbacks
      .map((b) => `${b.polls} polls, longest gap ${(b.longestGapMs / 1000).toFixed(1)} s, lag ${(b.lagMs / 1000).toFixed(1)} s${b.completed ? '' : ` FAILED ${b.error}`}`)
      .join(' | ')}`
  );
}
console.log(`\n${qoveryTable(results)}`);
