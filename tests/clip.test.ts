import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectOnto } from '../src/core/animate/pointAlong.ts';
import { buildTimeline, type Timeline, TRAVEL_SECONDS } from '../src/core/animate/timeline.ts';
import { type Clip, planClip } from '../src/core/export/clip.ts';
import { createDefaultLayoutEngine } from '../src/core/layout/createDefaultLayoutEngine.ts';
import type { LaidOutDiagram } from '../src/core/layout/types.ts';
import { parseDiagram } from '../src/core/parse/parseDiagram.ts';

let diagram: LaidOutDiagram;
let timeline: Timeline;

beforeAll(async () => {
  const file = 'diagrams/kubectl-apply.yaml';
  const { model } = parseDiagram(readFileSync(file, 'utf8'), { file });
  if (!model) throw new Error('no model');
  diagram = await createDefaultLayoutEngine().layout(model);
  const flow = diagram.flows[0];
  if (!flow) throw new Error('no flow');
  timeline = buildTimeline(diagram, flow);
});

const parse = (svg: string) => new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
const states = (svg: string) =>
  Object.fromEntries(
    [...parse(svg).querySelectorAll('[data-node-id]')].map((g) => [
      g.getAttribute('data-node-id'),
      g.getAttribute('data-state'),
    ]),
  );
const cameraOf = (svg: string) =>
  parse(svg).querySelector('svg > g[transform]')?.getAttribute('transform');

describe('planClip', () => {
  const make = (options: Partial<Parameters<typeof planClip>[2]> = {}): Clip =>
    planClip(diagram, timeline, { width: 1280, height: 720, fps: 30, ...options });

  it('lasts as long as the flow plays, at the speed asked', () => {
    expect(make().duration).toBeCloseTo(timeline.totalSeconds, 6);
    expect(make().frameCount).toBe(Math.ceil(timeline.totalSeconds * 30));
    expect(make({ speed: 2 }).duration).toBeCloseTo(timeline.totalSeconds / 2, 6);
    const one = make({ step: 3 });
    expect(one.duration).toBeCloseTo(timeline.steps[3]?.duration ?? 0, 6);
    expect(one.steps).toEqual([{ step: 3, start: 0 }]);
  });

  it('merges repeated frames, and the holds add up to every frame', () => {
    const clip = make();
    const frames = [...clip.frames()];
    expect(frames.length).toBeLessThan(clip.frameCount / 2);
    expect(frames.reduce((sum, f) => sum + f.count, 0)).toBe(clip.frameCount);
    frames.forEach((f, i) => {
      expect(f.index).toBe(i === 0 ? 0 : (frames[i - 1]?.index ?? 0) + (frames[i - 1]?.count ?? 0));
      if (i > 0) expect(f.svg).not.toBe(frames[i - 1]?.svg);
    });
    // Each step's first frame shows that step.
    for (const { step, start } of clip.steps) {
      const frame = frames.find((f) => f.index === Math.ceil(start * 30));
      expect(frame?.step).toBe(step);
    }
  });

  it("shows each step's states once settled, as the timeline has them", () => {
    const clip = make();
    for (const { step, start } of clip.steps) {
      const scene = timeline.steps[step];
      const drawn = states(clip.svgAt(start + 3));
      for (const [id, state] of Object.entries(drawn))
        expect(state).toBe(scene?.nodes[id as string]);
      // What is lit is in sight.
      const lit = Object.entries(scene?.nodes ?? {}).filter(([, s]) => s === 'active');
      for (const [id] of lit) expect(drawn[id]).toBe('active');
    }
  });

  it('fades states: half-way through a change, a newly lit node is between its two paints', () => {
    const clip = make();
    const k = 1;
    const start = clip.steps[k]?.start ?? 0;
    const id = Object.entries(timeline.steps[k]?.nodes ?? {}).find(
      ([n, s]) => s === 'active' && timeline.steps[k - 1]?.nodes[n] !== 'active',
    )?.[0];
    const strokeAt = (t: number) =>
      parse(clip.svgAt(t)).querySelector(`[data-node-id="${id}"] .sh`)?.getAttribute('stroke');
    const before = strokeAt(start - 0.01);
    const after = strokeAt(start + 1);
    const during = strokeAt(start + 0.1);
    expect(before).not.toBe(after);
    expect(during).not.toBe(before);
    expect(during).not.toBe(after);
  });

  it('moves tokens along their routes while they travel, and only then', () => {
    const clip = make();
    const k = 1;
    const start = clip.steps[k]?.start ?? 0;
    const token = timeline.steps[k]?.tokens[0];
    if (!token) throw new Error('step 2 has a token');
    const dot = (t: number) => parse(clip.svgAt(t)).querySelector('circle.tk-head');
    expect(dot(start + 0.05)).toBeNull();
    expect(dot(start + 0.15 + TRAVEL_SECONDS + 0.1)).toBeNull();
    const early = dot(start + 0.5);
    const late = dot(start + 1);
    const along = (c: Element | null) =>
      projectOnto(token.points, {
        x: Number(c?.getAttribute('cx')),
        y: Number(c?.getAttribute('cy')),
      });
    expect(along(early).off).toBeLessThan(0.5);
    expect(along(late).off).toBeLessThan(0.5);
    expect(along(late).along).toBeGreaterThan(along(early).along);
  });

  it('flies the camera between steps and holds it still once there', () => {
    const clip = make();
    const start = clip.steps[1]?.start ?? 0;
    const from = cameraOf(clip.svgAt(start - 0.01));
    const mid = cameraOf(clip.svgAt(start + 0.3));
    const to = cameraOf(clip.svgAt(start + 0.8));
    expect(new Set([from, mid, to]).size).toBe(3);
    expect(cameraOf(clip.svgAt(start + 2))).toBe(to);
    // Without the camera, one view throughout: the whole diagram.
    const still = make({ camera: false });
    const views = new Set(clip.steps.map((s) => cameraOf(still.svgAt(s.start + 0.3))));
    expect(views.size).toBe(1);
  });

  it('in stills, holds each step with still tokens and melts one into the next', () => {
    const clip = make({ motion: 'stills' });
    const start = clip.steps[1]?.start ?? 0;
    const held = parse(clip.svgAt(start + 2));
    expect(held.querySelector('g.tk')).not.toBeNull();
    expect(cameraOf(clip.svgAt(start + 2))).toBe(cameraOf(clip.svgAt(start + 3.5)));
    // Half-way through the melt: both pictures, the new one over the old, part transparent.
    const melting = parse(clip.svgAt(start + 0.25));
    expect(melting.querySelectorAll('svg > g[transform]').length).toBe(1);
    const over = melting.querySelector('svg > g[opacity]');
    expect(Number(over?.getAttribute('opacity'))).toBeGreaterThan(0.2);
    expect(Number(over?.getAttribute('opacity'))).toBeLessThan(0.8);
  });

  it('draws the caption band with the step counter, or none without captions', () => {
    const clip = make();
    const text = (svg: string) => parse(svg).documentElement.textContent ?? '';
    const start = clip.steps[2]?.start ?? 0;
    expect(text(clip.svgAt(start + 1))).toContain(`3 / ${timeline.steps.length}`);
    expect(text(clip.svgAt(start + 1))).toContain(timeline.steps[2]?.caption.slice(3, 12));
    expect(text(make({ captions: false }).svgAt(start + 1))).not.toContain('3 / ');
  });

  it('leaves out what the camera does not show', () => {
    const clip = make();
    const drawn = parse(clip.svgAt(1)).querySelectorAll('[data-node-id]').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(diagram.nodes.length);
  });
});

describe('planClip on a failure', () => {
  it('shakes a node that fails, as the player does, then holds it still', async () => {
    const file = 'diagrams/self-healing-cluster.yaml';
    const { model } = parseDiagram(readFileSync(file, 'utf8'), { file });
    if (!model) throw new Error('no model');
    const d = await createDefaultLayoutEngine().layout(model);
    const flow = d.flows.find((f) => buildTimeline(d, f).steps.some((s) => s.failed.length > 0));
    if (!flow) throw new Error('no failing flow');
    const t = buildTimeline(d, flow);
    const k = t.steps.findIndex((s) => s.failed.length > 0);
    const id = t.steps[k]?.failed[0];
    const clip = planClip(d, t, { width: 1280, height: 720, fps: 30 });
    const start = clip.steps[k]?.start ?? 0;
    const shift = (at: number) =>
      parse(clip.svgAt(at)).querySelector(`[data-node-id="${id}"]`)?.getAttribute('transform') ??
      '';
    expect(shift(start + 0.1)).toMatch(/^translate\(-?[\d.]+ 0\)/);
    expect(shift(start + 0.1)).not.toBe(shift(start + 0.2));
    expect(shift(start + 0.6)).toBe('');
  });
});

describe('planClip caption band', () => {
  it('covers the diagram under it, so a group box never runs under the caption', () => {
    const clip = planClip(diagram, timeline, { width: 1280, height: 720, fps: 30 });
    const band = parse(clip.svgAt(1)).querySelector('svg > rect + g[transform] ~ rect');
    expect(band?.getAttribute('fill')).toBe('#ffffff');
    expect(Number(band?.getAttribute('y')) + Number(band?.getAttribute('height'))).toBe(720);
  });
});
