/** Process adapter of the CLI: real streams and files in, exit status out (logic lives in run.ts). */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { run } from './run.ts';

// A reader that stops early (`| head`) closes the pipe; that ends the run, it is not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});
const tty = process.stdout.isTTY === true;
const code = await run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  readDir: (path) => readdir(path),
  // https://no-color.org: colour stays off when NO_COLOR is set to anything non-empty.
  color: tty && !process.env['NO_COLOR'],
  columns: tty ? process.stdout.columns : undefined,
});
// Exit only once stdout has drained, so a report piped into another program is never cut short.
process.stdout.write('', () => process.exit(code));
