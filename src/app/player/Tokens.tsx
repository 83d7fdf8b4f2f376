import { ViewportPortal } from '@xyflow/react';
import { animate, motion, useMotionValue, useTransform } from 'framer-motion';
import { useEffect } from 'react';
import {
  pointAlong,
  type StepScene,
  type Token,
  TRAVEL_SECONDS,
} from '../../core/animate/timeline.ts';

/**
 * The packets of a step, travelling along the real routed edges. Each one is
 * moved by a motion value, frame by frame, without re-rendering React Flow.
 */
export function Tokens({ scene, step }: { scene: StepScene; step: number }) {
  if (scene.tokens.length === 0) return null;
  return (
    <ViewportPortal>
      <svg className="fd-tokens" aria-hidden="true" width={1} height={1} overflow="visible">
        {scene.tokens.map((token, i) => (
          <TokenDot key={`${step}:${i}:${token.edgeId}`} token={token} />
        ))}
      </svg>
    </ViewportPortal>
  );
}

function TokenDot({ token }: { token: Token }) {
  const progress = useMotionValue(0);
  const x = useTransform(progress, (p) => pointAlong(token.points, p).x);
  const y = useTransform(progress, (p) => pointAlong(token.points, p).y);
  const opacity = useTransform(progress, [0, 0.08, 0.9, 1], [0, 1, 1, 0]);
  useEffect(() => {
    const controls = animate(progress, 1, {
      duration: TRAVEL_SECONDS,
      ease: 'easeInOut',
      delay: 0.15,
    });
    return () => controls.stop();
  }, [progress]);
  return (
    <motion.circle
      className="fd-token"
      data-token-edge={token.edgeId}
      r={7}
      cx={x}
      cy={y}
      style={{ opacity }}
    />
  );
}
