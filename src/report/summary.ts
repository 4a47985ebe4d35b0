import type { RollbackPlan } from '../providers/provider.js';
import { code, escapeHtml } from './escape.js';

export type RollbackStatus = 'completed' | 'triggered' | 'skipped' | 'dry_run';

export interface SummaryInput {
  platform: string;
  appId: string;
  plan?: RollbackPlan;
  status?: RollbackStatus;
  /** Set when the run failed. */
  failure?: { title: string; message: string };
}

const RESULT_TEXT: Record<RollbackStatus, string> = {
  completed: '✅ Completed: every targeted CVM runs the target revision',
  triggered: '🚀 Triggered (wait: false): the platform is applying it',
  skipped: '⏭️ Skipped: the targeted CVMs already run the target revision',
  dry_run: '🔍 Dry run: resolved, nothing redeployed'
};

/** The job summary: one table an on-call engineer can read at a glance, failures included. */
export function renderSummary(input: SummaryInput): string {
  const { plan } = input;
  const rows: Array<[string, string]> = [
    ['Platform', escapeHtml(input.platform)],
    ['App', code(input.appId)]
  ];
  if (plan) {
    const redeployed = new Set(plan.toRedeploy.map((instance) => instance.id));
    const cvms = plan.targets
      .map((instance) => `${escapeHtml(instance.name)} ${code(instance.id)}${redeployed.has(instance.id) ? '' : ' (already on target)'}`)
      .join('<br>');
    rows.push(['CVMs', cvms]);
    rows.push(['Compose hash', `${plan.previousVersion ? code(plan.previousVersion) : 'unknown'} → ${code(plan.revision.version)}`]);
    rows.push(['Target revision', code(plan.revision.id)]);
    const made = [plan.revision.createdBy ? escapeHtml(plan.revision.createdBy) : 'unknown user', escapeHtml(plan.revision.createdAt)];
    if (plan.revision.operationType) made.push(`(${escapeHtml(plan.revision.operationType)})`);
    rows.push(['Target made by', made.join(', ').replace(', (', ' (')]);
  }
  rows.push(['Result', input.failure ? `❌ Failed: ${escapeHtml(input.failure.title)}` : input.status ? RESULT_TEXT[input.status] : 'unknown']);

  const lines = ['## Rollback', '', '| | |', '| --- | --- |', ...rows.map(([key, value]) => `| ${key} | ${value} |`), ''];
  if (input.failure) lines.push(`<blockquote>${escapeHtml(input.failure.message)}</blockquote>`, '');
  return lines.join('\n');
}
