// The module boundaries of both apps, checked from the import lines:
// - a module (`apps/<app>/api/src/modules/<feature>/`) is used from outside only through its
//   `index.ts`: other modules, app.ts, commands and the app's front end alike;
// - a front end imports API code for its types only (`import type`), through that index.ts;
// - a route file never imports a table (`db/schema/`, the platform's `schema.ts` files);
// - an app names the platform's tables only in its own table definitions (foreign keys), never
//   to query them: it goes through the platform for those;
// - the platform imports nothing of either app.
// Run it: `node scripts/boundaries/check-boundaries.ts [root]`; its test runs it on the code and
// on a fixture that breaks each rule.
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule:
    | 'module-internals'
    | 'web-value-import'
    | 'route-imports-table'
    | 'platform-table-query'
    | 'platform-imports-app';
}

interface ImportLine {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

const IMPORT =
  /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([\s\S]*?)\s*from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every import and re-export of a file, with whether it is for types only. */
export function importsOf(source: string): ImportLine[] {
  const found: ImportLine[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const specifier = m[4] ?? m[5];
    if (!specifier) continue;
    const offset = (m.index ?? 0) + m[0].search(/import|export/);
    const line = source.slice(0, offset).split('\n').length;
    const clause = m[3] ?? '';
    // `import type {…}`, or `import { type A, type B }` where every name is a type.
    const names = clause
      .replace(/[{}]/g, '')
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean);
    const allTyped = clause.startsWith('{') && names.length > 0 && names.every((n) => n.startsWith('type '));
    found.push({ specifier, line, typeOnly: Boolean(m[2]) || allTyped });
  }
  return found;
}

const SOURCE = /\.(ts|tsx)$/;
const SKIP = new Set(['node_modules', 'dist', '.cache', 'fixtures']);

function* sourceFiles(dir: string): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

/** `apps/<app>/api/src/modules/<feature>/rest` split, or undefined outside a module. */
function moduleOf(path: string): { app: string; feature: string; rest: string } | undefined {
  const parts = path.split(sep);
  const at = parts.indexOf('modules');
  if (at < 4 || parts[at - 4] !== 'apps' || parts[at - 2] !== 'api' || parts[at - 1] !== 'src') return;
  if (parts.length < at + 3) return;
  return { app: parts[at - 3] ?? '', feature: parts[at + 1] ?? '', rest: parts.slice(at + 2).join('/') };
}

const isTable = (specifier: string, target: string | undefined) =>
  (target ?? specifier).split(sep).join('/').includes('/db/schema') ||
  /^@campus\/platform\/[a-z-]+\/schema(\.ts)?$/.test(specifier) ||
  /^@campus\/platform\/tables$/.test(specifier);

/** The rule each import of the tree under `root` (a checkout, or a fixture shaped like one) breaks. */
export function findViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  const roots = ['apps', 'packages'].map((d) => join(root, d));
  for (const top of roots) {
    for (const file of sourceFiles(top)) {
      const rel = relative(root, file).split(sep).join('/');
      // Tests may reach into what they test (a repository to set up rows, a list of reasons).
      const isTest = rel.includes('/test/') || rel.includes('/e2e/') || /\.test\.tsx?$/.test(rel);
      const inPlatform = rel.startsWith('packages/platform/');
      const webApp = /^apps\/([^/]+)\/web\//.exec(rel)?.[1];
      const home = moduleOf(rel.split('/').join(sep));
      const isRoute = /\.routes\.ts$/.test(rel);
      for (const imp of importsOf(readFileSync(file, 'utf8'))) {
        const target = imp.specifier.startsWith('.')
          ? relative(root, resolve(dirname(file), imp.specifier))
          : undefined;
        const add = (rule: Violation['rule']) =>
          violations.push({ file: rel, line: imp.line, specifier: imp.specifier, rule });
        if (isRoute && isTable(imp.specifier, target)) add('route-imports-table');
        if (imp.specifier === '@campus/platform/tables' && rel.startsWith('apps/') && !isTest)
          if (!rel.includes('/db/schema/')) add('platform-table-query');
        if (!target) continue;
        const targetPosix = target.split(sep).join('/');
        if (inPlatform && targetPosix.startsWith('apps/')) add('platform-imports-app');
        const into = moduleOf(target);
        if (!into) continue;
        const sameModule = home && home.app === into.app && home.feature === into.feature;
        if (sameModule || isTest) continue;
        if (into.rest !== 'index.ts') add('module-internals');
        else if (webApp && !imp.typeOnly) add('web-value-import');
      }
    }
  }
  return violations;
}

export const describeViolation = (v: Violation): string =>
  `${v.file}:${v.line} imports '${v.specifier}' (${v.rule})`;

if (import.meta.main) {
  const found = findViolations(process.argv[2] ?? process.cwd());
  for (const v of found) console.error(describeViolation(v));
  console.error(found.length === 0 ? 'module boundaries hold' : `${found.length} boundary violations`);
  process.exit(found.length === 0 ? 0 : 1);
}
