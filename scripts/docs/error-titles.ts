/**
 * The annotation titles the action can print, read from the sources (src/), so docs/errors.md can
 * be kept equal to them by a test. A title is what the reader sees first in an incident; one that
 * the errors table does not explain sends them searching the code.
 *
 * Read with the TypeScript parser, not by text search, so formatting never hides a title:
 * - errors: the first argument of `new ActionError(…)` and of `super(…)` in a class that extends
 *   ActionError (InputError, TimeoutError, …), plus literals given to anything named `title`
 *   (`title: '…'`, `const title = '…'`), which is how the entry point names failures it did not throw;
 * - warnings: the second argument of a `.warning(message, title)` call.
 * A title argument may be a string or template literal (each `${…}` matches any text), a
 * condition between such, a `const` of the same file holding one, or a parameter of the enclosing
 * function (then each call of that function in the file is read). Anything else is reported as
 * unresolved, so a title can never slip past the table by being computed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Title {
  /** The title with each `${…}` written as `…`. */
  text: string;
  /** Matches a concrete title (the table's `<name>` or `…` placeholders included). */
  pattern: RegExp;
  kind: 'error' | 'warning';
  /** file:line of the site, repository-relative. */
  where: string;
}

export interface Extraction {
  titles: Title[];
  /** Sites whose title could not be read as literal text: file:line and the expression. */
  unresolved: string[];
}

const BASE = 'ActionError';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []
  );
}

function patternOf(parts: string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${parts.map((p, i) => (i % 2 === 0 ? escape(p) : '.+')).join('')}$`);
}

export function errorTitles(root: string): Extraction {
  const files = sourceFiles(join(root, 'src')).map((path) => ({ path, sf: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true) }));

  // Every class that is an ActionError, across files, so `super(…)` in a subclass of a subclass counts.
  const errorClasses = new Set([BASE]);
  for (let grew = true; grew;) {
    grew = false;
    for (const { sf } of files)
      sf.forEachChild(function visit(node: ts.Node): void {
        if (ts.isClassDeclaration(node) && node.name && !errorClasses.has(node.name.text)) {
          const parent = node.heritageClauses?.flatMap((h) => h.types.map((t) => t.expression.getText(sf)))[0];
          if (parent && errorClasses.has(parent)) {
            errorClasses.add(node.name.text);
            grew = true;
          }
        }
        node.forEachChild(visit);
      });
  }

  const titles: Title[] = [];
  const unresolved: string[] = [];

  for (const { path, sf } of files) {
    const file = relative(root, path);
    const at = (node: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const consts = new Map<string, ts.Expression>();
    sf.forEachChild(function collect(node: ts.Node): void {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const)
        consts.set(node.name.text, node.initializer);
      node.forEachChild(collect);
    });

    /** Literal texts an expression can have, as alternating text/wildcard parts; undefined when unknown. */
    const resolve = (expr: ts.Expression, depth = 0): string[][] | undefined => {
      if (depth > 4) return undefined;
      if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) return resolve(expr.expression, depth);
      if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [[expr.text]];
      if (ts.isTemplateExpression(expr)) return [[expr.head.text, ...expr.templateSpans.flatMap((s) => ['…', s.literal.text])]];
      if (ts.isConditionalExpression(expr)) {
        const a = resolve(expr.whenTrue, depth + 1);
        const b = resolve(expr.whenFalse, depth + 1);
        return a && b ? [...a, ...b] : undefined;
      }
      if (ts.isIdentifier(expr)) {
        const constant = consts.get(expr.text);
        if (constant) return resolve(constant, depth + 1);
        // A parameter: read the argument at its position in every call of the function in this file.
        let fn: ts.Node | undefined = expr.parent;
        while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
        if (fn && ts.isFunctionLike(fn)) {
          const index = fn.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === expr.text);
          const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text : undefined;
          if (index >= 0 && name) {
            const found: string[][] = [];
            let ok = true;
            sf.forEachChild(function calls(node: ts.Node): void {
              if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) {
                const arg = node.arguments[index];
                const r = arg && resolve(arg, depth + 1);
                if (r) found.push(...r);
                else ok = false;
              }
              node.forEachChild(calls);
            });
            return ok && found.length > 0 ? found : undefined;
          }
        }
      }
      return undefined;
    };

    const add = (expr: ts.Expression | undefined, kind: Title['kind'], site: ts.Node) => {
      const texts = expr && resolve(expr);
      if (!texts) {
        unresolved.push(`${at(site)}: ${expr ? expr.getText(sf) : '(no title argument)'}`);
        return;
      }
      for (const parts of texts) {
        const split = parts.join('').split('…');
        titles.push({ text: parts.join(''), pattern: patternOf(split.flatMap((p, i) => (i === 0 ? [p] : ['', p]))), kind, where: at(site) });
      }
    };

    sf.forEachChild(function visit(node: ts.Node): void {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === BASE) add(node.arguments?.[0], 'error', node);
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
        let cls: ts.Node | undefined = node.parent;
        while (cls && !ts.isClassDeclaration(cls)) cls = cls.parent;
        const name = cls && ts.isClassDeclaration(cls) ? cls.name?.text : undefined;
        // ActionError's own super(message) is Error's constructor, not a title.
        if (name && name !== BASE && errorClasses.has(name)) add(node.arguments[0], 'error', node);
      }
      if ((ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) && ts.isIdentifier(node.name) && node.name.text === 'title' && node.initializer) {
        if (resolve(node.initializer)) add(node.initializer, 'error', node);
      }
      // `runner.warning(message, title)` (report/runner-commands.ts, as `core.warning` was) is the
      // plumbing every warning goes through, not a title.
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.name.text === 'warning' &&
        !['core', 'runner'].includes(node.expression.expression.getText(sf)) &&
        node.arguments.length >= 2
      )
        add(node.arguments[1], 'warning', node);
      node.forEachChild(visit);
    });
  }
  return { titles, unresolved };
}
