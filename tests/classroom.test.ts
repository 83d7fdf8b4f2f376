import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type ClientMessage,
  type Cue,
  parseServerFrame,
  ROOM_ALPHABET,
  type ServerMessage,
  SOCKET_PATH,
} from '../src/classroom/protocol.ts';

// The live classroom as a user runs it: `flowdeck serve` started from the
// real bin (it builds the explorer for a copied diagrams folder, once for
// this file; the restart reuses that build), with teachers and students
// talking to it over real WebSockets.

const CUE: Cue = { kind: 'diagram', diagram: 'cri-chain', flow: 'main', step: 2 };

interface Served {
  child: ChildProcess;
  output: string[];
  teacher: URL;
  students: URL;
}

let dir: string;
let served: Served;

/** Starts `flowdeck serve` and waits until it prints its links and the Ctrl+C line. */
function serve(port: number): Promise<Served> {
  const child = spawn(
    process.execPath,
    [
      'bin/flowdeck.js',
      'serve',
      join(dir, 'diagrams'),
      '--port',
      String(port),
      '--data',
      join(dir, 'data'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr?.on('data', (chunk) => output.push(String(chunk)));
    child.stdout?.on('data', (chunk) => {
      text += String(chunk);
      const teacher = /^Teacher: (\S+)$/m.exec(text)?.[1];
      const students = /^Students: (\S+)$/m.exec(text)?.[1];
      if (teacher && students && text.includes('Ctrl+C')) {
        output.push(text);
        resolve({ child, output, teacher: new URL(teacher), students: new URL(students) });
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`serve exited with ${code}:\n${text}${output.join('')}`)),
    );
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

const origin = () => served.teacher.origin;
const secret = () => served.teacher.searchParams.get('teacher') ?? '';

/** A WebSocket client that keeps what it receives, to wait on it in order. */
class Client {
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<number>;
  private wake: () => void = () => {};

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = parseServerFrame(String(data));
      if (message) this.received.push(message);
      this.wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  }

  static open(): Promise<Client> {
    const ws = new WebSocket(`ws://${served.teacher.host}${SOCKET_PATH}`);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new Client(ws)));
      ws.once('error', reject);
    });
  }

  send(message: Omit<ClientMessage, 'v'> | ClientMessage): void {
    this.ws.send(JSON.stringify({ v: 1, ...message }));
  }

  /**
   * The next message of this type for which `where` holds; it and every
   * message received before it are taken.
   */
  async next<T extends ServerMessage['type']>(
    type: T,
    where: (message: Extract<ServerMessage, { type: T }>) => boolean = () => true,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    for (;;) {
      const index = this.received.findIndex(
        (m) => m.type === type && where(m as Extract<ServerMessage, { type: T }>),
      );
      if (index >= 0) {
        const [found] = this.received.splice(0, index + 1).slice(-1);
        return found as Extract<ServerMessage, { type: T }>;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** The next message of any type. */
  async any(): Promise<ServerMessage> {
    while (this.received.length === 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    return this.received.shift() as ServerMessage;
  }

  close(): void {
    this.ws.close();
  }
}

async function teacherIn(
  room?: string,
): Promise<{ client: Client; room: string; joinUrl?: string }> {
  const client = await Client.open();
  client.send({ type: 'hello', role: 'teacher', secret: secret(), ...(room ? { room } : {}) });
  const welcome = await client.next('welcome');
  return { client, room: welcome.room, ...(welcome.joinUrl ? { joinUrl: welcome.joinUrl } : {}) };
}

async function studentIn(room: string, id: string, nickname?: string) {
  const client = await Client.open();
  client.send({ type: 'hello', role: 'student', room, id, ...(nickname ? { nickname } : {}) });
  const welcome = await client.next('welcome');
  return { client, welcome };
}

async function stats() {
  return (await (await fetch(`${origin()}/classroom/stats`)).json()) as {
    dropped: Record<string, number>;
    notAllowed: number;
    closedForFlood: number;
    students: number;
  };
}

/** GET with the path sent as written (fetch would resolve `..` first). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: served.teacher.hostname, port: served.teacher.port, path },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'flowdeck-serve-'));
  mkdirSync(join(dir, 'diagrams'));
  for (const name of ['cri-chain.yaml', 'apply-flow.mmd']) {
    copyFileSync(join('diagrams', name), join(dir, 'diagrams', name));
  }
  served = await serve(0);
}, 180_000);

afterAll(async () => {
  if (served?.child.exitCode === null) await stop(served.child);
  rmSync(dir, { recursive: true, force: true });
});

describe('flowdeck serve', () => {
  it('prints a teacher link with a secret and the students’ join link on the same port', () => {
    expect(served.teacher.pathname).toBe('/');
    expect(secret()).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(served.students.origin).toBe(served.teacher.origin);
    expect(served.students.hash).toBe('#/join');
    expect(Number(served.teacher.port)).toBeGreaterThan(0);
  });

  it('serves the built explorer, and nothing outside it', async () => {
    const page = await fetch(`${origin()}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<div id="root">');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const { status, body } = await rawGet(path);
      expect(status, path).toBe(404);
      expect(body).not.toContain('"name": "flowdeck"');
    }
    const info = await (await fetch(`${origin()}/classroom/info`)).json();
    expect(info).toMatchObject({ protocol: 1 });
  });

  let room = '';
  let teacher: Client;

  it('gives the teacher’s tab a room with the secret, and refuses a wrong one', async () => {
    const opened = await teacherIn();
    teacher = opened.client;
    room = opened.room;
    expect(room).toHaveLength(5);
    expect([...room].every((c) => ROOM_ALPHABET.includes(c))).toBe(true);
    expect(opened.joinUrl).toMatch(
      new RegExp(`^http://[^/]+:${served.teacher.port}/#/join/${room}$`),
    );

    const intruder = await Client.open();
    intruder.send({ type: 'hello', role: 'teacher', secret: `${secret()}x` });
    expect(await intruder.any()).toMatchObject({ type: 'error', code: 'bad-secret' });
    intruder.close();
  });

  const students: Client[] = [];

  it('shows every student the teacher’s scene', async () => {
    for (const id of ['s1', 's2', 's3'])
      students.push((await studentIn(room, id, `Student ${id}`)).client);
    const scene = { cue: CUE, blank: 'none' } as const;
    teacher.send({ type: 'scene', scene });
    for (const student of students)
      expect(await student.next('scene')).toEqual({ v: 1, type: 'scene', scene });
    const late = await studentIn(room, 's4');
    expect(late.welcome.scene).toEqual(scene);
    late.client.close();
  });

  it('refuses a student’s teacher messages, and none reaches the class', async () => {
    const [rogue, s2, s3] = students as [Client, Client, Client];
    const before = (await stats()).notAllowed;
    const other = { cue: { ...CUE, step: 9 }, blank: 'black' } as const;
    for (const message of [
      { type: 'scene', scene: other },
      { type: 'ask', cue: CUE },
      { type: 'reveal', expected: ['x'] },
    ] as const) {
      rogue.send(message);
      expect(await rogue.any()).toMatchObject({ type: 'error', code: 'not-allowed' });
    }
    // Messages reach a socket in order: the teacher's scene is the next thing the others get.
    const scene = { cue: { ...CUE, step: 3 }, blank: 'none' } as const;
    teacher.send({ type: 'scene', scene });
    for (const student of [s2, s3])
      expect(await student.any()).toEqual({ v: 1, type: 'scene', scene });
    expect((await stats()).notAllowed).toBe(before + 3);
  });

  it('drops garbage, oversized and flooding clients, counts them, and keeps serving', async () => {
    const hostile = await Client.open();
    hostile.ws.send('not json {');
    hostile.ws.send(Buffer.from([0, 1, 2, 3]));
    hostile.ws.send(JSON.stringify({ v: 2, type: 'ping' }));
    expect(await hostile.next('error')).toMatchObject({ code: 'version' });
    hostile.send({ type: 'ping' });
    await hostile.next('pong');

    const big = await Client.open();
    big.ws.send(JSON.stringify({ v: 1, type: 'ping', pad: 'x'.repeat(5 * 1024) }));
    expect(await big.closed).toBe(1009);

    const flood = await Client.open();
    for (let i = 0; i < 1000; i++) flood.ws.send(JSON.stringify({ v: 1, type: 'ping' }));
    expect(await flood.closed).toBe(1008);

    const counted = await stats();
    expect(counted.dropped).toMatchObject({ binary: 1, version: 1, oversized: 1 });
    expect(counted.dropped.malformed).toBeGreaterThanOrEqual(1);
    expect(counted.dropped.flood).toBeGreaterThanOrEqual(200);
    expect(counted.closedForFlood).toBe(1);

    const scene = { cue: { ...CUE, step: 4 }, blank: 'none' } as const;
    teacher.send({ type: 'scene', scene });
    for (const student of students) {
      await student.next('scene', (m) => m.scene.cue?.kind === 'diagram' && m.scene.cue.step === 4);
    }
    const late = await studentIn(room, 's5');
    expect(late.welcome.scene).toEqual(scene);
    late.client.close();
    hostile.close();
  });

  it('asks, takes one answer per student, reveals the counts, and locks', async () => {
    const [s1, s2, s3] = students as [Client, Client, Client];
    await teacher.next('count', (m) => m.students === 3);
    teacher.send({ type: 'ask', cue: CUE, prompt: '다음은 어디로?' });
    const asked = await s1.next('question');
    const id = asked.question?.id ?? '';
    expect(asked.question).toMatchObject({ state: 'open', prompt: '다음은 어디로?' });
    s1.send({ type: 'answer', question: id, node: 'kubelet' });
    expect(await s1.next('answered')).toMatchObject({ node: 'kubelet' });
    s1.send({ type: 'answer', question: id, node: 'containerd' });
    expect(await s1.next('answered')).toMatchObject({ node: 'containerd' });
    s2.send({ type: 'answer', question: id, node: 'containerd' });
    await s2.next('answered');
    // The tally the teacher sees ("2 / 3") follows shortly after the answers.
    await teacher.next('answers', (m) => m.question === id && m.answered === 2 && m.of === 3);

    teacher.send({ type: 'reveal', expected: ['containerd'] });
    const revealed = await s3.next('question', (m) => m.question?.state === 'revealed');
    expect(revealed.question).toMatchObject({ id, state: 'revealed', expected: ['containerd'] });
    expect(revealed.counts).toEqual({ containerd: 2 });
    s3.send({ type: 'answer', question: id, node: 'kubelet' });
    expect(await s3.next('error')).toMatchObject({ code: 'locked' });
  });

  it('gives the results as CSV to the teacher only', async () => {
    const url = `${origin()}/classroom/${room}/results.csv`;
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(`${url}?secret=nope`)).status).toBe(403);
    const res = await fetch(`${url}?secret=${secret()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(csv.startsWith('\uFEFFQuestion,')).toBe(true);
    expect(csv).toContain('q1,다음은 어디로?,cri-chain › main › step 2,containerd,2,2,');
  });

  it('after a restart on the same data and port, students return to the room and its last scene', async () => {
    for (const client of [teacher, ...students]) client.close();
    const { port } = served.teacher;
    const firstTeacherLink = served.teacher.href;
    expect(await stop(served.child)).toBe(0);
    served = await serve(Number(port));
    expect(served.teacher.href).toBe(firstTeacherLink);

    const back = await studentIn(room, 's1');
    expect(back.welcome.scene).toEqual({ cue: { ...CUE, step: 4 }, blank: 'none' });
    expect(back.welcome).toMatchObject({ question: { state: 'revealed' }, mine: 'containerd' });
    const res = await fetch(`${origin()}/classroom/${room}/results.csv?secret=${secret()}`);
    expect(await res.text()).toContain(',containerd,2,2,');
    const again = await teacherIn(room);
    expect(again.room).toBe(room);
    back.client.close();
    again.client.close();
  });
});
