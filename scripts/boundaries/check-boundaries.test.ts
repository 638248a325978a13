import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { describeViolation, findViolations, importsOf } from './check-boundaries.ts';

const here = dirname(fileURLToPath(import.meta.url));
const checkout = join(here, '..', '..');

test('both apps keep their module boundaries', () => {
  const found = findViolations(checkout).map(describeViolation);
  assert.deepEqual(found, []);
});

test('the fixture breaks each rule once, and the check says where', () => {
  const found = findViolations(join(here, 'fixtures', 'broken'))
    .map(describeViolation)
    .sort();
  assert.deepEqual(found, [
    "apps/demo/api/src/modules/notes/notes.files.ts:2 imports '@campus/platform/tables' (platform-table-query)",
    "apps/demo/api/src/modules/notes/notes.routes.ts:2 imports '../../db/schema/notes.ts' (route-imports-table)",
    "apps/demo/api/src/modules/people/people.use-case.ts:2 imports '../notes/notes.repository.ts' (module-internals)",
    "apps/demo/web/src/notes-page.ts:4 imports '../../api/src/modules/notes/index.ts' (web-value-import)",
    "apps/demo/web/src/notes-page.ts:5 imports '../../api/src/modules/notes/notes.schemas.ts' (module-internals)",
    "packages/platform/src/leak.ts:2 imports '../../../apps/demo/api/src/modules/notes/index.ts' (platform-imports-app)",
  ]);
});

test('imports are read across lines, with type-only ones told apart', () => {
  const source = [
    "import type { A } from './a.ts';",
    'import {',
    '  type B,',
    '  type C,',
    "} from './b.ts';",
    "import { type D, e } from './d.ts';",
    "export { f } from './f.ts';",
    "const g = await import('./g.ts');",
  ].join('\n');
  assert.deepEqual(
    importsOf(source).map((i) => [i.specifier, i.line, i.typeOnly]),
    [
      ['./a.ts', 1, true],
      ['./b.ts', 2, true],
      ['./d.ts', 6, false],
      ['./f.ts', 7, false],
      ['./g.ts', 8, false],
    ],
  );
});
