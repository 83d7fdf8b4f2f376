import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Served {
  child: ChildProcess;
  /** The teacher's link (with its secret), and the students' join link. */
  teacher: string;
  students: string;
}

/**
 * Starts the live classroom as the README says (`flowdeck serve
 * <dir>/diagrams --port N --data <dir>/data`) and waits for the links it
 * prints. The first start builds the app (cached until its inputs change).
 */
export function serveClassroom(dir: string, port: number): Promise<Served> {
  const args = ['bin/flowdeck.js', 'serve', join(dir, 'diagrams')];
  const child = spawn(
    process.execPath,
    [...args, '--port', String(port), '--data', join(dir, 'data')],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk) => {
      text += String(chunk);
      const teacherLink = /^Teacher: (\S+)$/m.exec(text)?.[1];
      const studentsLink = /^Students: (\S+)$/m.exec(text)?.[1];
      if (teacherLink && studentsLink && text.includes('Ctrl+C')) {
        resolve({ child, teacher: teacherLink, students: studentsLink });
      }
    });
    child.stderr?.on('data', (chunk) => {
      text += String(chunk);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${text}`)));
  });
}

/** A new folder whose `diagrams/` holds cri-chain.yaml: what a class's tests serve. */
export function classroomFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'diagrams'));
  copyFileSync('diagrams/cri-chain.yaml', join(dir, 'diagrams', 'cri-chain.yaml'));
  return dir;
}

/** Stops the server and removes its folder. */
export function stopClassroom(served: Served | undefined, dir: string | undefined): void {
  served?.child.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
}
