import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, csvLine, csvStream } from './csv.ts';

test('cells that a spreadsheet would run as formulas are neutralised', () => {
  assert.equal(
    csvCell('=HYPERLINK("http://evil.example","click")'),
    `"'=HYPERLINK(""http://evil.example"",""click"")"`,
  );
  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    assert.ok(csvCell(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`), JSON.stringify(start));
  }
  assert.equal(csvCell(-5), '-5', 'numbers stay numbers');
  assert.equal(csvCell('plain'), 'plain');
});

test('quoting follows RFC 4180', () => {
  assert.equal(
    csvLine(['a,b', 'say "hi"', 'two\nlines', null, 3, true, new Date(0)]),
    '"a,b","say ""hi""","two\nlines",,3,true,1970-01-01T00:00:00.000Z\r\n',
  );
});

test('the stream writes a header and every row of every batch', async () => {
  async function* batches() {
    yield [{ n: 1 }, { n: 2 }];
    yield [{ n: 3 }];
  }
  let text = '';
  for await (const chunk of csvStream([{ header: 'n', value: (r: { n: number }) => r.n }], batches()))
    text += chunk;
  assert.equal(text, '\uFEFFn\r\n1\r\n2\r\n3\r\n');
});
