import type { Flow } from '../../model/types.ts';
import { readStep, type StepContext } from './readSteps.ts';
import { field, isRawMap, pick, text } from './readValue.ts';
import type { SpecIssue, SpecPath } from './specIssue.ts';
import { FlowSchema } from './specSchema.ts';

/** The flows, in order, and what went wrong in them. */
export interface ReadFlowsResult {
  flows: Flow[];
  issues: SpecIssue[];
}

/**
 * Reads the `flows:` list. Flow ids must be unique; a flow without a valid
 * id (already reported) is still read as `flow-N`, so its steps get checked.
 *
 * @example readFlows([{ id: 'boot', steps: [{ nodes: ['a'] }] }], ctx).flows[0].title // 'boot'
 */
export function readFlows(raw: unknown, ctx: StepContext): ReadFlowsResult {
  const issues: SpecIssue[] = [];
  const flows: Flow[] = [];
  const firstPath = new Map<string, SpecPath>();
  if (!Array.isArray(raw)) return { flows, issues };
  raw.forEach((entry, index) => {
    if (!isRawMap(entry)) return;
    const path: SpecPath = ['flows', index];
    const written = pick(FlowSchema.shape.id, field(entry, 'id'));
    const id = written ?? `flow-${index + 1}`;
    const first = firstPath.get(id);
    if (first) {
      const where = ctx.locate(first);
      issues.push({
        severity: 'error',
        message: `duplicate flow id \`${id}\`; first defined at line ${where.line}, column ${where.col}`,
        path: [...path, 'id'],
      });
    } else {
      firstPath.set(id, [...path, 'id']);
    }
    const rawSteps = field(entry, 'steps');
    const steps = Array.isArray(rawSteps)
      ? rawSteps.map((step, stepIndex) =>
          readStep(step, [...path, 'steps', stepIndex], ctx, issues),
        )
      : [];
    const last = steps.at(-1);
    if (last?.ask) {
      issues.push({
        severity: 'warning',
        message: `\`ask\` on the last step of flow \`${id}\` has no next step to predict; it is ignored`,
        path: [...path, 'steps', steps.length - 1, 'ask'],
        at: 'key',
      });
      const { ask: _ask, ...rest } = last;
      steps[steps.length - 1] = rest;
    }
    if (Array.isArray(rawSteps) && steps.length === 0) {
      issues.push({
        severity: 'warning',
        message: `flow \`${id}\` has no steps`,
        path: [...path, 'steps'],
      });
    }
    // A second flow with the same id is still checked, but left out: ids pick flows.
    if (first) return;
    const flow: Flow = { id, title: text(field(entry, 'title')) ?? id, steps };
    const description = text(field(entry, 'description'));
    if (description !== undefined) flow.description = description;
    flows.push(flow);
  });
  return { flows, issues };
}
