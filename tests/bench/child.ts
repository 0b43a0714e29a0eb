/**
 * Runs one measured step in a fresh process, so its peak memory is its own:
 *   tsx tests/bench/child.ts <step> <json args>
 * Prints one JSON line: { ms, peakRssMb, ...result }.
 */
import { steps } from './steps';

const [name, json] = process.argv.slice(2);
const step = steps[name];
if (!step) {
  console.error(`unknown step ${name}`);
  process.exit(2);
}
const t0 = process.hrtime.bigint();
const result = await step(JSON.parse(json ?? '{}'));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ms, peakRssMb, ...result }));
