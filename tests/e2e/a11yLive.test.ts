import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a11yProblems, THEMES, type Theme } from './axe.ts';
import { launchChromium } from './chromium.ts';
import { classroomFolder, type Served, serveClassroom, stopClassroom } from './classroomServer.ts';
import { settle } from './diagramFiles.ts';

/**
 * The live classroom's views under axe, in each theme, against the real
 * server (`flowdeck serve`, as classroom.test.ts starts it): the teacher's
 * diagram with the live badge, the join card, the live menu and a question;
 * a student's join form, their view while following, and the question on a
 * phone. Same bar as a11y.test.ts: no serious or critical violation, text
 * at 4.5:1 (7:1 in the contrast theme).
 */

let dir: string;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  dir = classroomFolder('flowdeck-a11y-live-');
  served = await serveClassroom(dir, 0);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  stopClassroom(served, dir);
});

async function newPage(theme: Theme, viewport: { width: number; height: number }): Promise<Page> {
  // The served build has a CSP without inline scripts, and axe goes in as one.
  const context = await browser.newContext({ viewport, locale: 'en-US', bypassCSP: true });
  await context.addInitScript((value) => localStorage.setItem('flowdeck.theme', value), theme);
  return context.newPage();
}

describe('the live classroom has no serious or critical axe violation', () => {
  for (const theme of THEMES) {
    it(`teacher and student views in the ${theme} theme`, async () => {
      const teacher = await newPage(theme, { width: 1280, height: 800 });
      const student = await newPage(theme, { width: 390, height: 844 });
      const problems: string[] = [];
      const check = async (page: Page, name: string) => {
        await settle(page);
        problems.push(...(await a11yProblems(page, theme, `live-${name}`)));
      };
      try {
        await teacher.goto(`${served.teacher}#/d/cri-chain/create/1`);
        await teacher.waitForSelector('.fd-canvas [data-node-id]');
        await teacher.getByRole('button', { name: 'Start live session' }).click();
        await teacher.waitForSelector('.fd-live-count');
        await check(teacher, 'teacher');
        await teacher.keyboard.press('j');
        await teacher.waitForSelector('.fd-live-card .fd-live-qr');
        const room = (await teacher.locator('.fd-live-code').textContent()) ?? '';
        await check(teacher, 'join-card');
        await teacher.keyboard.press('j');
        await teacher.waitForSelector('.fd-live-card', { state: 'detached' });

        await student.goto(served.students);
        await student.getByLabel('Room code').waitFor();
        await check(student, 'join-form');
        await student.getByLabel('Room code').fill(room);
        await student.getByLabel('Nickname (optional)').fill('Ana');
        await student.getByRole('button', { name: 'Join' }).click();
        await student.waitForSelector('.fd-canvas [data-node-id]');
        await student.getByText('Following the class').waitFor();
        await check(student, 'student');

        await teacher.locator('.fd-live-menu > summary').click();
        await teacher.locator('.fd-live-roster li').first().waitFor();
        await check(teacher, 'menu');
        await teacher.locator('.fd-live-menu > summary').click();

        // Presenting, as in class: a step on, then the question.
        await teacher.keyboard.press('p');
        await teacher.waitForSelector('html[data-mode="presenter"]');
        await teacher.keyboard.press('ArrowRight');
        await student.getByText('Step 2 of 5', { exact: true }).waitFor();
        await teacher.keyboard.press('?');
        await teacher.locator('.fd-live-prompt').waitFor();
        await student.getByText('Tap the node you think comes next').waitFor();
        await check(teacher, 'teacher-question');
        await check(student, 'student-question');
      } finally {
        await teacher.context().close();
        await student.context().close();
      }
      expect(problems.join('\n\n')).toBe('');
    });
  }
});
