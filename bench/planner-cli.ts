// `npm run bench:planner`: the social-slot planner against the naive baseline, alone (no build,
// no browser). Prints the table; `npm run bench` measures the same as one of its steps.
import { measurePlanner } from './planner';
import { table } from './report';

const started = Date.now();
const metrics = await measurePlanner();
console.log(`${table(metrics)}\n`);
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
