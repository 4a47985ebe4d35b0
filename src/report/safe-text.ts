/**
 * The one place where text leaves the process: log lines, annotations, outputs and the job
 * summary. Platform text (CVM names, usernames, error messages, operation records, headers) is
 * untrusted: it may try to start a workflow command, forge a log line, break out of the summary's
 * table or make a link. Callers pass it on as it is; these functions make it safe on the way out.
 */
import type { Secrets } from './redact.js';

/** Every log or annotation line stays under GitHub's limits with room to spare. */
export const MAX_LINE_BYTES = 16 * 1024 - 64;
/** GitHub refuses a job summary over 1 MiB; ours stays well under it. */
export const MAX_SUMMARY_BYTES = 512 * 1024 - 1024;

/* eslint-disable no-control-regex -- matching control characters is the point of this module */

/** Line breaks a runner, a browser or an editor may honour: \r\n, \n, \r, NEL, LS, PS, VT, FF. */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029\u000b\u000c]/g;
/** Other control characters, which a terminal may interpret. */
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f\u009b]/g;
/** A workflow command (`::name::`) or a legacy one (`##[name]`) at the start of a line. */
const COMMAND_START = /^(\s*)(::|##\[)/;

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateBytes(text: string, maxBytes: number, marker = ' …[truncated]'): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(marker, 'utf8');
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > budget) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end) + marker;
}

function neutraliseCommand(line: string): string {
  // A zero-width space between the colons: shown the same, never parsed as a command.
  return line.replace(COMMAND_START, (_, space: string, start: string) => `${space}${start[0]}\u200b${start.slice(1)}`);
}

/**
 * One plain log line: every line break becomes a visible ' ⏎ ', so nothing in it can start a
 * new line, let alone a workflow command; secrets removed; cut to the line limit.
 */
export function safeLogLine(text: string, secrets?: Secrets): string {
  const redacted = secrets ? secrets.redact(text) : text;
  const flat = redacted.replace(LINE_BREAKS, ' ⏎ ').replace(CONTROLS, '\ufffd');
  return neutraliseCommand(truncateBytes(flat, MAX_LINE_BYTES));
}

/**
 * An annotation's message. The toolkit escapes \n and \r as %0A/%0D, so the message stays one
 * command line while showing as several lines in the UI; the other line breaks are made \n so
 * they get the same treatment. Each shown line is still kept from looking like a command.
 */
export function safeAnnotation(text: string, secrets?: Secrets): string {
  const redacted = secrets ? secrets.redact(text) : text;
  const lines = redacted.replace(CONTROLS, '\ufffd').split(LINE_BREAKS).map(neutraliseCommand);
  const whole = lines.join('\n');
  if (Buffer.byteLength(whole, 'utf8') <= MAX_LINE_BYTES || lines.length < 2) return truncateBytes(whole, MAX_LINE_BYTES);
  // The last line is the conclusion (e.g. whether anything was redeployed): an enormous platform
  // message before it is cut instead of it.
  const last = truncateBytes(lines[lines.length - 1]!, 1024);
  const head = truncateBytes(lines.slice(0, -1).join('\n'), MAX_LINE_BYTES - Buffer.byteLength(last, 'utf8') - 1);
  return `${head}\n${last}`;
}

/** A short title (annotation title, summary heading): one line, short. */
export function safeTitle(text: string, secrets?: Secrets): string {
  return truncateBytes(safeLogLine(text, secrets), 200);
}

/**
 * Text for the job summary (Markdown with HTML). Entities keep markup, tables, emphasis and
 * links from forming; every line break becomes <br> so no line can start a heading, list,
 * blockquote or table; a zero-width space breaks GitHub's autolinks (scheme://, www., e-mail,
 * @mentions, #references) without changing what the reader sees.
 */
export function escapeMarkdown(text: string, secrets?: Secrets): string {
  const redacted = (secrets ? secrets.redact(text) : text).replace(CONTROLS, '\ufffd');
  return redacted
    .replace(/:\/\//g, ':\u200b//')
    .replace(/www\./gi, (m) => `${m.slice(0, 3)}\u200b.`)
    .replace(/([@#])/g, '$1\u200b')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;')
    .replace(/\|/g, '&#124;')
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;')
    .replace(/\*/g, '&#42;')
    .replace(/\\/g, '&#92;')
    .replace(/\u200b/g, '&#8203;')
    .replace(LINE_BREAKS, '<br>');
}

export function codeSpan(text: string, secrets?: Secrets): string {
  return `<code>${escapeMarkdown(text, secrets)}</code>`;
}
