import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** Clicks an item of the Export menu (opening it first) and returns the file it downloads. */
export async function downloadFromMenu(
  page: Page,
  label: string | RegExp,
): Promise<{ name: string; data: Buffer }> {
  if (!(await page.locator('.fd-export-menu').isVisible()))
    await page.click('.fd-export > summary');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).click(),
  ]);
  return { name: file.suggestedFilename(), data: readFileSync(await file.path()) };
}
