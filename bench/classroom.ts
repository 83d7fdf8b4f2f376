/**
 * The live classroom at class size (issue 20): the server in a child process
 * (bench/classroomServer.ts), a teacher and 500 students as WebSocket
 * clients in this process. The teacher changes the scene 50 times, each once
 * every student has the last and 150 ms have passed (a teacher stepping
 * briskly, within the teacher's rate limit); each student notes when each
 * scene arrives. Teacher and students share this process's clock, so a
 * latency is receipt minus send, and it includes this process taking 500
 * sockets' messages in turn (the last student's share is the longest).
 * The server's memory per student is its heap and RSS after a full
 * collection with the students connected, less the same before they came
 * (after 20 came and went, so lazily made things are in the baseline).
 *
 * Run alone: `npm run bench:classroom` (BENCH_CLASSROOM_STUDENTS=500,
 * BENCH_CLASSROOM_SCENES=50); part of `npm run bench` (BENCH_CLASSROOM=0 skips it).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import type { ServerMemory } from './classroomServer.ts';
import { runsFromEnv, table, writeResults } from './results.ts';

const GAP_MS = 150;

export interface ClassroomResults {
  date: string;
  cpus: number;
  node: string;
  students: number;
  scenes: number;
  /** Teacher's send → a student's receipt, every student and scene, ms. */
  latency: Percentiles;
  /** Teacher's send → the last student's receipt, per scene, ms. */
  lastStudent: Percentiles;
  /** From the first student's connect to the last one's welcome, ms. */
  joinMs: number;
  /** Server memory per connected student, bytes (after a full GC). */
  perStudent: { heap: number; rss: number };
  server: { before: ServerMemory; after: ServerMemory };
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(at(1)) };
}

function startServer(): Promise<{ child: ChildProcess; port: number; secret: string }> {
  const child = fork(fileURLToPath(new URL('classroomServer.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number; secret: string }) => resolve({ child, ...m }));
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
  });
}

function ask<T>(child: ChildProcess, question: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m: T) => resolve(m));
    child.send(question);
  });
}

/** Opens a socket, says hello and resolves on the welcome; `onScene` hears every later scene's step. */
function join(url: string, hello: object, onScene?: (step: number, at: number) => void) {
  const ws = new WebSocket(url);
  return new Promise<WebSocket>((resolve, reject) => {
    ws.once('open', () => ws.send(JSON.stringify(hello)));
    ws.once('error', reject);
    ws.on('message', (data) => {
      const at = performance.now();
      const message = JSON.parse(String(data)) as {
        type: string;
        scene?: { cue: { step: number } };
      };
      if (message.type === 'welcome') resolve(ws);
      else if (message.type === 'scene' && message.scene) onScene?.(message.scene.cue.step, at);
    });
  });
}

function closeAll(sockets: WebSocket[]) {
  return Promise.all(
    sockets.map(
      (ws) =>
        new Promise((resolve) => {
          ws.once('close', resolve);
          ws.close();
        }),
    ),
  );
}

export async function runClassroomBench(
  students: number,
  scenes: number,
): Promise<ClassroomResults> {
  const { child, port, secret } = await startServer();
  const url = `ws://127.0.0.1:${port}/classroom/socket`;
  try {
    let room = '';
    const teacher = new WebSocket(url);
    await new Promise<void>((resolve) => {
      teacher.once('open', () =>
        teacher.send(JSON.stringify({ v: 1, type: 'hello', role: 'teacher', secret })),
      );
      teacher.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string; room?: string };
        if (message.type === 'welcome' && message.room) {
          room = message.room;
          resolve();
        }
      });
    });
    const hello = (id: string) => ({ v: 1, type: 'hello', role: 'student', room, id });

    const warm = await Promise.all(Array.from({ length: 20 }, (_, i) => join(url, hello(`w${i}`))));
    await closeAll(warm);
    const before = (await ask<{ memory: ServerMemory }>(child, 'memory')).memory;

    // received[step - 1][student] = when it arrived
    const received = Array.from({ length: scenes }, () => new Array<number>(students).fill(0));
    let arrivals = 0;
    let arrived = () => {};
    const joinStart = performance.now();
    const sockets: WebSocket[] = [];
    for (let first = 0; first < students; first += 50) {
      const batch = Array.from({ length: Math.min(50, students - first) }, (_, k) => {
        const i = first + k;
        return join(url, hello(`s${i}`), (step, at) => {
          const row = received[step - 1];
          if (!row || row[i] !== 0) return;
          row[i] = at;
          if (++arrivals % students === 0) arrived();
        });
      });
      sockets.push(...(await Promise.all(batch)));
    }
    const joinMs = performance.now() - joinStart;
    const after = (await ask<{ memory: ServerMemory }>(child, 'memory')).memory;

    const sent: number[] = [];
    for (let step = 1; step <= scenes; step++) {
      const all = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      const cue = { kind: 'diagram', diagram: 'bench', flow: 'main', step };
      sent.push(performance.now());
      teacher.send(JSON.stringify({ v: 1, type: 'scene', scene: { cue, blank: 'none' } }));
      await all;
      await new Promise((resolve) => setTimeout(resolve, GAP_MS));
    }
    await closeAll([...sockets, teacher]);

    const latencies = received.flatMap((row, s) => row.map((at) => at - (sent[s] ?? 0)));
    const lasts = received.map((row, s) => Math.max(...row) - (sent[s] ?? 0));
    return {
      date: new Date().toISOString(),
      cpus: cpus().length,
      node: process.version,
      students,
      scenes,
      latency: percentiles(latencies),
      lastStudent: percentiles(lasts),
      joinMs: Math.round(joinMs),
      perStudent: {
        heap: Math.round((after.heapUsed - before.heapUsed) / students),
        rss: Math.round((after.rss - before.rss) / students),
      },
      server: { before, after },
    };
  } finally {
    child.send('stop');
  }
}

export function formatClassroom(r: ClassroomResults): string {
  const row = (name: string, p: Percentiles) => [name, ...[p.p50, p.p95, p.p99, p.max].map(String)];
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  return [
    `\nClassroom: ${r.students} students and a teacher on one server (a child process), ${r.scenes} scene changes, ${r.cpus} CPUs, node ${r.node}\n`,
    table([
      ['ms', 'p50', 'p95', 'p99', 'max'],
      row('teacher → each student', r.latency),
      row('teacher → last student', r.lastStudent),
    ]),
    `\n${r.students} students joined in ${r.joinMs} ms; server memory per student: heap ${kib(r.perStudent.heap)}, RSS ${kib(r.perStudent.rss)} (after GC)`,
  ].join('\n');
}

/** Students: $BENCH_CLASSROOM_STUDENTS, else 500. Scenes: $BENCH_CLASSROOM_SCENES, else 50. */
export function classroomSize(): { students: number; scenes: number } {
  return {
    students: runsFromEnv('BENCH_CLASSROOM_STUDENTS', 500),
    scenes: runsFromEnv('BENCH_CLASSROOM_SCENES', 50),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { students, scenes } = classroomSize();
  const classroom = await runClassroomBench(students, scenes);
  console.log(formatClassroom(classroom));
  console.log(`\nwrote ${writeResults({ classroom })}`);
}
