import type { Student } from './student.ts';
import type { Teacher } from './teacher.ts';

// The side this tab plays, started by LiveLayer, for the buttons elsewhere
// on the page (ask, back to the class).
let current: { teacher: Teacher | null; student: Student | null } = {
  teacher: null,
  student: null,
};

export const teacher = () => current.teacher;
export const student = () => current.student;
export function setTeacher(next: Teacher | null) {
  current = { ...current, teacher: next };
}
export function setStudent(next: Student | null) {
  current = { ...current, student: next };
}
