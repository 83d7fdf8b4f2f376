import type { NodeProps } from '@xyflow/react';
import { useT } from '../i18n/useT.ts';
import { NodeIcon } from '../icons/NodeIcon.tsx';
import { useViewActions } from '../view/ViewContext.tsx';
import { HiddenHandles } from './HiddenHandles.tsx';
import { NodeLabel } from './NodeLabel.tsx';
import type { GroupNodeType } from './toReactFlow.ts';
import { userStyle } from './userStyle.ts';

/** A group: a container tinted by nesting depth, its title at the top, a button to fold it away. */
export function GroupNode({ data, selected }: NodeProps<GroupNodeType>) {
  const { node, style } = data;
  const t = useT();
  const { toggleCollapsed, expectRelayout } = useViewActions();
  const collapsed = node.collapsed === true;
  const name = node.label || node.id;
  return (
    <div
      className="fd-group"
      data-node-id={node.id}
      data-depth={node.depth % 4}
      data-state={data.state ?? 'idle'}
      data-collapsed={collapsed || undefined}
      data-selected={selected || undefined}
      style={userStyle(style)}
      onPointerEnter={expectRelayout}
      onFocus={expectRelayout}
    >
      <svg width={node.width} height={node.height} overflow="visible" aria-hidden="true">
        {/* Geometry as CSS, so a collapse or expand can transition the box's size. */}
        <rect
          className="fd-group-box"
          style={{ width: node.width, height: node.height }}
          rx={collapsed ? 10 : 12}
        />
        {node.icon && node.iconBox ? (
          <NodeIcon
            className="fd-group-icon"
            name={node.icon}
            box={node.iconBox}
            originX={node.x}
            originY={node.y}
          />
        ) : null}
        <NodeLabel
          className="fd-group-label"
          label={node.labelBox}
          originX={node.x}
          originY={node.y}
        />
      </svg>
      <span className="fd-sr-only">{name}</span>
      <button
        type="button"
        className="fd-collapse nodrag nopan"
        aria-expanded={!collapsed}
        // The visible text is part of the name (+4 … ), as screen-reader users
        // who also see the screen expect; the minus is a drawn icon.
        aria-label={
          collapsed
            ? `+${node.hiddenCount ?? 0} ${t('view.expandGroup', { name })}`
            : t('view.collapseGroup', { name })
        }
        title={t(collapsed ? 'view.expandGroup' : 'view.collapseGroup', { name })}
        tabIndex={-1}
        onClick={(event) => {
          event.stopPropagation();
          toggleCollapsed(node.id);
        }}
      >
        {collapsed ? (
          `+${node.hiddenCount ?? 0}`
        ) : (
          <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true" focusable="false">
            <path d="M1.5 5h7" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        )}
      </button>
      <HiddenHandles />
    </div>
  );
}
