import { type ChildProcess, spawn } from 'node:child_process';
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
