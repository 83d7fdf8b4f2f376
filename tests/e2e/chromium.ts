import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is: $CHROME_PATH, else Debian's /usr/bin/chromium. Throws a how-to when missing. */
export function findChromium(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. The real-browser tests need it:\n` +
        '  on Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  or point CHROME_PATH at an installed Chromium or Chrome.\n' +
        '(We never download a browser: playwright-core drives the system one.)',
    );
  }
  return path;
}

/** Headless Chromium with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Screenshots a run takes are kept here (git-ignored) for people to look at. */
export function artifactPath(name: string): string {
  const dir = resolve('tests/artifacts');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, name);
}
