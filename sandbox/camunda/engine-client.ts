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

  /** POST /deployment/create: every file as a resource, duplicate filtering off (the engine's default). */
  async deploy(name: string, files: Record<string, string>, options: { tenantId?: string; source?: string } = {}): Promise<EngineDeployment> {
    const form = new FormData();
    form.set('deployment-name', name);
    if (options.source) form.set('deployment-source', options.source);
    if (options.tenantId) form.set('tenant-id', options.tenantId);
    for (const [file, content] of Object.entries(files)) form.set(file, new Blob([content], { type: 'application/octet-stream' }), file);
    const response = await fetch(`${this.url}/deployment/create`, { method: 'POST', headers: this.headers(), body: form });
    if (response.status !== 200) throw new Error(`deploy ${name}: ${response.status} ${await response.text()}`);
    return (await response.json()) as EngineDeployment;
  }

  async get<T = unknown>(path: string): Promise<T> {
    const response = await fetch(`${this.url}${path}`, { headers: this.headers() });
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  /** Deployments of a name (and tenant, or none), newest first. */
  deployments(name: string, tenantId?: string): Promise<EngineDeployment[]> {
    const tenant = tenantId ? `tenantIdIn=${encodeURIComponent(tenantId)}` : 'withoutTenantId=true';
    return this.get(`/deployment?name=${encodeURIComponent(name)}&${tenant}&sortBy=deploymentTime&sortOrder=desc`);
  }

  /** The latest version of a process definition key (tenant or none). */
  latestProcess(key: string, tenantId?: string): Promise<Array<{ id: string; version: number; deploymentId: string }>> {
    const tenant = tenantId ? `tenantIdIn=${encodeURIComponent(tenantId)}` : 'withoutTenantId=true';
    return this.get(`/process-definition?key=${encodeURIComponent(key)}&latestVersion=true&${tenant}`);
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
