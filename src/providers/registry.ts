import type { Settings } from '../settings.js';
import { createCamundaProvider } from './camunda/camunda-provider.js';
import { createPhalaProvider } from './phala/phala-provider.js';
import type { ProviderDeps, RollbackProvider } from './provider.js';
import { createQoveryProvider } from './qovery/qovery-provider.js';

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
