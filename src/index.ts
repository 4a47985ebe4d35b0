// The runner executes dist/index.js, bundled from here.
import { main } from './main.js';

await main();
