import { useMemo } from 'react';
import { encode } from 'uqr';

/** The dark runs of each row of a QR matrix, as rectangles (x, y, width) in modules. */
export function qrRuns(matrix: readonly (readonly boolean[])[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  matrix.forEach((row, y) => {
    let start = -1;
    for (let x = 0; x <= row.length; x++) {
      const dark = x < row.length && row[x] === true;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push([start, y, x - start]);
        start = -1;
      }
    }
  });
  return runs;
}

/** A QR code of `text`, drawn as SVG rectangles (dark on white, with its quiet zone). */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, runs } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 2 });
    return { size: qr.size, runs: qrRuns(qr.data) };
  }, [text]);
  return (
    <svg
      className="fd-live-qr"
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
    >
      <rect width={size} height={size} fill="#fff" />
      {runs.map(([x, y, width]) => (
        <rect key={`${x},${y}`} x={x} y={y} width={width} height={1} fill="#000" />
      ))}
    </svg>
  );
}
