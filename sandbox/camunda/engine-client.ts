/**
 * What a team does to its engine besides rolling back: deploy models, list deployments, read
 * definitions. The tests and the demo use it to arrange history on the real engine.
 */
export interface EngineDeployment {
  id: string;
  name: string | null;
  source: string | null;
  deploymentTime: string;
  tenantId: string | null;
}

export interface Credentials {
  username: string;
  password: string;
}

export class EngineClient {
  constructor(
    readonly url: string,
    private readonly credentials: Credentials
  ) {}

  private headers(): Record<string, string> {
    return { Authorization: `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}` };
  }

  /**
   * POST /deployment/create: every file as a resource. Duplicate filtering is off by default (the
   * engine's default); `changedOnly` sends `deploy-changed-only`, as Camunda Run and processes.xml
   * deploy: the engine keeps only the resources whose bytes differ from the latest of the same
   * name, source and tenant, and when none does it creates nothing and answers with that latest
   * deployment.
   */
  async deploy(name: string, files: Record<string, string>, options: { tenantId?: string; source?: string; changedOnly?: boolean } = {}): Promise<EngineDeployment> {
    const form = new FormData();
    form.set('deployment-name', name);
    if (options.changedOnly) form.set('deploy-changed-only', 'true');
    if (options.source) form.set('deployment-source', options.source);
    if (options.tenantId) form.set('tenant-id', options.tenantId);
    for (const [file, content] of Object.entries(files)) form.set(file, new Blob([content], { type: 'application/octet-stream' }), file);
    const response = await fetch(`${this.url}/deployment/create`, { method: 'POST', headers: this.headers(), body: form });
    if (response.status !== 200) throw new Error(`deploy ${name}: ${response.status} ${await response.text()}`);
    return (await response.json()) as EngineDeployment;
  }

  /** Sandbox only (EngineApplication's deployment-time servlet): sets a deployment's time, as a node with another clock would have. */
  async setDeploymentTime(id: string, ms: number): Promise<void> {
    const base = new URL(this.url);
    const engine = /\/engine\/([^/]+)$/.exec(base.pathname)?.[1] ?? 'default';
    const response = await fetch(`${base.origin}/sandbox/deployment-time?engine=${encodeURIComponent(engine)}&id=${encodeURIComponent(id)}&at=${ms}`, { method: 'POST' });
    if (response.status !== 204) throw new Error(`set deployment time of ${id}: ${response.status}`);
  }

  /** The bytes of each resource of a deployment, by name. */
  async contents(deploymentId: string): Promise<Record<string, string>> {
    const resources = await this.get<Array<{ id: string; name: string }>>(`/deployment/${deploymentId}/resources`);
    const out: Record<string, string> = {};
    for (const resource of resources) {
      const response = await fetch(`${this.url}/deployment/${deploymentId}/resources/${resource.id}/data`, { headers: this.headers() });
      out[resource.name] = await response.text();
    }
    return out;
  }

  async get<T = unknown>(path: string): Promise<T> {
    const response = await fetch(`${this.url}${path}`, { headers: this.headers() });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Deployments of a name (and tenant, or none), newest first. */
  deployments(name: string, tenantId?: string): Promise<EngineDeployment[]> {
    const tenant = tenantId ? `tenantIdIn=${encodeURIComponent(tenantId)}` : 'withoutTenantId=true';
    return this.get(`/deployment?name=${encodeURIComponent(name)}&${tenant}&sortBy=deploymentTime&sortOrder=desc&maxResults=25`);
  }

  /** The latest version of a process definition key (tenant or none). */
  latestProcess(key: string, tenantId?: string): Promise<Array<{ id: string; version: number; deploymentId: string }>> {
    const tenant = tenantId ? `tenantIdIn=${encodeURIComponent(tenantId)}` : 'withoutTenantId=true';
    return this.get(`/process-definition?key=${encodeURIComponent(key)}&latestVersion=true&${tenant}&maxResults=25`);
  }
}

/** A minimal executable BPMN process; `label` goes into its name, so each label is different content. */
export function bpmnProcess(key: string, label: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_${key}" targetNamespace="http://example.com/bpmn">
  <bpmn:process id="${key}" name="${label}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" />
  </bpmn:process>
</bpmn:definitions>
`;
}

/** A minimal DMN decision; `label` goes into its name. */
export function dmnDecision(key: string, label: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="drd_${key}" name="${label}" namespace="http://example.com/dmn">
  <decision id="${key}" name="${label}" camunda:historyTimeToLive="P1D">
    <decisionTable id="table_${key}">
      <input id="in_${key}"><inputExpression id="expr_${key}" typeRef="string"><text>x</text></inputExpression></input>
      <output id="out_${key}" name="result" typeRef="string" />
      <rule id="rule_${key}"><inputEntry id="ie_${key}"><text>-</text></inputEntry><outputEntry id="oe_${key}"><text>"${label}"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>
`;
}
