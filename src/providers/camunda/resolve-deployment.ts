import { ActionError } from '../../errors.js';
import { describeSelector, type RevisionSelector } from '../../revision-selector.js';
import { sameContent, type Content } from './content.js';
import { isRollbackSource } from './rollback-source.js';
import type { Deployment } from './shapes.js';

/** What resolution reads; the provider backs it with engine-rest, the unit tests with memory. */
export interface DeploymentHistory {
  /** Deployments of one name and tenant, newest first (deploymentTime descending). */
  page(name: string, firstResult: number, maxResults: number): Promise<Deployment[]>;
  /** One deployment by id, or undefined when the engine has none. */
  find(id: string): Promise<Deployment | undefined>;
  /** A deployment's resources, only those named in `only` when given (no other bytes are read). */
  content(deployment: Deployment, only?: string[]): Promise<Content>;
}

export interface ResolveRequest {
  /** The deployment name; '' only with a deployment id as the selector. */
  name: string;
  /** The tenant asked for; null = deployments without a tenant. */
  tenantId: string | null;
  selector: RevisionSelector;
  /** Resource names to compare and send; undefined = all. */
  resources?: string[];
}

export interface Resolution {
  current: Deployment;
  currentContent: Content;
  target: Deployment;
  targetContent: Content;
  /** The target's compared content equals the current one's: nothing to redeploy. */
  sameContent: boolean;
  /** Deployments read to settle the answer. */
  searched: number;
  warnings: string[];
}

export const PAGE_SIZE = 10;
/** The search never reads more than this many pages (PAGE_SIZE each): never the whole history. */
export const MAX_PAGES = 100;

/**
 * Finds the deployment to redeploy. "Current" is the newest deployment of the name (and tenant).
 * `previous~N` walks older deployments newest first and counts distinct content (resource names
 * and bytes), so an identical redeploy — a restart of a process application — is no step; the
 * deployment named for a content is the newest that carries it. `previous` refuses to undo an
 * earlier rollback, judged from the deployments it reads.
 */
export async function resolveDeployment(history: DeploymentHistory, request: ResolveRequest): Promise<Resolution> {
  return request.selector.kind === 'ref' ? resolveById(history, request, request.selector.revisionId) : resolvePrevious(history, request);
}

function tenantWords(tenantId: string | null): string {
  return tenantId ? `in tenant '${tenantId}'` : 'without a tenant';
}

function noDeploymentNamed(name: string, tenantId: string | null): never {
  throw new ActionError(
    'No deployment of that name',
    `The engine has no deployment named '${name}' ${tenantWords(tenantId)}. Check app_id (the deployment name, as Cockpit shows it)${tenantId ? ' and tenant_id' : ', and set tenant_id if the deployment belongs to a tenant'}.`,
    { changed: 'nothing' }
  );
}

async function newestOf(history: DeploymentHistory, name: string, tenantId: string | null): Promise<Deployment> {
  const [current] = await history.page(name, 0, 1);
  return current ?? noDeploymentNamed(name, tenantId);
}

function requireResources(target: Deployment, content: Content, resources: string[] | undefined): void {
  const lacking = (resources ?? []).filter((name) => !content.has(name));
  if (lacking.length > 0) {
    throw new ActionError(
      'Resource not in the target deployment',
      `Deployment ${target.id} (${target.deploymentTime}) has no resource named ${lacking.map((n) => `'${n}'`).join(', ')}. resources must name resources of the deployment rolled back to (names as in Cockpit, e.g. invoice.bpmn). Nothing was deployed.`,
      { changed: 'nothing' }
    );
  }
}

async function resolveById(history: DeploymentHistory, request: ResolveRequest, id: string): Promise<Resolution> {
  const target = await history.find(id);
  if (!target) {
    throw new ActionError(
      'Deployment not found',
      `The engine has no deployment with id '${id}'. Copy the id from Cockpit (Deployments) or from an earlier run's revision_id output, and check api_url.`,
      { changed: 'nothing' }
    );
  }
  if (request.name && target.name !== request.name) {
    throw new ActionError(
      'Deployment belongs to another name',
      `Deployment ${id} is named '${target.name ?? ''}', not '${request.name}' as app_id says. Fix app_id, or leave it empty to roll back the deployment's own name.`,
      { changed: 'nothing' }
    );
  }
  if ((target.tenantId ?? null) !== request.tenantId) {
    throw new ActionError(
      'Deployment belongs to another tenant',
      `Deployment ${id} is ${tenantWords(target.tenantId)}, but this run asks for deployments ${tenantWords(request.tenantId)}. ${target.tenantId ? `Set tenant_id: ${target.tenantId}.` : 'Leave tenant_id empty.'}`,
      { changed: 'nothing' }
    );
  }
  if (!target.name) {
    throw new ActionError(
      'Deployment has no name',
      `Deployment ${id} has no name, so the action cannot tell which deployment is current. Only named deployments can be rolled back.`,
      { changed: 'nothing' }
    );
  }
  const current = await newestOf(history, target.name, request.tenantId);
  const targetContent = await history.content(target, request.resources);
  requireResources(target, targetContent, request.resources);
  const currentContent = current.id === target.id ? targetContent : await history.content(current, request.resources);
  return { current, currentContent, target, targetContent, sameContent: sameContent(currentContent, targetContent), searched: current.id === target.id ? 1 : 2, warnings: [] };
}

interface Seen {
  deployment: Deployment;
  content: Content;
}

async function resolvePrevious(history: DeploymentHistory, request: ResolveRequest): Promise<Resolution> {
  const selector = request.selector as Extract<RevisionSelector, { kind: 'previous' }>;
  const { name, tenantId } = request;
  const seenIds = new Set<string>();
  const read: Seen[] = []; // every deployment read, newest first
  const distinct: Seen[] = []; // the newest deployment of each distinct content, newest first
  const buffer: Deployment[] = []; // read from the engine, content not yet compared
  let exhausted = false;
  let page = 0;

  /** The next older deployment with its content, or undefined at the end of the (bounded) history. */
  const next = async (): Promise<Seen | undefined> => {
    for (;;) {
      if (buffer.length === 0) {
        if (exhausted || page >= MAX_PAGES) return undefined;
        const rows = await history.page(name, page * PAGE_SIZE, PAGE_SIZE);
        page++;
        if (rows.length < PAGE_SIZE) exhausted = true;
        // A deployment made while paging shifts the pages by one: never count one twice.
        buffer.push(...rows.filter((row) => !seenIds.has(row.id)));
        if (buffer.length === 0) continue;
      }
      const deployment = buffer.shift()!;
      seenIds.add(deployment.id);
      const seen = { deployment, content: await history.content(deployment, request.resources) };
      read.push(seen);
      return seen;
    }
  };

  const current = await next();
  if (!current) return noDeploymentNamed(name, tenantId);
  distinct.push(current);

  let target: Seen | undefined;
  while (!target) {
    const seen = await next();
    if (!seen) break;
    if (!distinct.some((d) => sameContent(d.content, seen.content))) distinct.push(seen);
    target = distinct[selector.steps];
  }
  if (!target) {
    const searched = read.length;
    const bounded = !exhausted ? ` The search stops after the newest ${MAX_PAGES * PAGE_SIZE} deployments; give revision as a deployment id to go further back.` : '';
    throw new ActionError(
      'No earlier deployment to roll back to',
      `${describeSelector(selector)} needs ${selector.steps + 1} deployments with different content named '${name}' ${tenantWords(tenantId)}, but the ${searched} read hold only ${distinct.length}${
        request.resources ? ` (comparing ${request.resources.join(', ')})` : ''
      }.${bounded}`,
      { changed: 'nothing' }
    );
  }
  requireResources(target.deployment, target.content, request.resources);

  // Read on past the target to the content it replaced: if that is the current content, the
  // current deployment undid the target once already.
  for (let seen = await next(); seen && sameContent(seen.content, target.content); seen = await next());
  refuseToUndoRollback(selector, read, current, target);

  return {
    current: current.deployment,
    currentContent: current.content,
    target: target.deployment,
    targetContent: target.content,
    sameContent: false,
    searched: read.length,
    warnings: []
  };
}

/**
 * `previous` after a rollback would undo it: the release that was rolled back from comes back.
 * Evidence: a deployment of the current content carries this action's rollback source, or the
 * current content was deployed before, with different content in between.
 */
function refuseToUndoRollback(selector: RevisionSelector, read: Seen[], current: Seen, target: Seen): void {
  const currentRun: Seen[] = [];
  for (const seen of read) {
    if (!sameContent(seen.content, current.content)) break;
    currentRun.push(seen);
  }
  const marked = currentRun.find((seen) => isRollbackSource(seen.deployment.source));
  let evidence: string | undefined;
  if (marked) {
    evidence = `deployment ${marked.deployment.id} (${marked.deployment.deploymentTime}) has source '${marked.deployment.source}': it was made by this action's rollback`;
  } else {
    const between = read.findIndex((seen) => !sameContent(seen.content, current.content));
    const again = between === -1 ? undefined : read.slice(between).find((seen) => sameContent(seen.content, current.content));
    const earlier = again;
    if (earlier) {
      evidence = `its content equals that of the older deployment ${earlier.deployment.id} (${earlier.deployment.deploymentTime}), with deployment ${read[between]!.deployment.id} of different content in between: it looks like a rollback already`;
    }
  }
  if (!evidence) return;
  throw new ActionError(
    'Refusing to undo an earlier rollback',
    `${describeSelector(selector)} would redeploy deployment ${target.deployment.id} (${target.deployment.deploymentTime}), but the current deployment ${current.deployment.id} looks like a rollback: ${evidence}. ` +
      `Going back from it would bring back what was rolled back from. To redeploy ${target.deployment.id} anyway, pass revision: ${target.deployment.id}. Nothing was deployed.`,
    { changed: 'nothing' }
  );
}
