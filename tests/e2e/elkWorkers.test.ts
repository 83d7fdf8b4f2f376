import { describe, inject, it } from 'vitest';
import { freshPagePerTest } from './chromium.ts';
import { expectParallelLayout } from './elkWorkers.ts';

// Issue 19: a big diagram's runs are laid out on more than one core in the
// browser too, by the layout worker and the ELK workers it starts, and the
// result is the layout one thread makes. The built site: site.test.ts.

const session = freshPagePerTest();

describe('a big diagram in the app (dev server)', () => {
  it('is laid out by more than one ELK worker, drawn whole, where one thread puts it', async () => {
    await expectParallelLayout(session.page, inject('baseUrl'));
  });
});
