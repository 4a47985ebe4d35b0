/**
 * A lightweight loopback fake of the Camunda 7 engine-rest READ endpoints around deployments,
 * for benchmarking history length only: seeding the real engine (sandbox/camunda/engine) with
 * 10,000 deployments takes far longer than the benchmark. It answers as the engine's REST
 * reference documents them (docs.camunda.org/rest/camunda-bpm-platform/7.x: Deployment "Get List",
 * "Get List Count", "Get", "Get Resources", "Get Resource (Binary)"; Process and Decision
 * Definition "Get List"): filters `id`, `name`, `nameLike`, `source`, `withoutSource`,
 * `tenantIdIn`, `withoutTenantId`, `includeDeploymentsWithoutTenantId`, `after`, `before`,
 * sorting by `id`, `name`, `deploymentTime` or `tenantId`, paging by `firstResult`/`maxResults`.
 * It never changes: a POST is refused (the benchmark runs dry). Every request is journaled,
 * with whether a list query was unbounded (no `maxResults`) and how many rows it answered.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HistoryMode = 'full' | 'changed-only';

export interface FakeDeployment {
  id: string;
  name: string;
  source: string | null;
  deploymentTime: string;
  tenantId: string | null;
  /** resource name → content */
  resources: Map<string, string>;
}

export interface CamundaRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** list endpoints: rows answered, and whether maxResults was missing */
  rows?: number;
  unbounded?: boolean;
  at: number;
}

export interface CamundaFake {
  /** engine-rest base, e.g. http://127.0.0.1:41234/engine-rest */
  url: string;
  deployments: FakeDeployment[];
  requests: CamundaRequest[];
  close(): Promise<void>;
}

export const DEPLOYMENT_NAME = 'invoice';
const BASE_TIME = Date.parse('2026-01-01T00:00:00Z');

/** The engine's date format, e.g. 2026-01-01T00:00:00.000+0000. */
export function engineTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/**
 * `count` deployments of one name, oldest first, each a new version of invoice.bpmn. 'full': every
 * deployment carries all three resources (the form and decision change seldom); 'changed-only':
 * as the engine stores a deployment made with deploy-changed-only, only the first carries all
 * three, every later one only the resource that changed.
 */
export function buildHistory(count: number, mode: HistoryMode): FakeDeployment[] {
  return Array.from({ length: count }, (_, i) => {
    const resources = new Map<string, string>([['invoice.bpmn', `<definitions id="invoice" version="${i}"/>`]]);
    if (mode === 'full' || i === 0) {
      resources.set('approve.dmn', `<definitions id="approve" version="${Math.floor(i / 100)}"/>`);
      resources.set('form.html', '<form>invoice</form>');
    }
    return {
      id: `dep-${String(i).padStart(6, '0')}`,
      name: DEPLOYMENT_NAME,
      source: 'process application',
      deploymentTime: engineTime(BASE_TIME + i * 60_000),
      tenantId: null,
      resources
    };
  });
}

export async function startCamundaFake(deployments: FakeDeployment[], latencyMs = 0): Promise<CamundaFake> {
  const requests: CamundaRequest[] = [];
  const byId = new Map(deployments.map((d) => [d.id, d]));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const query = Object.fromEntries(url.searchParams);
    const record: CamundaRequest = { method: req.method ?? 'GET', path: url.pathname, query, status: 0, at: Date.now() };
    requests.push(record);
    const reply = answer(req, url.pathname.replace(/^\/engine-rest/, ''), query, deployments, byId, record);
    setTimeout(() => send(res, reply, record), latencyMs);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/engine-rest`,
    deployments,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })
  };
}

interface Reply {
  status: number;
  json?: unknown;
  bytes?: string;
}

function send(res: ServerResponse, reply: Reply, record: CamundaRequest): void {
  record.status = reply.status;
  if (reply.bytes !== undefined) {
    res.writeHead(reply.status, { 'Content-Type': 'application/octet-stream' }).end(reply.bytes);
    return;
  }
  res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply.json ?? null));
}

const notFound = (message: string): Reply => ({ status: 404, json: { type: 'InvalidRequestException', message } });

function answer(req: IncomingMessage, path: string, query: Record<string, string>, all: FakeDeployment[], byId: Map<string, FakeDeployment>, record: CamundaRequest): Reply {
  if (req.method !== 'GET') return { status: 405, json: { type: 'RestException', message: 'the benchmark fake only reads' } };
  if (path === '/deployment' || path === '/deployment/count') {
    const matching = sortDeployments(filterDeployments(all, query), query);
    if (path.endsWith('/count')) return { status: 200, json: { count: matching.length } };
    const page = paged(matching, query, record);
    return { status: 200, json: page.map(view) };
  }
  let m = /^\/deployment\/([^/]+)$/.exec(path);
  if (m) {
    const d = byId.get(decodeURIComponent(m[1]!));
    return d ? { status: 200, json: view(d) } : notFound(`Deployment with id '${m[1]}' does not exist`);
  }
  m = /^\/deployment\/([^/]+)\/resources$/.exec(path);
  if (m) {
    const d = byId.get(decodeURIComponent(m[1]!));
    return d
      ? { status: 200, json: [...d.resources.keys()].map((name) => ({ id: resourceId(d, name), name, deploymentId: d.id })) }
      : notFound(`Deployment resources for deployment id '${m[1]}' do not exist.`);
  }
  m = /^\/deployment\/([^/]+)\/resources\/([^/]+)(\/data)?$/.exec(path);
  if (m) {
    const d = byId.get(decodeURIComponent(m[1]!));
    const name = d && [...d.resources.keys()].find((n) => resourceId(d, n) === decodeURIComponent(m![2]!));
    if (!d || !name) return notFound(`Deployment resource '${m[2]}' for deployment id '${m[1]}' does not exist.`);
    return m[3] ? { status: 200, bytes: d.resources.get(name)! } : { status: 200, json: { id: resourceId(d, name), name, deploymentId: d.id } };
  }
  m = /^\/(process|decision)-definition$/.exec(path);
  if (m) {
    const resource = m[1] === 'process' ? 'invoice.bpmn' : 'approve.dmn';
    const key = m[1] === 'process' ? 'invoice' : 'approve';
    const definitions = all
      .filter((d) => d.resources.has(resource))
      .map((d, version) => ({ id: `${key}:${version + 1}:${d.id}`, key, version: version + 1, deploymentId: d.id, resource, tenantId: d.tenantId, name: key }));
    let matching = definitions.filter((def) => (!query.deploymentId || def.deploymentId === query.deploymentId) && (!query.key || def.key === query.key));
    if (query.latestVersion === 'true') matching = matching.slice(-1);
    return { status: 200, json: paged(matching, query, record) };
  }
  return notFound(`the benchmark fake does not serve ${path}`);
}

function resourceId(d: FakeDeployment, name: string): string {
  return `${d.id}-${name.replace(/\W/g, '-')}`;
}

function view(d: FakeDeployment): Record<string, unknown> {
  return { id: d.id, name: d.name, source: d.source, deploymentTime: d.deploymentTime, tenantId: d.tenantId, links: [] };
}

/** The documented filters; several are ANDed, as the engine does. */
export function filterDeployments(all: readonly FakeDeployment[], q: Record<string, string>): FakeDeployment[] {
  const time = (s: string | undefined) => (s ? Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : undefined);
  const after = time(q.after);
  const before = time(q.before);
  const tenants = q.tenantIdIn?.split(',').filter(Boolean);
  return all.filter((d) => {
    if (q.id && d.id !== q.id) return false;
    if (q.name && d.name !== q.name) return false;
    if (q.nameLike && !new RegExp(`^${q.nameLike.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*')}$`).test(d.name)) return false;
    if (q.source && d.source !== q.source) return false;
    if (q.withoutSource === 'true' && d.source !== null) return false;
    if (q.withoutTenantId === 'true' && d.tenantId !== null) return false;
    if (tenants && !(d.tenantId !== null && tenants.includes(d.tenantId)) && !(q.includeDeploymentsWithoutTenantId === 'true' && d.tenantId === null)) return false;
    const at = time(d.deploymentTime)!;
    if (after !== undefined && !(at > after)) return false;
    if (before !== undefined && !(at < before)) return false;
    return true;
  });
}

export function sortDeployments(rows: FakeDeployment[], q: Record<string, string>): FakeDeployment[] {
  const key = q.sortBy as keyof FakeDeployment | undefined;
  if (!key || !['id', 'name', 'deploymentTime', 'tenantId'].includes(key)) return rows;
  const sign = q.sortOrder === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => sign * String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
}

function paged<T>(rows: T[], q: Record<string, string>, record: CamundaRequest): T[] {
  const first = Number(q.firstResult ?? 0) || 0;
  const max = q.maxResults === undefined ? undefined : Number(q.maxResults);
  record.unbounded = max === undefined;
  const page = rows.slice(first, max === undefined ? undefined : first + max);
  record.rows = page.length;
  return page;
}
