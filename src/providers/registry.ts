import type { Settings } from '../settings.js';
import type { ProviderDeps, RollbackProvider } from './provider.js';

/**
 * The provider the settings name, loaded only then: a run uses one platform, and the others'
 * code would only add to the start-up before its first request (the bundle keeps each in a chunk).
 */
export async function createProvider(settings: Settings, deps: ProviderDeps): Promise<RollbackProvider> {
  switch (settings.provider) {
    case 'phala': {
      const { createPhalaProvider } = await import('./phala/phala-provider.js');
      return createPhalaProvider(settings, deps);
    }
    case 'qovery': {
      const { createQoveryProvider } = await import('./qovery/qovery-provider.js');
      return createQoveryProvider(settings, deps);
    }
    case 'camunda': {
      const { createCamundaProvider } = await import('./camunda/camunda-provider.js');
      return createCamundaProvider(settings, deps);
    }
  }
}
