import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../parse/parseDiagram.ts';
import { stripStepNumber } from './stripStepNumber.ts';

describe('stripStepNumber', () => {
  it('drops the number a caption starts with when it is the step’s own', () => {
    const written: [caption: string, step: number, shown: string][] = [
      ['1. 사용자가 YAML 작성', 1, '사용자가 YAML 작성'],
      ['  1. 사용자가 YAML 작성', 1, '사용자가 YAML 작성'],
      ['2) kubectl apply', 2, 'kubectl apply'],
      ['2)kubectl apply', 2, 'kubectl apply'],
      ['(3) API Server', 3, 'API Server'],
      ['[3] API Server', 3, 'API Server'],
      ['4 - etcd', 4, 'etcd'],
      ['4 — etcd', 4, 'etcd'],
      ['5: Controller', 5, 'Controller'],
      ['05. Controller', 5, 'Controller'],
      ['12. The last one', 12, 'The last one'],
      ['Step 6: Scheduler', 6, 'Scheduler'],
      ['step 6 - Scheduler', 6, 'Scheduler'],
      ['6단계: 스케줄러', 6, '스케줄러'],
      ['① kubelet', 1, 'kubelet'],
      ['⑦kubelet', 7, 'kubelet'],
      ['㉑ kubelet', 21, 'kubelet'],
      ['❸ kubelet', 3, 'kubelet'],
      ['⒋ kubelet', 4, 'kubelet'],
      ['1. first line\nsecond line', 1, 'first line\nsecond line'],
    ];
    for (const [caption, step, shown] of written) {
      expect(stripStepNumber(caption, step), caption).toBe(shown);
    }
  });

  it('keeps another step’s number, numbers that are not step numbers, and a bare number', () => {
    expect(stripStepNumber('3. API Server', 1)).toBe('3. API Server');
    expect(stripStepNumber('① kubelet', 2)).toBe('① kubelet');
    expect(stripStepNumber('1.5 GB of logs', 1)).toBe('1.5 GB of logs');
    expect(stripStepNumber('3:30 the backup starts', 3)).toBe('3:30 the backup starts');
    expect(stripStepNumber('1-2 minutes later', 1)).toBe('1-2 minutes later');
    expect(stripStepNumber('2 -> 3 replicas', 2)).toBe('2 -> 3 replicas');
    expect(stripStepNumber('100 Pods start', 100)).toBe('100 Pods start');
    expect(stripStepNumber('1.', 1)).toBe('1.');
    expect(stripStepNumber('', 1)).toBe('');
    expect(stripStepNumber('kubectl apply', 1)).toBe('kubectl apply');
  });

  it('reads each caption of a Mermaid chart with numbered labels once', () => {
    // As the seed's apply flow writes it: the default flow's captions are the labels.
    const chart = `flowchart TB
A["1. 사용자가 YAML 작성"]
B["2. kubectl apply -f deployment.yaml"]
C["3. API Server가 요청 수신"]
A --> B --> C`;
    const { model } = parseDiagram(chart, { file: 'apply.mmd' });
    const shown = model?.flows[0]?.steps.map((step, i) =>
      stripStepNumber(step.caption ?? '', i + 1),
    );
    expect(shown).toEqual([
      '사용자가 YAML 작성',
      'kubectl apply -f deployment.yaml',
      'API Server가 요청 수신',
    ]);
  });
});
