// A password for a command: asked twice on a terminal (nothing echoed), or the first line of
// standard input when piped. Never an argument: that would sit in shell history and `ps`.
import { createInterface } from 'node:readline/promises';

export async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  const ask = async (question: string) => {
    process.stdout.write(question);
    output._writeToOutput = () => {};
    const answer = await rl.question('');
    process.stdout.write('\n');
    return answer;
  };
  try {
    const first = await ask('Password: ');
    const second = await ask('Password again: ');
    if (first !== second) throw new Error('The passwords differ.');
    return first;
  } finally {
    rl.close();
  }
}
