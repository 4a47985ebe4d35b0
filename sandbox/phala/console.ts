/**
 * GET /dashboard/cvms/{vm_uuid}: the sandbox's stand-in for the Phala Cloud dashboard page of a
 * CVM (https://cloud.phala.com/dashboard/cvms/{vm_uuid}, the page the action's console_url names
 * against the real API). Not part of the platform API: a small HTML page, so that console_url is
 * a working link in local runs too. It shows what an engineer looks at there: the CVM's status,
 * its compose hash and its recent operations.
 */
import type { Reply } from './errors.js';
import type { AppState } from './state.js';

export const CONSOLE_PATH = /^\/dashboard\/cvms\/([^/]+)$/;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function consolePage(state: AppState, vmUuid: string): Reply {
  const cvm = state.cvms.find((candidate) => candidate.vm_uuid === vmUuid);
  if (!cvm)
    return { status: 404, contentType: 'text/html; charset=utf-8', rawBody: '<!doctype html><title>CVM not found</title><p>No CVM with this vm_uuid in the sandbox.</p>\n' };
  const rows = cvm.operations
    .slice(0, 10)
    .map(
      (op) =>
        `<tr><td>${escapeHtml(op.started_at)}</td><td>${escapeHtml(op.operation_type)}</td><td>${escapeHtml(op.status)}</td><td>${escapeHtml(op.error_message ?? '')}</td></tr>`
    )
    .join('\n');
  const html = `<!doctype html>
<meta charset="utf-8">
<title>${escapeHtml(cvm.name)}: Phala Cloud sandbox</title>
<h1>${escapeHtml(cvm.name)}</h1>
<p>Phala Cloud sandbox: a local stand-in for the dashboard page of this CVM.</p>
<dl>
<dt>vm_uuid</dt><dd>${escapeHtml(cvm.vm_uuid)}</dd>
<dt>Status</dt><dd>${escapeHtml(cvm.status)}${cvm.in_progress ? ' (an operation is in progress)' : ''}</dd>
<dt>Compose hash</dt><dd><code>${escapeHtml(cvm.compose_hash)}</code></dd>
</dl>
<h2>Recent operations</h2>
<table><tr><th>Started</th><th>Operation</th><th>Status</th><th>Error</th></tr>
${rows}
</table>
`;
  return { status: 200, contentType: 'text/html; charset=utf-8', rawBody: html };
}
