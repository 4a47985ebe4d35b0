/**
 * `npm run check:docs [-- --parse-only]`: every ```yaml block in README.md and docs/*.md parses,
 * and, wrapped into the smallest workflow that holds it (see scripts/docs/yaml-blocks.ts), passes
 * actionlint, together with the repository's own workflows. Exits 1 naming each failing block by
 * file and line.
 *
 * actionlint is looked up as $ACTIONLINT, then on PATH, then in $(go env GOPATH)/bin. The npm
 * package of that name bundles an old release that does not know `vars`, so it is not used:
 * install with `go install github.com/rhysd/actionlint/cmd/actionlint@latest`.
 * shellcheck and pyflakes are switched off: the `run:` lines of the examples stand for the
 * reader's own scripts, and the result must not depend on what else the machine has installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { checkAll, documentationFiles, markdownLine, type Wrapped } from './docs/yaml-blocks.js';

const root = process.cwd();

function findActionlint(): string | undefined {
  if (process.env.ACTIONLINT) return process.env.ACTIONLINT;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, 'actionlint'))) return join(dir, 'actionlint');
  for (const go of ['go', '/usr/local/go/bin/go']) {
    try {
      const candidate = join(execFileSync(go, ['env', 'GOPATH'], { encoding: 'utf8' }).trim(), 'bin', 'actionlint');
      if (existsSync(candidate)) return candidate;
    } catch {
      // no Go here; try the next place
    }
  }
  return undefined;
}

function main(): number {
  const parseOnly = process.argv.includes('--parse-only');
  const checked = checkAll(root);
  const failures: string[] = [];
  for (const c of checked) if ('error' in c) failures.push(`${c.block.file}:${c.block.line}: the yaml block does not parse or cannot be placed in a workflow: ${c.error}`);
  const wrapped = checked.filter((c): c is Wrapped => !('error' in c));
  console.log(`${checked.length} yaml blocks in ${documentationFiles(root).length} files: ${wrapped.length} parse and fit in a workflow.`);

  if (!parseOnly) {
    const actionlint = findActionlint();
    if (!actionlint) {
      failures.push('actionlint not found: go install github.com/rhysd/actionlint/cmd/actionlint@latest (or set ACTIONLINT), or pass --parse-only');
    } else {
      // A project of its own: .github/workflows holds the blocks, action.yml is this action's, so
      // `uses: ./` is checked against the real inputs.
      const project = mkdtempSync(join(tmpdir(), 'yaml-blocks-'));
      try {
        mkdirSync(join(project, '.git'));
        mkdirSync(join(project, '.github', 'workflows'), { recursive: true });
        copyFileSync(join(root, 'action.yml'), join(project, 'action.yml'));
        // actionlint checks that runs.main exists; its content does not matter here.
        mkdirSync(join(project, 'dist'));
        writeFileSync(join(project, 'dist', 'index.js'), '');
        const names = new Map<string, Wrapped>();
        wrapped.forEach((w, i) => {
          const name = `block-${String(i + 1).padStart(2, '0')}.yml`;
          names.set(name, w);
          writeFileSync(join(project, '.github', 'workflows', name), w.workflow);
        });
        const own = readdirSync(join(root, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f));
        for (const f of own) copyFileSync(join(root, '.github', 'workflows', f), join(project, '.github', 'workflows', `repo-${f}`));
        const result = spawnSync(
          actionlint,
          ['-shellcheck=', '-pyflakes=', '-format', '{{range $err := .}}{{$err.Filepath}}\t{{$err.Line}}\t{{$err.Message}} [{{$err.Kind}}]\n{{end}}'],
          {
            cwd: project,
            encoding: 'utf8'
          }
        );
        const version = spawnSync(actionlint, ['-version'], { encoding: 'utf8' }).stdout.split('\n')[0];
        console.log(`actionlint ${version}: ${names.size} blocks and ${own.length} workflows of .github/workflows.`);
        if (result.error) failures.push(`actionlint did not run: ${result.error.message}`);
        for (const line of result.stdout.split('\n').filter(Boolean)) {
          const [path = '', at = '0', message = line] = line.split('\t');
          const name = path.split('/').pop() ?? '';
          const w = names.get(name);
          if (w) {
            const mdLine = markdownLine(w, Number(at));
            failures.push(`${w.block.file}:${mdLine ?? w.block.line}: ${message}${mdLine === undefined ? ` (in the ${w.kind} wrapper)` : ''}`);
          } else failures.push(`.github/workflows/${name.replace(/^repo-/, '')}:${at}: ${message}`);
        }
        if (result.status !== 0 && result.stdout.trim() === '') failures.push(`actionlint exited ${result.status}: ${result.stderr.trim()}`);
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    }
  }

  for (const f of failures) console.log(f);
  console.log(failures.length === 0 ? 'Every yaml block is valid.' : `${failures.length} problem(s) in yaml blocks or workflows.`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = main();
