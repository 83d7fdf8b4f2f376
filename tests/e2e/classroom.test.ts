import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from './chromium.ts';
import { classroomFolder, type Served, serveClassroom, stopClassroom } from './classroomServer.ts';

/**
 * A live class in real browsers against the real server, started as the
 * README says (`flowdeck serve <folder> --port N --data DIR`): the teacher
 * and three students each in a browser context of their own (no storage
 * shared), following, leaving and coming back, a question answered and
 * revealed, a blank, and a server that dies and comes back.
 */

let dir: string;
let served: Served;
let browser: Browser;
const contexts: BrowserContext[] = [];
let teacher: Page;
let students: Page[] = [];
let room = '';
const errors: string[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return page;
}

const hashOf = (page: Page) => page.evaluate(() => window.location.hash);
const POLL = { timeout: 15_000 };

beforeAll(async () => {
  dir = classroomFolder('flowdeck-classroom-e2e-');
  served = await serveClassroom(dir, 0);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  stopClassroom(served, dir);
});

describe('a live class', () => {
  it('starts from the teacher link, which leaves the address bar, and students join by code', async () => {
    teacher = await newPage({ width: 1024, height: 768 });
    await teacher.goto(`${served.teacher}#/d/cri-chain/create/1`);
    await teacher.waitForSelector('.fd-canvas [data-node-id]');
    expect(teacher.url()).not.toContain('teacher=');
    await teacher.getByRole('button', { name: 'Start live session' }).click();
    await teacher.waitForSelector('.fd-live-count');
    await teacher.keyboard.press('j');
    room = (await teacher.locator('.fd-live-code').textContent()) ?? '';
    expect(room).toMatch(/^[2-9A-Z]{5}$/);
    expect(await teacher.locator('.fd-live-card .fd-live-url').textContent()).toContain(
      `/#/join/${room}`,
    );
    expect(await teacher.locator('.fd-live-qr rect').count()).toBeGreaterThan(50);
    await teacher.keyboard.press('j');
    await teacher.waitForSelector('.fd-live-card', { state: 'detached' });
    // Presenting, Esc puts the card away first and keeps presenter mode.
    await teacher.keyboard.press('p');
    await teacher.keyboard.press('j');
    await teacher.waitForSelector('.fd-live-card');
    await teacher.keyboard.press('Escape');
    await teacher.waitForSelector('.fd-live-card', { state: 'detached' });
    expect(await teacher.evaluate(() => document.documentElement.dataset.mode)).toBe('presenter');
    await teacher.keyboard.press('Escape');
    await expect
      .poll(() => teacher.evaluate(() => document.documentElement.dataset.mode ?? null))
      .toBe(null);

    for (const nickname of ['Ana', '<b>Bo</b>', '']) {
      const page = await newPage({ width: 390, height: 844 });
      await page.goto(served.students);
      await page.getByLabel('Room code').fill(room.toLowerCase());
      if (nickname) await page.getByLabel('Nickname (optional)').fill(nickname);
      await page.getByRole('button', { name: 'Join' }).click();
      await page.waitForSelector('.fd-canvas [data-node-id]');
      expect(await hashOf(page)).toBe('#/d/cri-chain/create/1');
      await page.getByText('Following the class').waitFor();
      students.push(page);
    }
    await expect
      .poll(() => teacher.locator('.fd-live-count').textContent(), POLL)
      .toBe('3 students');
    // Nicknames are text: the roster shows the markup a student typed, not bold type.
    await teacher.getByRole('button', { name: 'Join card' }).waitFor();
    await teacher.locator('.fd-live-menu > summary').click();
    await expect
      .poll(() => teacher.locator('.fd-live-roster li').allTextContents(), POLL)
      .toEqual(['Ana', '<b>Bo</b>']);
    expect(await teacher.locator('.fd-live-roster b').count()).toBe(0);
    await teacher.locator('.fd-live-menu > summary').click();
  });

  it('moves every student with the teacher', async () => {
    await teacher.keyboard.press('p');
    await teacher.keyboard.press('ArrowRight');
    for (const page of students) {
      await expect.poll(() => hashOf(page), POLL).toBe('#/d/cri-chain/create/2');
      await page.getByText('Step 2 of 5', { exact: true }).waitFor();
    }
  });

  it('lets a student look around alone and come back to the class', async () => {
    const [, , wanderer] = students as [Page, Page, Page];
    await wanderer.getByRole('button', { name: 'Previous step' }).click();
    await wanderer.getByRole('button', { name: 'Back to the class' }).waitFor();
    await teacher.keyboard.press('ArrowRight');
    await expect.poll(() => hashOf(students[0] as Page), POLL).toBe('#/d/cri-chain/create/3');
    // Teacher moves no longer move a student who left.
    expect(await hashOf(wanderer)).toBe('#/d/cri-chain/create/1');
    await wanderer.getByRole('button', { name: 'Back to the class' }).click();
    expect(await hashOf(wanderer)).toBe('#/d/cri-chain/create/3');
    await wanderer.getByText('Following the class').waitFor();
    await teacher.keyboard.press('ArrowLeft');
    for (const page of students) {
      await expect.poll(() => hashOf(page), POLL).toBe('#/d/cri-chain/create/2');
    }
  });

  it('asks for the next hop, counts two answers on the teacher’s diagram, and locks them', async () => {
    const [ana, bo] = students as [Page, Page, Page];
    await teacher.keyboard.press('?');
    // The projector shows the question too.
    await teacher
      .locator('.fd-live-prompt')
      .getByText('Tap the node you think comes next')
      .waitFor();
    for (const page of [ana, bo]) {
      await page.getByText('Tap the node you think comes next').waitFor();
    }
    // The answer may be anywhere: the whole diagram is framed while the class answers.
    await expect
      .poll(
        () =>
          ana.evaluate(() => {
            const canvas = document.querySelector('.fd-canvas')?.getBoundingClientRect();
            const nodes = [...document.querySelectorAll('.fd-canvas .react-flow__node')];
            return (
              canvas !== undefined &&
              nodes.length > 0 &&
              nodes.every((node) => {
                const box = node.getBoundingClientRect();
                return (
                  box.left >= canvas.left - 1 &&
                  box.right <= canvas.right + 1 &&
                  box.top >= canvas.top - 1 &&
                  box.bottom <= canvas.bottom + 1
                );
              })
            );
          }),
        POLL,
      )
      .toBe(true);
    // Zooming in to find a node is part of answering, not leaving the class.
    const canvas = await ana.locator('.fd-canvas').boundingBox();
    if (canvas) await ana.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    await ana.mouse.wheel(0, -300);
    await ana.locator('[data-node-id="CD"]').dispatchEvent('click');
    await bo.locator('[data-node-id="CRUN"]').dispatchEvent('click');
    // A change of mind before the reveal counts once.
    await bo.locator('[data-node-id="CRIO"]').dispatchEvent('click');
    await ana.getByText('Your answer: containerd.', { exact: false }).waitFor();
    expect(await ana.getByRole('button', { name: 'Back to the class' }).count()).toBe(0);
    await expect
      .poll(() => teacher.locator('.fd-live-answers').textContent(), POLL)
      .toBe('2 / 3 answered');

    // The clicker's next press reveals rather than moves on.
    await teacher.keyboard.press('ArrowRight');
    await teacher.locator('.fd-live-mark[data-mark-node="CD"] [data-count="1"]').waitFor();
    await teacher.locator('.fd-live-mark[data-mark-node="CRIO"] [data-count="1"]').waitFor();
    expect(await teacher.locator('.fd-live-mark[data-mark-node="CRUN"]').count()).toBe(0);
    expect(
      await teacher
        .locator('.fd-live-mark[data-expected]')
        .evaluateAll((marks) => marks.map((m) => m.getAttribute('data-mark-node')).sort()),
    ).toEqual(['CD', 'CRIO']);
    await teacher.screenshot({ path: artifactPath('classroom-reveal-teacher.png') });

    // The student sees how it came out; a later tap changes nothing.
    await ana.getByText('Right! containerd comes next.').waitFor();
    await ana.screenshot({ path: artifactPath('classroom-reveal-student.png') });
    await ana.locator('[data-node-id="CRIO"]').dispatchEvent('click');
    expect(await ana.locator('.fd-live-mark[data-picked]').getAttribute('data-mark-node')).toBe(
      'CD',
    );
    // Then the true next step plays, counts still on the diagram.
    await expect.poll(() => hashOf(teacher), POLL).toBe('#/d/cri-chain/create/3');
    await expect.poll(() => hashOf(bo), POLL).toBe('#/d/cri-chain/create/3');
    expect(
      await teacher.locator('.fd-live-mark[data-mark-node="CD"] [data-count="1"]').count(),
    ).toBe(1);
    expect(await teacher.locator('.fd-live-mark').count()).toBeGreaterThan(0);
    // Moving on again takes them off.
    await teacher.keyboard.press('ArrowRight');
    await teacher.waitForSelector('.fd-live-mark', { state: 'detached' });
    await ana.getByRole('button', { name: 'Back to the class' }).click();
    await expect.poll(() => hashOf(ana), POLL).toBe('#/d/cri-chain/create/4');
  });

  it('blanks the students’ screens with the teacher’s', async () => {
    await teacher.keyboard.press('b');
    for (const page of students) await page.locator('.fd-live-blank[data-blank="black"]').waitFor();
    await teacher.keyboard.press('b');
    for (const page of students) {
      await page.locator('.fd-live-blank').waitFor({ state: 'detached' });
    }
  });

  it('brings everyone back to the teacher’s step after the server is killed and restarted', async () => {
    await teacher.keyboard.press('ArrowRight');
    for (const page of students) {
      await expect.poll(() => hashOf(page), POLL).toBe('#/d/cri-chain/create/5');
    }
    // The server keeps its rooms a moment after a change: kill it once step 5 is on disk.
    const rooms = join(dir, 'data', 'rooms.json');
    await expect
      .poll(() => existsSync(rooms) && readFileSync(rooms, 'utf8').includes('"step":5'), POLL)
      .toBe(true);
    const port = new URL(served.teacher).port;
    const exited = new Promise((resolve) => served.child.once('exit', resolve));
    served.child.kill('SIGKILL');
    await exited;
    for (const page of [teacher, ...students]) {
      await page.getByText('Reconnecting…').waitFor();
    }
    served = await serveClassroom(dir, Number(port));

    await expect
      .poll(() => teacher.locator('.fd-live-where').textContent(), POLL)
      .toBe(`Live · ${room}`);
    for (const page of students) {
      await page.getByText('Following the class').waitFor(POLL);
      expect(await hashOf(page)).toBe('#/d/cri-chain/create/5');
    }
    await teacher.keyboard.press('ArrowLeft');
    for (const page of students) {
      await expect.poll(() => hashOf(page), POLL).toBe('#/d/cri-chain/create/4');
    }
  });

  it('keeps the teacher’s room and a student’s seat across a reload', async () => {
    const [ana] = students as [Page, Page, Page];
    await teacher.reload();
    expect(teacher.url()).not.toContain('teacher=');
    await expect
      .poll(() => teacher.locator('.fd-live-where').textContent(), POLL)
      .toBe(`Live · ${room}`);
    await ana.reload();
    await ana.getByText('Following the class').waitFor(POLL);
    await teacher.keyboard.press('ArrowRight');
    for (const page of students) {
      await expect.poll(() => hashOf(page), POLL).toBe('#/d/cri-chain/create/5');
    }
    await expect
      .poll(() => teacher.locator('.fd-live-count').textContent(), POLL)
      .toBe('3 students');
    expect(errors).toEqual([]);
  });

  it('reveals before moving on from the flow bar too, outside presenter mode', async () => {
    // After the reload the teacher is not presenting, on the last step: back one, then ask.
    expect(await teacher.evaluate(() => document.documentElement.dataset.mode ?? null)).toBe(null);
    await teacher.keyboard.press('ArrowLeft');
    await expect.poll(() => hashOf(teacher), POLL).toBe('#/d/cri-chain/create/4');
    await teacher.getByRole('button', { name: 'Ask: what comes next?' }).click();
    await teacher.locator('.fd-live-answers').waitFor();
    // Where the counts first appear: still on the asked step, the next one plays after.
    const revealedOn = teacher.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector('.fd-live-mark')) return;
            observer.disconnect();
            resolve(window.location.hash);
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await teacher.getByRole('button', { name: 'Next step' }).click();
    expect(await revealedOn).toBe('#/d/cri-chain/create/4');
    await expect.poll(() => hashOf(teacher), POLL).toBe('#/d/cri-chain/create/5');
    expect(errors).toEqual([]);
  });
});
