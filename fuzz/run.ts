/** `npm run fuzz`: see test/fuzz/run-fuzz.ts for the options. */
import { runFuzz } from '../test/fuzz/run-fuzz.ts';

process.exitCode = await runFuzz(process.argv.slice(2));
