import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_BUDGET_BYTES,
  FIRST_SCREENS,
  importCycle,
  type Manifest,
  OTHER_SCREENS,
  overBudget,
  screenJavaScript,
} from './bundle-size.js';

// The build the e2e server serves (the e2e command builds it first).
const distDir = process.env.WEB_DIST_DIR ?? resolve(import.meta.dirname, '../dist');

/** Bytes that gzip cannot shrink (a fixed xorshift sequence, so the test is the same every run). */
function incompressible(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('issue 8: the first screen’s JavaScript is at most 250 KB gzip', () => {
  // A made-up build: the entry imports a vendor chunk statically and a large page lazily.
  const fixture: Manifest = {
    'index.html': {
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_vendor.js'],
      dynamicImports: ['src/routes/big.tsx'],
    },
    '_vendor.js': { file: 'assets/vendor.js', imports: ['_shared.js'] },
    '_shared.js': { file: 'assets/shared.js' },
    'src/routes/big.tsx': { file: 'assets/big.js', imports: ['_shared.js'] },
    'src/app.css': { file: 'assets/app.css' },
  };
  const files: Record<string, Buffer> = {
    'assets/index.js': incompressible(20 * 1024, 1),
    'assets/vendor.js': incompressible(100 * 1024, 2),
    'assets/shared.js': incompressible(10 * 1024, 3),
    'assets/big.js': incompressible(400 * 1024, 4),
  };
  const read = (file: string) => {
    const content = files[file];
    if (!content) throw new Error(`no fixture file ${file}`);
    return content;
  };

  it('counts the entry and its static imports once each, not lazy chunks', () => {
    const size = screenJavaScript(fixture, ['index.html'], read);
    expect(size.files.sort()).toEqual(['assets/index.js', 'assets/shared.js', 'assets/vendor.js']);
    expect(size.gzipBytes).toBeGreaterThan(130 * 1024);
    expect(size.gzipBytes).toBeLessThan(FIRST_SCREEN_BUDGET_BYTES);
    expect(overBudget(fixture, read, { entry: ['index.html'] })).toEqual([]);
  });

  it('fails when the first screen is over the budget (the check can fail)', () => {
    const over = overBudget(fixture, read, { page: ['index.html', 'src/routes/big.tsx'] });
    expect(over).toHaveLength(1);
    expect(over[0]?.screen).toBe('page');
    expect(over[0]?.gzipBytes).toBeGreaterThan(FIRST_SCREEN_BUDGET_BYTES);
    // A vendor chunk grown past the budget, imported statically by the entry, is caught too.
    files['assets/vendor.js'] = incompressible(300 * 1024, 5);
    try {
      expect(overBudget(fixture, read, { entry: ['index.html'] }).map((s) => s.screen)).toEqual(['entry']);
    } finally {
      files['assets/vendor.js'] = incompressible(100 * 1024, 2);
    }
  });

  it('refuses a screen that is not in the manifest (a renamed route must not pass silently)', () => {
    expect(() => screenJavaScript(fixture, ['src/routes/gone.tsx'], read)).toThrow(/not in the build manifest/);
  });

  it('finds chunks that import each other, and none in a chain that ends (the check can fail)', () => {
    expect(importCycle(fixture)).toBeNull();
    const cyclic: Manifest = { ...fixture, '_shared.js': { file: 'assets/shared.js', imports: ['index.html'] } };
    expect(importCycle(cyclic)).toEqual(['index.html', '_vendor.js', '_shared.js', 'index.html']);
  });

  it('holds for the built web app: the entry and the login page', () => {
    const manifestPath = join(distDir, '.vite/manifest.json');
    expect(existsSync(manifestPath), `${manifestPath} missing: build with \`npm run build -w apps/web\``).toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const readDist = (file: string) => readFileSync(join(distDir, file));
    for (const [screen, keys] of Object.entries({ ...FIRST_SCREENS, ...OTHER_SCREENS })) {
      const size = screenJavaScript(manifest, keys, readDist);
      const note = screen in FIRST_SCREENS ? 'within the budget' : 'reported only';
      console.log(
        `screen "${screen}": ${(size.gzipBytes / 1024).toFixed(1)} KB gzip, ${size.files.length} files (${note})`,
      );
      expect(size.files.length).toBeGreaterThan(1);
    }
    expect(overBudget(manifest, readDist)).toEqual([]);
    // The first screens' libraries are one chunk that imports nothing of the app's (vite.config.ts).
    expect(importCycle(manifest)).toBeNull();
    const vendor = Object.entries(manifest).find(([key]) => /^_vendor-.*\.js$/.test(key));
    expect(vendor, 'a vendor chunk in the build').toBeDefined();
    expect(manifest['index.html']?.imports).toContain(vendor?.[0]);
    expect(vendor?.[1].imports?.filter((key) => !key.startsWith('_rolldown-runtime'))).toEqual([]);
  });
});
