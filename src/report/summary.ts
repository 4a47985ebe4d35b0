import type { Changed, Outcome } from '../errors.js';
import type { RollbackPlan, Vocabulary } from '../rollback-plan.js';
import type { RollbackStatus } from './outputs.js';
import type { Secrets } from './redact.js';
import { codeSpan, escapeMarkdown, MAX_SUMMARY_BYTES, truncateBytes } from './safe-text.js';

export interface RunFacts {
  durationMs: number;
  /** GITHUB_ACTOR */
  actor?: string;
  /** Link to the workflow run, built from GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_RUN_ID. */
  runUrl?: string;
}

export interface SummaryInput {
  vocabulary?: Vocabulary;
  appId?: string;
  plan?: RollbackPlan;
  status: RollbackStatus;
  /** Set when the run failed or was cancelled. */
  failure?: { title: string; message: string };
  /** Whether the platform was changed, said on every ending that is not a success. */
  changed: Changed;
  /** How the accepted rollback ended on the platform, when known. */
  outcome?: Outcome;
  health?: { state: 'healthy' | 'unhealthy' | 'skipped'; detail?: string };
  /** rollback_when: unhealthy: what the probes before the rollback found. */
  healthBefore?: { state: 'healthy' | 'unhealthy' | 'not_checked'; url: string; probes: string[] };
  /** Extra rows from after the trigger (e.g. the new deployment id). */
  extra?: Array<[string, string]>;
  run: RunFacts;
  secrets?: Secrets;
  /** The warnings the run gave in the log, repeated here so a reader of the summary sees them too. */
  warnings?: ReadonlyArray<{ title?: string; message: string }>;
  /**
   * Origins of URLs the action itself was given or built (api_url, health_url, the console, the
   * run). A URL on one of them is shown as a working link; any other URL in platform text is kept
   * from becoming a link.
   */
  ownOrigins?: readonly string[];
}

/** At most this many warnings are repeated in the summary; the log has them all. */
const MAX_SUMMARY_WARNINGS = 10;

/**
 * The health URL as the user wrote it (secrets already hidden), so it reads and copies as a URL:
 * a Markdown code span shows its text literally, with no link, HTML or emphasis (`***`). Only a
 * backtick or a pipe could break out of the span or the table; such a URL is escaped instead.
 */
function urlSpan(url: string, secrets?: Secrets): string {
  const shown = secrets ? secrets.redact(url) : url;
  // eslint-disable-next-line no-control-regex -- a control character is one of the things that force escaping
  return /^[^\s\u0000-\u001f\u007f`|\\]+$/.test(shown) ? `\`${shown}\`` : codeSpan(shown, secrets);
}

/** A link the action built itself (run URL, console URL); anything odd is shown as text instead. */
function link(url: string): string {
  if (!/^https?:\/\/[^\s<>"'`|\\]+$/.test(url)) return escapeMarkdown(url);
  const attr = url.replace(/&/g, '&amp;');
  return `<a href="${attr}">${attr}</a>`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const FULL_HASH = /\b(0x)?([0-9a-fA-F]{64})\b/g;
/** A 64-hex hash (compose hash, digest) as the table shows it: its first 12 characters; the outputs carry it whole. */
export function shortenHashes(text: string): string {
  return text.replace(FULL_HASH, (_, prefix: string | undefined, hex: string) => `${prefix ?? ''}${hex.slice(0, 12)}…`);
}

/** A URL in text, up to what cannot be part of one here; trailing sentence punctuation is not part of it. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`|\\]+/g;

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Text for the summary in which URLs on the action's own origins stay working links (no
 * zero-width space to copy along), while everything else goes through escapeMarkdown.
 */
function textWithOwnLinks(text: string, ownOrigins: ReadonlySet<string>, secrets?: Secrets): string {
  const redacted = secrets ? secrets.redact(text) : text;
  if (ownOrigins.size === 0) return escapeMarkdown(redacted, secrets);
  let out = '';
  let last = 0;
  for (const match of redacted.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const origin = originOf(url);
    if (!origin || !ownOrigins.has(origin)) continue;
    out += escapeMarkdown(redacted.slice(last, match.index), secrets) + link(url);
    last = match.index + url.length;
  }
  return out + escapeMarkdown(redacted.slice(last), secrets);
}

function resultText(input: SummaryInput): string {
  const v = input.vocabulary;
  const instances = v?.instances ?? 'instances';
  switch (input.status) {
    case 'completed':
      return `✅ Completed: every targeted ${v?.instance ?? 'instance'} runs the target revision`;
    case 'triggered':
      return `🚀 Triggered (wait: false): ${escapeMarkdown(v?.platform ?? 'the platform')} is applying it`;
    case 'skipped':
      if (input.healthBefore?.state === 'healthy')
        return `⏭️ Skipped: the app answered healthy, so nothing was rolled back and nothing was sent to ${escapeMarkdown(v?.platform ?? 'the platform')}`;
      return `⏭️ Skipped: the targeted ${instances} already run the target revision`;
    case 'dry_run':
      return '🔍 Dry run: resolved, nothing redeployed';
    case 'cancelled':
      return `🛑 Cancelled: ${escapeMarkdown(input.failure?.title ?? 'Rollback cancelled', input.secrets)}`;
    case 'failed':
      return `❌ Failed: ${escapeMarkdown(input.failure?.title ?? 'Unexpected error', input.secrets)}`;
  }
}

/**
 * The sentence every ending that is not a plain success carries: was the platform changed, and
 * if so, how did it end? It states what is known and nothing more: a rollback that completed or
 * failed on the platform is not said to be "still running".
 */
export function changedSentence(changed: Changed, vocabulary?: Vocabulary, outcome?: Outcome): string {
  const platform = vocabulary?.platform ?? 'the platform';
  const instance = vocabulary?.instance ?? 'instance';
  const instances = vocabulary?.instances ?? 'instances';
  const redeploy = vocabulary?.redeploy ?? 'redeploy';
  switch (changed) {
    case 'nothing':
      return `Nothing was redeployed: ${platform} was not changed by this run.`;
    case 'unknown':
      return `The ${redeploy} may have reached ${platform}: check the ${instances} before re-running.`;
    case 'accepted':
      if (outcome === 'completed') return `The rollback completed on ${platform}: every targeted ${instance} runs the target revision.`;
      if (outcome === 'failed') return `The ${redeploy} was accepted by ${platform} and failed there: check the ${instances} before re-running.`;
      return `The ${redeploy} was accepted by ${platform} and may still be running: check the ${instances} before re-running.`;
  }
}

/** A message's own "Nothing was deployed." restates the closing sentence; it is said once, there. */
const RESTATED_NOTHING = /\s*\bNothing was (?:re)?deployed\.(?=\s|$)/g;

/**
 * The failure's message as shown above its closing sentence (changedSentence): without a sentence
 * of its own that says the same, so nothing is said twice.
 */
export function withoutRestatement(message: string, changed: Changed): string {
  return changed === 'nothing' ? message.replace(RESTATED_NOTHING, '').trim() : message;
}

/** The job summary: one table an on-call engineer can read at a glance, failures included. */
export function renderSummary(input: SummaryInput): string {
  const { plan, secrets } = input;
  const v = input.vocabulary;
  const own = new Set((input.ownOrigins ?? []).map(originOf).filter((origin): origin is string => origin !== undefined));
  // Table cells: hashes shortened (the outputs carry them whole), own URLs kept as working links.
  const esc = (text: string) => textWithOwnLinks(shortenHashes(text), own, secrets);
  const code = (text: string) => codeSpan(shortenHashes(text), secrets);
  const rows: Array<[string, string]> = [];
  if (v) rows.push(['Platform', esc(v.platform)]);
  if (input.appId) rows.push([v?.app ?? 'App', code(input.appId)]);
  if (plan && v) {
    const redeployed = new Set(plan.toRedeploy.map((instance) => instance.id));
    const instances = plan.targets
      .map((instance) => {
        const move = instance.targetVersion !== undefined ? `: ${instance.version ? code(instance.version) : 'none'} → ${code(instance.targetVersion)}` : '';
        return `${esc(instance.name)} ${code(instance.id)}${move}${redeployed.has(instance.id) ? '' : ' (already on target)'}`;
      })
      .join('<br>');
    rows.push([capital(v.instances), instances || 'none']);
    if (plan.targets.every((instance) => instance.targetVersion === undefined)) {
      rows.push([capital(v.version), `${plan.previousVersion ? code(plan.previousVersion) : 'unknown'} → ${code(plan.revision.version)}`]);
    }
    rows.push(['Target revision', code(plan.revision.id)]);
    const made = [plan.revision.createdBy ? esc(plan.revision.createdBy) : 'unknown user', esc(plan.revision.createdAt)].join(', ');
    rows.push(['Target made by', plan.revision.operationType ? `${made} (${esc(plan.revision.operationType)})` : made]);
    for (const [label, value] of plan.details ?? []) rows.push([esc(label), esc(value)]);
  }
  for (const [label, value] of input.extra ?? []) rows.push([esc(label), esc(value)]);
  rows.push(['Result', resultText(input)]);
  if (input.failure || input.status === 'cancelled') rows.push(['Redeployed', esc(changedSentence(input.changed, v, input.outcome))]);
  if (input.healthBefore) {
    const before = input.healthBefore;
    rows.push(['Health URL', urlSpan(before.url, secrets)]);
    const failed = `${before.probes.length} failed probe${before.probes.length === 1 ? '' : 's'}`;
    const said = before.state === 'healthy' ? 'healthy, not rolled back' : before.state === 'unhealthy' ? `unhealthy: ${failed} in a row` : `no verdict: ${failed} so far`;
    rows.push(['Health before', [said, ...before.probes.map(esc)].join('<br>')]);
  }
  if (input.health) {
    // Said once: when the failure below already quotes the health detail, the row gives only the state.
    const detail = input.health.detail && !input.failure?.message.includes(input.health.detail) ? `: ${esc(input.health.detail)}` : '';
    rows.push(['Health check', `${input.health.state}${detail}`]);
  }
  const warnings = input.warnings ?? [];
  if (warnings.length) {
    const shown = warnings.slice(0, MAX_SUMMARY_WARNINGS).map((w) => `⚠️ ${w.title ? `${esc(w.title)}: ` : ''}${esc(w.message)}`);
    if (warnings.length > MAX_SUMMARY_WARNINGS) shown.push(`…and ${warnings.length - MAX_SUMMARY_WARNINGS} more in the log`);
    rows.push([warnings.length === 1 ? 'Warning' : 'Warnings', shown.join('<br>')]);
  }
  if (plan?.consoleUrl) rows.push(['Console', link(plan.consoleUrl)]);
  rows.push(['Duration', `${(input.run.durationMs / 1000).toFixed(1)} s`]);
  if (input.run.actor) rows.push(['Started by', esc(input.run.actor)]);
  if (input.run.runUrl) rows.push(['Run', link(input.run.runUrl)]);

  const head = ['## Rollback', '', '| | |', '| --- | --- |', ...rows.map(([key, value]) => `| ${key} | ${value} |`), ''];
  const quote = input.failure ? `<blockquote>${textWithOwnLinks(input.failure.message, own, secrets)}</blockquote>\n` : '';
  const text = `${head.join('\n')}\n${quote}`;
  return truncateBytes(text, MAX_SUMMARY_BYTES, "\n\n…the summary was cut here to stay within GitHub's size limit.\n");
}
