import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { elkPool, type StoppablePort } from './elkPool.ts';

/** A port that answers only when told to, and says which graphs it was given. */
function heldPort(name: string, log: string[], ready?: Promise<unknown>) {
  const held: (() => void)[] = [];
  const port: StoppablePort = {
    ...(ready ? { ready } : {}),
    layout(graph: ElkNode) {
      log.push(`${name}:${graph.id}`);
      return new Promise((resolve) => held.push(() => resolve({ ...graph, width: 1 })));
    },
  };
  return { port, finish: () => held.shift()?.() };
}

const graph = (id: string): ElkNode => ({ id });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('elkPool', () => {
  it('starts a further port only when every started one is busy', async () => {
    const log: string[] = [];
    const a = heldPort('a', log);
    const b = heldPort('b', log);
    const started: string[] = [];
    const pool = elkPool([() => (started.push('a'), a.port), () => (started.push('b'), b.port)]);
    const first = pool.layout(graph('1'));
    await settle();
    expect(started).toEqual(['a']);
    const second = pool.layout(graph('2'));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(log).toEqual(['a:1', 'b:2']);
    a.finish();
    b.finish();
    expect((await first).id).toBe('1');
    expect((await second).id).toBe('2');
  });

  it('holds no graph back for a port still starting: the first free port takes it', async () => {
    const log: string[] = [];
    let ready = () => {};
    const a = heldPort('a', log);
    const b = heldPort('b', log, new Promise<void>((resolve) => (ready = resolve)));
    const pool = elkPool([() => a.port, () => b.port]);
    const runs = ['1', '2', '3'].map((id) => pool.layout(graph(id)));
    await settle();
    expect(log).toEqual(['a:1']);
    a.finish();
    await settle();
    expect(log).toEqual(['a:1', 'a:2']);
    ready();
    await settle();
    expect(log).toEqual(['a:1', 'a:2', 'b:3']);
    a.finish();
    b.finish();
    expect((await Promise.all(runs)).map((g) => g.id)).toEqual(['1', '2', '3']);
  });

  it('never uses a port that fails to start, or whose start throws', async () => {
    const log: string[] = [];
    const a = heldPort('a', log);
    const b = heldPort('b', log, Promise.reject(new Error('no worker')));
    const pool = elkPool([
      () => a.port,
      () => b.port,
      () => {
        throw new Error('no Worker here');
      },
    ]);
    const runs = ['1', '2', '3'].map((id) => pool.layout(graph(id)));
    for (let i = 0; i < 3; i++) {
      await settle();
      a.finish();
    }
    expect((await Promise.all(runs)).map((g) => g.id)).toEqual(['1', '2', '3']);
    expect(log).toEqual(['a:1', 'a:2', 'a:3']);
  });
});
