/**
 * What the classroom server keeps in its data folder: the teacher's secret
 * (so the printed link survives a restart) and the rooms (`rooms.json`:
 * scenes, students' ids and nicknames, questions and answers), written
 * whole to a temporary file and renamed over the old one, so a crash
 * mid-write leaves the previous file.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SECRET_FILE = 'teacher-secret';
const ROOMS_FILE = 'rooms.json';
/** A change is saved this long after it, with the changes made meanwhile (a teacher stepping fast is one write). */
export const SAVE_DELAY_MS = 200;

/** 144 random bits, base64url (24 characters). */
export function newSecret(): string {
  return randomBytes(18).toString('base64url');
}

/** The secret kept in `dir`, made and kept on first use. */
export function readSecret(dir: string): string {
  const file = join(dir, SECRET_FILE);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (/^[A-Za-z0-9_-]{22,200}$/.test(kept)) return kept;
  } catch {
    // None yet, or unreadable: make one.
  }
  const secret = newSecret();
  writeFileSync(`${file}.tmp`, `${secret}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return secret;
}

/** The rooms saved in `dir`; undefined when there are none or the file is not JSON (set aside). */
export function loadRooms(dir: string, log: (line: string) => void): unknown {
  const file = join(dir, ROOMS_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const aside = `${file}.bad-${Date.now()}`;
    log(`classroom: ${file} could not be read (${(error as Error).message}); kept as ${aside}`);
    try {
      renameSync(file, aside);
    } catch {
      // Left where it is; the next save replaces it.
    }
    return undefined;
  }
}

export interface Saver {
  /** Save within SAVE_DELAY_MS. */
  schedule(): void;
  /** Save now if anything is waiting, and wait for any write under way. */
  flush(): Promise<void>;
}

export function createSaver(
  dir: string,
  snapshot: () => unknown,
  log: (line: string) => void,
): Saver {
  const file = join(dir, ROOMS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const save = () => {
    timer = undefined;
    const text = `${JSON.stringify(snapshot())}\n`;
    writing = writing
      .then(() => writeFile(temp, text, { mode: 0o600 }))
      .then(() => rename(temp, file))
      .catch((error: Error) => log(`classroom: could not save ${file}: ${error.message}`));
    return writing;
  };
  return {
    schedule() {
      if (timer) return;
      timer = setTimeout(save, SAVE_DELAY_MS);
      timer.unref();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        await save();
      }
      await writing;
    },
  };
}
