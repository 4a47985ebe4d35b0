/**
 * The defaults action.yml declares. The runner sets INPUT_<NAME> to the default for every input
 * the workflow leaves out, so "given" means "differs from this". A test keeps it equal to
 * action.yml.
 */
export const INPUT_DEFAULTS = {
  provider: 'phala',
  revision: 'previous',
  wait: 'true',
  timeout: '600',
  dry_run: 'false',
  health_status: '200-399',
  health_timeout: '300',
  rollback_when: 'always',
  health_failures: '3',
  health_interval: '10',
  environment: 'production'
} as const satisfies Record<string, string>;

/** The default of an input, '' for one action.yml gives none. */
export function defaultOf(name: string): string {
  return (INPUT_DEFAULTS as Record<string, string | undefined>)[name] ?? '';
}
