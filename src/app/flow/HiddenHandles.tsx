import { Handle, Position } from '@xyflow/react';

/** React Flow needs a handle on each end to draw an edge; ours follow ELK's routes, so they stay unseen. */
export function HiddenHandles() {
  return (
    <>
      <Handle type="target" position={Position.Top} className="fd-handle" isConnectable={false} />
      <Handle
        type="source"
        position={Position.Bottom}
        className="fd-handle"
        isConnectable={false}
      />
    </>
  );
}
