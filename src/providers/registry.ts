import type { Deadline } from '../clock.js';
import type { Logger } from '../log.js';
import type { Settings } from '../settings.js';
import { createCamundaProvider } from './camunda/camunda-provider.js';
import { createPhalaProvider } from './phala/phala-provider.js';
import type { RollbackProvider } from './provider.js';
import { createQoveryProvider } from './qovery/qovery-provider.js';

/** What every provider is built with; each makes its own API client from its settings. */
export interface ProviderDeps {
  deadline: Deadline;
  log: Logger;
  /** `rollback-action/<version>`; a provider appends its own tag. */
  userAgent: string;
}

export function createProvider(settings: Settings, deps: ProviderDeps): RollbackProvider {
  switch (settings.provider) {
    case 'phala':
      return createPhalaProvider(settings, deps);
    case 'qovery':
      return createQoveryProvider(settings, deps);
    case 'camunda':
      return createCamundaProvider(settings, deps);
  }
}
