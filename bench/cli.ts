/**
 * How fast `flowdeck` answers (issue 18): builds the CLI (as `npm run
 * build:cli` does), then spawns `node bin/flowdeck.js --help` and `node
 * bin/flowdeck.js check diagrams/cri-chain.yaml` and times each process
 * from spawn to exit, wall clock. Peak memory (max RSS) comes from a few
 * more runs under GNU time (`/usr/bin/time -f %M`), when it is there.
 *
 * Run alone: `npm run bench:cli` (BENCH_CLI_RUNS=15 runs per command).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { buildCli } from '../scripts/buildCli.ts';
import { ROOT, table } from './bundle.ts';
import { median, runsFromEnv, type Stats, stats, writeResults } from './results.ts';

const TIME = '/usr/bin/time';
const RSS_RUNS = 3;

/** What is timed, by the name targets.ts looks for. */
export const CLI_COMMANDS: readonly { name: string; args: readonly string[] }[] = [
  { name: 'help', args: ['--help'] },
  { name: 'check', args: ['check', 'diagrams/cri-chain.yaml'] },
];

export interface CliCommand {
  name: string;
  args: readonly string[];
  /** Wall ms from spawn to exit, per run. */
  ms: number[];
  stats: Stats;
  /** Median peak RSS in KiB over RSS_RUNS runs; null without GNU time. */
  maxRssKiB: number | null;
}

export interface CliResults {
  date: string;
  runs: number;
  cpus: number;
  node: string;
  commands: CliCommand[];
}

function run(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['bin/flowdeck.js', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - start;
  if (result.status !== 0)
    throw new Error(`flowdeck ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function maxRss(args: readonly string[]): number | null {
  if (!existsSync(TIME)) return null;
  const values: number[] = [];
  for (let i = 0; i < RSS_RUNS; i++) {
    const result = spawnSync(TIME, ['-f', '%M', process.execPath, 'bin/flowdeck.js', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    // GNU time writes its figure as the last line of stderr.
    const kib = Number(result.stderr.trim().split('\n').pop());
    if (!Number.isFinite(kib)) return null;
    values.push(kib);
  }
  return median(values);
}

/** Builds the CLI, then times each command `runs` times (after one uncounted run). */
export async function runCliBench(runs: number): Promise<CliResults> {
  await buildCli();
  const commands: CliCommand[] = [];
  for (const { name, args } of CLI_COMMANDS) {
    run(args); // the disk cache; not counted
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) ms.push(Math.round(run(args) * 10) / 10);
    commands.push({ name, args, ms, stats: stats(ms), maxRssKiB: maxRss(args) });
  }
  return {
    date: new Date().toISOString(),
    runs,
    cpus: cpus().length,
    node: process.version,
    commands,
  };
}

export function formatCli(r: CliResults): string {
  const rows = [['command', 'wall ms median (min–max)', 'peak RSS']];
  for (const c of r.commands) {
    const s = c.stats;
    rows.push([
      `flowdeck ${c.args.join(' ')}`,
      `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`,
      c.maxRssKiB === null ? '–' : `${(c.maxRssKiB / 1024).toFixed(0)} MiB`,
    ]);
  }
  return `\nCLI: spawn → exit of \`node bin/flowdeck.js …\` (built CLI), ${r.runs} runs each after one uncounted, ${r.cpus} CPUs, node ${r.node}\n\n${table(rows)}`;
}

/** Runs per command: $BENCH_CLI_RUNS, else 15. */
export function cliRuns(): number {
  return runsFromEnv('BENCH_CLI_RUNS', 15);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cli = await runCliBench(cliRuns());
  console.log(formatCli(cli));
  console.log(`\nwrote ${writeResults({ cli })}`);
}
