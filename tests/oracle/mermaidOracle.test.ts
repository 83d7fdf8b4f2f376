// @vitest-environment jsdom
/**
 * Mermaid itself is the oracle: for the same text, its parser and ours must
 * find the same nodes, labels, groups, membership and links. Runs on every
 * chart in diagrams/, .mmd files and specs' `mermaid:` blocks, which hold the
 * seed's eleven flowcharts (no differences allowed), and on the shared corpus
 * of real flowcharts from Mermaid's repository. See docs/mermaid.md.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { diagramId } from '../../src/core/parse/files.ts';
import { importMermaid } from '../../src/core/parse/mermaid/importMermaid.ts';
import { type Chart, diagramCharts, seedHomes } from './diagramCharts.ts';
import { diffFacts, factsFromModel } from './flowFacts.ts';
import { type MermaidApi, mermaidVerdict } from './mermaidFacts.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.resolve(here, '../../../shared/corpus/mermaid-flowcharts');

/**
 * Corpus files Mermaid accepts where we knowingly differ, with the reason.
 * Keep it short: fix the importer rather than growing this list.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {};

/**
 * Corpus files Mermaid rejects but we accept without a word, with the reason.
 */
const ACCEPTED_SILENTLY: Readonly<Record<string, string>> = {};

interface Outcome {
  file: string;
  mermaidOk: boolean;
  differences: string[];
  reported: boolean;
}

let mermaid: MermaidApi;

beforeAll(async () => {
  const module = (await import('mermaid')) as unknown as {
    default: MermaidApi & { initialize(c: object): void };
  };
  mermaid = module.default;
  module.default.initialize({ startOnLoad: false });
}, 60_000);

async function compare(dir: string, file: string): Promise<Outcome> {
  return compareChart({ file, text: readFileSync(path.join(dir, file), 'utf8') });
}

async function compareChart({ file, text }: Chart): Promise<Outcome> {
  const verdict = await mermaidVerdict(mermaid, text);
  const ours = importMermaid(text, { id: diagramId(file), file });
  const reported = ours.diagnostics.length > 0;
  if (!verdict.ok || !verdict.facts) return { file, mermaidOk: false, differences: [], reported };
  const differences = ours.model
    ? diffFacts(factsFromModel(ours.model), verdict.facts)
    : ['no model', ...ours.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)];
  return { file, mermaidOk: true, differences, reported };
}

const mmdFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.mmd'))
    .sort();

describe('Mermaid oracle', () => {
  it('agrees exactly on every chart in diagrams/, .mmd files and `mermaid:` blocks', async () => {
    // The seed's eleven flowcharts are among them (tests/diagrams.test.ts checks it too).
    expect(seedHomes().filter(({ home }) => home === null)).toEqual([]);
    const outcomes = await Promise.all(diagramCharts().map(compareChart));
    expect(outcomes.length).toBeGreaterThanOrEqual(11);
    for (const outcome of outcomes) {
      expect(outcome.mermaidOk, `${outcome.file}: Mermaid rejects a seed diagram`).toBe(true);
      expect(outcome.differences, outcome.file).toEqual([]);
    }
    console.info(`diagrams: ${outcomes.length}/${outcomes.length} identical`);
  });

  it('agrees on icons: the icon shape and Font Awesome in labels', async () => {
    const charts = [
      'flowchart TD\n  A@{ icon: "logos:kubernetes", form: "square", label: "K8s", pos: "b", h: 60 }',
      'flowchart LR\n  a@{ icon: "fa:user" } --> b@{ icon: "mdi:server", form: "circle", w: 90 }',
      'flowchart LR\n  a@{ icon: "fab:github", form: "rounded", label: "Code", h: 30 }\n  a --> c[(db)]',
      'flowchart LR\n  a[fa:fa-car Car] -- fa:fa-bolt fast --> b((fab:fa-github))',
      'flowchart LR\n  a["Log in fa:fa-user"] --> b[fa:fa-car fa:fa-bus Go]\n  c[`**fas:fa-gears** Build`]',
      'flowchart LR\n  subgraph s [fa:fa-server Servers]\n    a[Node]\n  end\n  a@{ icon: "simple-icons:containerd", label: "fa:fa-x x" }',
      'flowchart LR\n  a[A] --> b\n  b@{ shape: cyl, icon: "logos:etcd" }\n  a@{ icon: "mdi:console" }',
    ];
    for (const [index, text] of charts.entries()) {
      const outcome = await compareChart({ file: `icons-${index}.mmd`, text });
      expect(outcome.mermaidOk, text).toBe(true);
      expect(outcome.differences, text).toEqual([]);
    }
  });

  it('agrees with Mermaid on the shared corpus of real flowcharts', async () => {
    if (!existsSync(CORPUS)) {
      throw new Error(
        `The Mermaid corpus is missing: expected it at ${CORPUS} (CI provides ../shared/corpus).`,
      );
    }
    const outcomes: Outcome[] = [];
    for (const file of mmdFiles(CORPUS)) outcomes.push(await compare(CORPUS, file));
    const valid = outcomes.filter((o) => o.mermaidOk);
    const identical = valid.filter((o) => o.differences.length === 0);
    const rejected = outcomes.filter((o) => !o.mermaidOk);
    const flagged = rejected.filter((o) => o.reported);
    console.info(
      `corpus: ${identical.length}/${valid.length} valid files identical; ` +
        `${flagged.length}/${rejected.length} files Mermaid rejects get an error or warning`,
    );

    const unexpected = valid
      .filter((o) => o.differences.length > 0 && !(o.file in KNOWN_DIFFERENCES))
      .map((o) => `${o.file}\n  ${o.differences.slice(0, 8).join('\n  ')}`);
    expect(unexpected, 'files that differ from Mermaid').toEqual([]);
    const stale = Object.keys(KNOWN_DIFFERENCES).filter(
      (f) => !valid.some((o) => o.file === f && o.differences.length > 0),
    );
    expect(stale, 'KNOWN_DIFFERENCES entries that now agree (remove them)').toEqual([]);

    const silent = rejected
      .filter((o) => !o.reported && !(o.file in ACCEPTED_SILENTLY))
      .map((o) => o.file);
    expect(silent, 'files Mermaid rejects that we accept without a diagnostic').toEqual([]);
  });
});
