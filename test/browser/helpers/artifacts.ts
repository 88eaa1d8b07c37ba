import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** test/artifacts/ (git-ignored): what each step of a browser test looked like, to see a failure. */
export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'artifacts');

export interface Screenshots {
  /** Saves `<NN>-<step>.png` and returns its path. */
  take(page: Page, step: string): Promise<string>;
}

/** One folder per suite, emptied when the suite starts, numbered in step order. */
export function screenshots(suite: string): Screenshots {
  const dir = join(ARTIFACTS_DIR, suite);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let step = 0;
  return {
    async take(page, name) {
      step++;
      const path = join(dir, `${String(step).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path });
      return path;
    },
  };
}
