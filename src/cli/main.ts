import { parseArgs } from 'node:util';
import { ROOM_LIMITS } from '../classroom/room.ts';
import { type AspectSetting, SCREEN_SHAPES } from '../core/model/screenShape.ts';
import { suggest } from '../core/model/suggest.ts';
import { DEFAULT_LIMITS, readLimits } from '../core/parse/limits.ts';

const HELP: Record<string, string> = {
  main: `flowdeck — animated, auto-laid-out diagrams from YAML specs and Mermaid flowcharts

Usage:
  flowdeck check <files or folders…>   validate diagrams and decks; prints file:line:col: message
  flowdeck layout <file> [--json]      lay a diagram out and print every node and edge
  flowdeck export <file or folder> -o <path>
                                       write SVG and PNG pictures, one step, or a flow
                                       animated (SVG, GIF, APNG); or the Outline, the
                                       diagram as text (Markdown)
  flowdeck serve [folder] [--port N]   serve the explorer on this network for a live class
  flowdeck help [command]              show help for a command

Options:
  -h, --help       show help
  -v, --version    print the version
  --limit NAME=N   raise or lower a limit for check, layout and export, e.g.
                   --limit nodes=8000 (repeat it, or NAME=N,NAME=N); the limits
                   and their defaults: file=${DEFAULT_LIMITS.maxFileBytes / (1024 * 1024)}MiB, nodes=${DEFAULT_LIMITS.maxNodes},
                   edges=${DEFAULT_LIMITS.maxEdges}, depth=${DEFAULT_LIMITS.maxDepth} (groups in groups),
                   label=${DEFAULT_LIMITS.maxLabelLength} (characters; a longer label is shortened
                   with a warning). See docs/hardening.md#limits.
  --aspect SHAPE   for layout and export: the screen shape to lay out for,
                   16:9, 4:3, 1:1, 3:4 or 9:16, or none for the layout as
                   written. It stands in for the spec's own aspect: key; without
                   it a spec's aspect: is kept, and a diagram without one is laid
                   out as written. See docs/spec.md#screen-shape-aspect.

Diagram files: .yaml/.yml (Flowdeck spec, see docs/spec.md) and .mmd/.mermaid (Mermaid flowcharts).
Lesson decks: .yaml/.yml files with a top-level deck: list of diagram ids (see docs/decks.md).`,
  check: `flowdeck check <files or folders…>

Validates every diagram file named, or found (recursively) in a named folder.
Lesson decks (YAML with a top-level deck: key) are checked too, and the
diagram and flow ids they name are checked against the diagrams of the same
run: \`flowdeck check diagrams/\` checks everything, \`flowdeck check deck.yaml\`
alone only the deck's own syntax.
Prints one line per problem as file:line:col: severity: message [path],
then a summary. A file that cannot be read (a folder, no permission) or is
not UTF-8 text is one error, and the other files are still checked.
Exits 1 when any error is found (warnings alone exit 0).
An icon no bundled set has (logos, simple-icons, mdi, fa6-solid, fa6-brands)
is a warning, with the closest names; the node is drawn without it.
A diagram past a limit (see \`flowdeck help\`, --limit) is an error.`,
  layout: `flowdeck layout <file> [--json] [--aspect SHAPE]

Parses and lays out one diagram with ELK, using the same measured text as the app.
  --aspect SHAPE   lay out for a screen shape (16:9, 4:3, 1:1, 3:4, 9:16) or none
           (as written), over the spec's own aspect: key; without it, the
           spec's aspect: if it has one, else as written
  --json   print the laid-out model: { id, title, width, height, shape,
           nodes: [{ id, parent, kind, label, shape, x, y, width, height, depth, labelBox, iconBox?, … }],
           edges: [{ id, source, target, label, line, arrows, points: [{ x, y }], labelBox }],
           flows: [{ id, title, steps: [{ caption, nodes, edges, focus, show, hide, … }] }] }
           Coordinates are absolute px; x, y are a box's top-left corner;
           shape is the screen shape it was laid out for, absent if as written.
           A Mermaid file (.mmd) has one flow, "main", walking its edges in written order
           ("a → b: label"), marked generated; titled "Walkthrough" unless the chart has a title.
Without --json it prints a readable outline. Exits 1 if the diagram has errors
(a diagram past a limit is not laid out; --limit NAME=N raises one), or if the
file is a lesson deck rather than a diagram.`,
  export: `flowdeck export <file or folder> [--flow ID] [--step N] [--animated]
                [--no-caption] [--format svg|png|gif|apng|md] [--scale N] [--theme light|dark]
                [--system-fonts] [--aspect SHAPE] -o <path>
                [--fps N] [--width PX] [--height PX] [--speed X] [--no-camera] [--stills]
                [--lang en|ko]

One file: draws the diagram into -o, an SVG, a PNG, a GIF or an APNG (from
--format, else from -o's extension).
  --step N         draw step N (1 is the first) of the flow, with its caption
  --no-caption     with --step: leave the caption band out
  --flow ID        the flow for --step or --animated (default: the first)
  --animated       one SVG that plays the whole flow, looping, with no script
A folder: -o is a folder (created), and every diagram in the folder (and
below) gets <id>.svg and <id>.png, and each of its flows <id>.<flow>.svg,
animated. Lesson decks are skipped. A diagram with errors is reported as
file:line:col and the others are still exported; the exit code is then 1.
  --format svg|png only SVGs, or only PNGs
  --format md      only Outlines, <id>.md (below)
Both:
  --scale N        PNG pixels per SVG pixel: 2 (default, sharp on high-density
                   screens), 1, 4… up to 8
  --theme T        light (default) or dark
  --system-fonts   SVGs name Pretendard and the system fonts instead of
                   embedding the subset of Pretendard they use: smaller, but
                   right only where Pretendard is installed (PNGs always have it)
  --aspect SHAPE   lay out for a screen shape (16:9, 4:3, 1:1, 3:4, 9:16) or none
                   (as written), over the spec's own aspect: key; without it,
                   the spec's aspect: if it has one, else as written. An SVG
                   laid out for a shape says it in data-shape on its root, a
                   PNG in a "Screen shape" text chunk
  --limit NAME=N   raise or lower a limit (see \`flowdeck help\`); a diagram past
                   one is an error and is not laid out
GIF or APNG, one file: plays a flow as the player does (camera, fading
states, travelling tokens, the caption band), looping. Drawn by resvg: no
browser. An APNG (-o x.apng, or --format apng -o x.png) keeps every colour
and exact timing; a GIF (255 colours) is smaller and plays everywhere.
--flow picks the flow, --step N makes a clip of step N alone (from the step
before into it), --no-caption leaves the band out, --theme as above.
  --fps N          frames per second, up to 50 (default 15)
  --width PX       pixels wide, 160 to 1920 (default 960): the picture is
                   composed 1280 wide, as the 720p video, and drawn at width/1280
  --height PX      pixels high (default: 16:9 of the width)
  --speed X        2 plays twice as fast as the player, 0.5 half as fast
  --no-camera      the whole diagram throughout, the camera still
  --stills         each step held still and faded into the next (less motion)
Outline (-o x.md, or --format md): the diagram as Markdown, for a course page
or alt text: its groups and nodes as nested lists, each node with its
description and its edges, then every flow as numbered steps with what each
lights, shows, hides and fails. The same text as the app's Outline view and
its Export menu's "Outline (Markdown)". Labels are escaped, never markup.
  --lang en|ko     the language of the Outline's own words (headings, "Lights:"),
                   and of what an SVG says to a screen reader ("in Cluster",
                   "3 outgoing"), English by default; the diagram's text stays
                   as written
Video (MP4, WebM) needs a browser's encoder: the app's Export menu makes it.
Prints each file written with its size (a GIF or APNG: its frames and seconds too).`,
  serve: `flowdeck serve [folder] [--port N] [--host H] [--data DIR]

Serves the explorer for the diagrams of folder (default: diagrams) to this
computer's network, with a live classroom: students follow the teacher's
steps on their own devices and answer "where next?" questions. The explorer
is built first (a few seconds; kept, and built again only when the diagrams
or Flowdeck change). Then it prints
  Teacher: http://<address>:<port>/?teacher=<secret>   (yours: it drives the class)
  Students: http://<address>:<port>/#/join              (and a QR code of it)
and serves until Ctrl+C, which saves the rooms and stops.
  --port N     the port (default 8080); in use is an error, not another port;
               0 takes a free one and prints it
  --host H     the address to listen on (default 0.0.0.0: every network)
  --data DIR   where the teacher's secret and the rooms are kept, so links
               and results survive a restart (default
               $XDG_STATE_HOME/flowdeck/classroom, or ~/.local/state/flowdeck/classroom)
Limits: ${ROOM_LIMITS.studentsPerRoom} students per room, ${ROOM_LIMITS.roomsPerServer} rooms; see docs/classroom.md.`,
};

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    err(`flowdeck: ${(error as Error).message}\n\n${HELP.main}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  const limits = readLimits(values.limit ?? []);
  if (typeof limits === 'string') return usage(err, `--limit: ${limits}`);
  const aspect = readAspect(values.aspect);
  if (aspect === null) return usage(err, aspectProblem(values.aspect ?? ''));
  if (values.version) {
    out('flowdeck 0.1.0');
    return 0;
  }
  if (values.help || !command || command === 'help') {
    const topic = command === 'help' ? rest[0] : command;
    out(HELP[topic ?? 'main'] ?? HELP.main ?? '');
    return 0;
  }
  try {
    if (command === 'check') {
      if (rest.length === 0) return usage(err, 'check needs at least one file or folder');
      // Each command loads what it needs, so `--help` starts at once.
      const { check } = await import('./check.ts');
      return await check(rest, out, limits);
    }
    if (command === 'layout') {
      if (rest.length !== 1 || !rest[0]) return usage(err, 'layout needs exactly one file');
      const { layout } = await import('./layout.ts');
      return await layout(rest[0], { json: values.json ?? false, limits, aspect }, out, err);
    }
    if (command === 'export') {
      if (rest.length !== 1 || !rest[0]) return usage(err, 'export needs one file or folder');
      // On demand: the other commands need neither resvg's binary nor the font tools.
      const { exportDiagrams, readExportFlags } = await import('./export.ts');
      const options = readExportFlags(values);
      if (typeof options === 'string') return usage(err, options);
      return await exportDiagrams(rest[0], { ...options, limits, aspect }, out, err);
    }
    if (command === 'serve') {
      if (rest.length > 1) return usage(err, 'serve takes at most one folder');
      const port = Number(values.port ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        return usage(err, `--port must be a whole number from 0 to 65535, not "${values.port}"`);
      }
      const { buildExplorer, defaultDataDir, serve } = await import('./serve.ts');
      // How serve builds the explorer, in a process of its own.
      const into = values['build-into'];
      if (into) return await buildExplorer(rest[0] ?? 'diagrams', into);
      const options = {
        port,
        host: values.host ?? '0.0.0.0',
        dataDir: values.data ?? defaultDataDir(),
      };
      return await serve(rest[0] ?? 'diagrams', options, out, err);
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    err(`flowdeck: ${e.code === 'ENOENT' ? `no such file or folder: ${e.path}` : e.message}`);
    return 1;
  }
  return usage(err, `unknown command "${command}"`);
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
      json: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      flow: { type: 'string' },
      step: { type: 'string' },
      animated: { type: 'boolean' },
      format: { type: 'string' },
      scale: { type: 'string' },
      theme: { type: 'string' },
      'system-fonts': { type: 'boolean' },
      caption: { type: 'boolean', default: true },
      fps: { type: 'string' },
      width: { type: 'string' },
      height: { type: 'string' },
      speed: { type: 'string' },
      camera: { type: 'boolean', default: true },
      stills: { type: 'boolean' },
      lang: { type: 'string' },
      limit: { type: 'string', multiple: true },
      aspect: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'build-into': { type: 'string' },
    },
    allowNegative: true,
  });
}

const ASPECTS: readonly AspectSetting[] = [...SCREEN_SHAPES, 'none'];

/** `--aspect`'s value; undefined when not given, null when it is no aspect. */
function readAspect(value: string | undefined): AspectSetting | undefined | null {
  if (value === undefined) return undefined;
  return ASPECTS.find((aspect) => aspect === value) ?? null;
}

function aspectProblem(value: string): string {
  const close = suggest(value, ASPECTS);
  const hint = close ? ` (did you mean ${close}?)` : '';
  return `--aspect must be 16:9, 4:3, 1:1, 3:4, 9:16 or none, not "${value}"${hint}`;
}

function usage(err: (line: string) => void, message: string): number {
  err(`flowdeck: ${message}\n\n${HELP.main}`);
  return 2;
}
