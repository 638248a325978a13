// The places outside the database where the marker must never be found: files and log lines.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/** Every file under `dir` (recursively) holding the marker; .eml files are decoded first. */
export async function markerInFiles(dir: string, marker: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (entry.name.toLowerCase().includes(marker)) found.push(path);
      const raw = await readFile(path).catch(() => Buffer.alloc(0));
      let text = raw.toString('utf8');
      if (entry.name.endsWith('.eml')) {
        const mail = await simpleParser(raw);
        text += JSON.stringify([mail.subject, mail.text, mail.html, mail.to]);
      }
      if (text.toLowerCase().includes(marker)) found.push(path);
    }
  };
  await walk(dir);
  return found;
}

/** The log lines (parsed, or raw file text) that hold the marker. */
export function markerInLogs(lines: readonly unknown[], marker: string, fileText = ''): string[] {
  const hits = lines.map((l) => JSON.stringify(l)).filter((l) => l.toLowerCase().includes(marker));
  for (const line of fileText.split('\n')) if (line.toLowerCase().includes(marker)) hits.push(line);
  return hits.map((h) => h.slice(0, 400));
}
