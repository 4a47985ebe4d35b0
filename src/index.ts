// The runner executes dist/index.js, bundled from here.
import { run } from './main.js';

await run();
