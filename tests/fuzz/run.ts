/**
 * `npm run fuzz`: the long run of the parser fuzzing. Feeds the parsers
 * random text, token soups and mutated diagrams for FUZZ_SECONDS (default
 * 180), then the pathological inputs with their heavy twins, and prints
 * what it fed, how long the slowest input took, and every fault. Exits 1 on
 * a fault, with the seed and fast-check's shrunk counterexample.
 *
 *   FUZZ_SECONDS=600 npm run fuzz     longer
 *   FUZZ_RUNS=5000 npm run fuzz       a fixed number of inputs instead
 *   FUZZ_SEED=42 npm run fuzz         replay a run
 *   FUZZ_SLOW_MS=1000                 an input slower than this is a fault
 *   FUZZ_OUT=tests/artifacts/fuzz     where the slowest input and counterexamples go
 *   FUZZ_LAYOUTS=300                  how many parsed diagrams to lay out too (1 in 50 models)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { createDefaultLayoutEngine } from '../../src/core/layout/createDefaultLayoutEngine.ts';
import type { Model } from '../../src/core/model/types.ts';
import { type FuzzCase, fuzzCases, loadSeeds, outcomeProblems, runParser } from './fuzzInputs.ts';
import { PATHOLOGICAL } from './pathologicalInputs.ts';

const env = process.env;
const seconds = Number(env.FUZZ_SECONDS ?? 180);
const runs = env.FUZZ_RUNS === undefined ? undefined : Number(env.FUZZ_RUNS);
const seed = env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(env.FUZZ_SEED);
const slowMs = Number(env.FUZZ_SLOW_MS ?? 1000);
/** The heavy pathological inputs are megabytes; they get more time. */
const heavySlowMs = Number(env.FUZZ_HEAVY_SLOW_MS ?? 15_000);
const out = path.resolve(env.FUZZ_OUT ?? 'tests/artifacts/fuzz');
const maxLayouts = Number(env.FUZZ_LAYOUTS ?? 300);
/** Models from parseDiagram to lay out after the run (layout is async and slower). */
const toLayOut: Array<{ model: Model; text: string; file: string }> = [];
let models = 0;

const seeds = loadSeeds();
const counts = new Map<string, number>();
const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
let total = 0;
let slowest = { ms: 0, case: undefined as FuzzCase | undefined };
const faults: string[] = [];

function save(name: string, text: string): string {
  mkdirSync(out, { recursive: true });
  const file = path.join(out, name);
  writeFileSync(file, text);
  return path.relative(process.cwd(), file);
}

/** One input: run, time, check. Returns its problems (a slow input is one). */
function fuzzOne(c: FuzzCase): string[] {
  const start = performance.now();
  const outcome = runParser(c.parser, c.text, c.file);
  const ms = performance.now() - start;
  total++;
  count(`${c.parser}\t${c.kind.split(':')[0]}`);
  if (c.kind.startsWith('mutant:'))
    for (const k of new Set(c.kind.slice(7).split('+'))) count(`mutation\t${k}`);
  if (ms > slowest.ms) slowest = { ms, case: c };
  const problems = outcomeProblems(c.parser, c.text, outcome);
  if (c.parser === 'parseDiagram' && !(outcome instanceof Error) && outcome.model) {
    // What the app lays out: a model within the limits.
    const withinLimits = !outcome.diagnostics.some((d) => d.message.includes('limits.'));
    if (withinLimits && models++ % 50 === 0 && toLayOut.length < maxLayouts)
      toLayOut.push({ model: outcome.model as Model, text: c.text, file: c.file });
  }
  if (ms > slowMs) problems.push(`took ${Math.round(ms)} ms (over FUZZ_SLOW_MS=${slowMs})`);
  return problems;
}

console.log(
  `Fuzzing the parsers: seed ${seed}, ${runs === undefined ? `${seconds} s` : `${runs} inputs`}, ${seeds.length} seed files`,
);
const began = performance.now();
const result = fc.check(
  fc.property(fuzzCases(seeds), (c) => {
    const problems = fuzzOne(c);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }),
  {
    seed,
    ...(runs === undefined
      ? { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000 }
      : { numRuns: runs }),
    markInterruptAsFailure: false,
  },
);
const fuzzSeconds = (performance.now() - began) / 1000;

if (result.failed) {
  const example = result.counterexample?.[0] as FuzzCase | undefined;
  const file = example ? save(`counterexample-${seed}.txt`, example.text) : '(none)';
  faults.push(
    [
      `Property failed after ${result.numRuns} inputs (seed ${seed}, path ${result.counterexamplePath}); shrunk ${result.numShrinks} times.`,
      `  parser ${example?.parser}, file ${example?.file}, kind ${example?.kind}`,
      `  input  ${JSON.stringify(example?.text)}`,
      `  saved  ${file}`,
      `  ${String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance).replace(/\n/g, '\n  ')}`,
      `  replay FUZZ_SEED=${seed} npm run fuzz`,
    ].join('\n'),
  );
}

console.log(`\n${total} inputs in ${fuzzSeconds.toFixed(1)} s (shrinking included)\n`);
console.log('parser          kind              inputs');
for (const [key, n] of [...counts].sort()) {
  const [a = '', b = ''] = key.split('\t');
  console.log(`${a.padEnd(16)}${b.padEnd(18)}${String(n).padStart(6)}`);
}
if (slowest.case) {
  const file = save('slowest.txt', slowest.case.text);
  console.log(
    `\nslowest input: ${slowest.ms.toFixed(1)} ms, ${slowest.case.parser} on ${slowest.case.text.length} characters (${slowest.case.kind}), saved to ${file}`,
  );
}

const engine = createDefaultLayoutEngine();
const layoutStart = performance.now();
let laidOut = 0;
for (const { model, text, file } of toLayOut) {
  try {
    await engine.layout(model);
    laidOut++;
  } catch (error) {
    const saved = save(`layout-fault-${seed}-${laidOut}.txt`, text);
    faults.push(
      `layout of ${file} threw: ${error instanceof Error ? error.message : String(error)}\n  input saved to ${saved}`,
    );
  }
}
console.log(
  `\nlaid out ${laidOut} of ${toLayOut.length} parsed diagrams in ${((performance.now() - layoutStart) / 1000).toFixed(1)} s`,
);

console.log('\nPathological inputs');
for (const c of PATHOLOGICAL) {
  const text = c.text();
  const start = performance.now();
  const outcome = runParser(c.parser, text, c.file ?? 'fuzz.mmd');
  const ms = performance.now() - start;
  const problems = outcomeProblems(c.parser, text, outcome);
  if (!(outcome instanceof Error)) {
    try {
      c.expect?.(outcome);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const limit = c.heavy ? heavySlowMs : slowMs;
  if (ms > limit) problems.push(`took ${Math.round(ms)} ms (over ${limit} ms)`);
  console.log(`${ms.toFixed(0).padStart(7)} ms  ${problems.length ? 'FAULT' : 'ok   '}  ${c.name}`);
  if (problems.length > 0) faults.push(`${c.name} (${c.parser}):\n  ${problems.join('\n  ')}`);
}

if (faults.length > 0) {
  console.log(`\n${faults.length} fault(s):\n`);
  for (const fault of faults) console.log(`${fault}\n`);
  process.exit(1);
}
console.log(`\nNo faults (seed ${seed}).`);
