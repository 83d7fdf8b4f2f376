/**
 * Mermaid's icons in our terms. Two ways in: the icon shape,
 * `A@{ icon: "logos:kubernetes", form: "square", label: "K8s", pos: "b", h: 60 }`,
 * and Font Awesome names in a label, `A[fa:fa-user Login]`. Mermaid names
 * an icon by the pack it was registered as; the packs its docs use for Font
 * Awesome (`fa`, `fab`…) become the Iconify sets bundled with Flowdeck.
 */
import { ICON_SIZE, iconNameWarning } from '../../icons/iconName.ts';
import type { ModelNode, Shape } from '../../model/types.ts';
import type { Vertex } from './flowState.ts';

/** Mermaid's Font Awesome packs as Iconify sets; other packs keep their names. */
const FONT_AWESOME: Readonly<Record<string, string>> = {
  fa: 'fa6-solid',
  fas: 'fa6-solid',
  fab: 'fa6-brands',
  far: 'fa6-regular',
};

/** The background `form` draws around the icon, as the node's shape; none is a bare icon. */
const FORMS: Readonly<Record<string, Shape>> = {
  square: 'rect',
  circle: 'circle',
  rounded: 'rounded',
};

/** Mermaid's icon size when `h` and `w` are not given, and its least. */
const MERMAID_ICON_SIZE = 48;

/**
 * An icon as Mermaid names it (`fa:user`, `logos:kubernetes`) as an Iconify name.
 *
 * @example iconifyName('fab:github') // 'fa6-brands:github'
 */
export function iconifyName(name: string): string {
  const colon = name.indexOf(':');
  const set = colon < 0 ? undefined : FONT_AWESOME[name.slice(0, colon)];
  return set === undefined ? name : `${set}:${name.slice(colon + 1)}`;
}

type Warn = (message: string) => void;

/** Reads `icon`, `form`, `pos`, `h` and `w` of `@{ … }` into the vertex, as Mermaid's FlowDB does. */
export function applyIconData(
  vertex: Vertex,
  data: Readonly<Record<string, unknown>>,
  where: { id: string; at: number; hasLabel: boolean },
  warn: Warn,
): void {
  const { id, at } = where;
  if (!data.icon) return;
  const icon = iconifyName(String(data.icon));
  const problem = iconNameWarning(icon);
  // Refused, the node is drawn as if it had no icon, its label kept.
  if (problem !== undefined) return warn(`${id}@{…}: ${problem}.`);
  vertex.icon = icon;
  // Mermaid's rule: an icon without a label of its own shows no text.
  if (!where.hasLabel && vertex.label.text === id) vertex.label = { text: '', kind: 'text', at };
  if (data.form) {
    vertex.form = String(data.form);
    if (!(vertex.form in FORMS))
      warn(
        `${id}@{…}: form "${vertex.form}" is not square, circle or rounded; Mermaid draws no background.`,
      );
  }
  if (data.pos) {
    vertex.pos = String(data.pos);
    if (vertex.pos !== 't' && vertex.pos !== 'b')
      warn(`${id}@{…}: pos is "t" or "b"; "${vertex.pos}" puts the label below, as Mermaid does.`);
  }
  for (const key of ['h', 'w'] as const) {
    if (!data[key]) continue;
    const size = Number(data[key]);
    if (Number.isFinite(size) && size > 0) {
      if (key === 'h') vertex.iconHeight = size;
      else vertex.iconWidth = size;
    } else warn(`${id}@{…}: ${key} is a size in px, not "${String(data[key])}"; ignored.`);
  }
}

/** What a node's icon adds to it: the icon, its placement and size, and the shape the icon shape takes. */
type IconFields = Partial<
  Pick<ModelNode, 'icon' | 'iconPlacement' | 'iconSize' | 'shape' | 'label'>
>;

/**
 * The icon of a node or group: its icon shape's, or else the first icon in
 * its label (`label` is the visible text, icons taken out). A label's icon
 * that is no icon name is a warning and no icon.
 */
export function nodeIcon(
  id: string,
  vertex: Vertex | undefined,
  label: { text: string; icons: readonly string[] },
  warn: Warn,
): IconFields {
  const shaped = vertex?.icon;
  const [first, ...more] = label.icons;
  const unused = shaped === undefined ? more : label.icons;
  if (unused.length > 0)
    warn(`"${id}" has one icon; ${unused.map((name) => `"${name}"`).join(', ')} is not drawn.`);
  const only = label.text === '' ? { iconPlacement: 'only' as const } : {};
  if (shaped === undefined || !vertex) {
    if (first === undefined) return {};
    const icon = iconifyName(first);
    const problem = iconNameWarning(icon);
    if (problem !== undefined) {
      warn(`${problem}.`);
      return {};
    }
    return { icon, iconPlacement: 'beside', ...only };
  }
  if (vertex.pos === 't' && label.text !== '')
    warn(`"${id}": pos "t" puts the label above the icon in Mermaid; it is drawn below.`);
  const size = iconSize(vertex, id, warn);
  return {
    icon: shaped,
    ...only,
    ...(size === undefined ? {} : { iconSize: size }),
    shape: (vertex.form === undefined ? undefined : FORMS[vertex.form]) ?? 'text',
  };
}

/** Mermaid draws the icon max(h, w) px, 48 at least; without either our default stands. */
function iconSize(vertex: Vertex, id: string, warn: Warn): number | undefined {
  const { iconHeight, iconWidth } = vertex;
  if (iconHeight === undefined && iconWidth === undefined) return undefined;
  const size = Math.max(iconHeight ?? MERMAID_ICON_SIZE, iconWidth ?? MERMAID_ICON_SIZE);
  if (size <= ICON_SIZE.max) return size;
  warn(`"${id}": an icon of ${size} px is drawn ${ICON_SIZE.max} px, the largest Flowdeck draws.`);
  return ICON_SIZE.max;
}
