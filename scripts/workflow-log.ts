/**
 * Shows an action's stdout the way the Actions UI does, for the demo: workflow commands are
 * read, not printed raw (a masked value, a debug line, an output are hidden; an annotation is shown
 * as the titled line the UI would show).
 */
const unescapeData = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (text: string) => unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function renderWorkflowLog(stdout: string, options: { debug?: boolean } = {}): string {
  const shown: string[] = [];
  for (const line of stdout.split('\n')) {
    const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!command) {
      shown.push(line);
      continue;
    }
    const [, name, props = '', data = ''] = command;
    const title = /(?:^|,)title=([^,]*)/.exec(props)?.[1];
    const message = unescapeData(data);
    switch (name) {
      case 'error':
      case 'warning':
      case 'notice': {
        const label = name.charAt(0).toUpperCase() + name.slice(1);
        const head = title ? `${label}: ${unescapeProperty(title)}` : label;
        shown.push(`${head}\n${message.replace(/^/gm, '  ')}`);
        break;
      }
      case 'debug':
        if (options.debug) shown.push(`[debug] ${message}`);
        break;
      case 'group':
        shown.push(`▸ ${message}`);
        break;
      default:
        // add-mask, endgroup, set-output, … are instructions to the runner, not text for a reader.
        break;
    }
  }
  return shown.join('\n');
}
