import type { Page } from 'playwright-core';

/**
 * Share of pixels of one screenshot with no match in the other: a pixel
 * matches when some pixel at most 1 px away in the other picture has every
 * channel within 64 of 255. Checked both ways. This forgives anti-aliasing
 * and the sub-pixel placement of the two drawings (the app's camera and the
 * page's transform round differently), but not a missing, moved or
 * recoloured shape, line or glyph. Computed in the page's canvas.
 */
export async function difference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([one, two]) => {
      const load = async (b64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no canvas');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [x, y] = await Promise.all([load(one), load(two)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      const { width, height } = x;
      const unmatched = (p: ImageData, q: ImageData) => {
        let count = 0;
        for (let row = 0; row < height; row++) {
          for (let col = 0; col < width; col++) {
            const i = (row * width + col) * 4;
            let found = false;
            for (let dy = -1; dy <= 1 && !found; dy++) {
              for (let dx = -1; dx <= 1 && !found; dx++) {
                const r = row + dy;
                const c = col + dx;
                if (r < 0 || c < 0 || r >= height || c >= width) continue;
                const j = (r * width + c) * 4;
                found =
                  Math.abs((p.data[i] ?? 0) - (q.data[j] ?? 0)) <= 64 &&
                  Math.abs((p.data[i + 1] ?? 0) - (q.data[j + 1] ?? 0)) <= 64 &&
                  Math.abs((p.data[i + 2] ?? 0) - (q.data[j + 2] ?? 0)) <= 64;
              }
            }
            if (!found) count++;
          }
        }
        return count;
      };
      return Math.max(unmatched(x, y), unmatched(y, x)) / (width * height);
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}
