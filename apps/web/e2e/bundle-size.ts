import { gzipSync } from 'node:zlib';

/** One entry of Vite's build manifest (dist/.vite/manifest.json), the fields we read. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The budget of issue 8: the first screen's JavaScript, compressed with gzip. */
export const FIRST_SCREEN_BUDGET_BYTES = 250 * 1024;

/**
 * The first screen, as manifest keys. `entry`: the entry chunk and its static imports (what index.html loads
 * before anything is decided). `login`: what the first page a visitor meets needs in all — the entry plus the
 * lazily loaded layout, page and language.
 */
export const FIRST_SCREENS: Record<string, string[]> = {
  entry: ['index.html'],
  login: ['index.html', 'src/app/public-layout.tsx', 'src/routes/login.tsx', 'src/locales/en.json'],
};

/** Measured and printed, not held to the budget: the numbers list with everything its route loads. */
export const OTHER_SCREENS: Record<string, string[]> = {
  numbers: ['index.html', 'src/app/app-layout.tsx', 'src/routes/numbers.tsx', 'src/locales/en.json'],
};

export interface ScreenSize {
  /** Output files (relative to dist), each counted once. */
  files: string[];
  gzipBytes: number;
  rawBytes: number;
}

/**
 * The JavaScript a screen loads: the given manifest keys and everything they import statically,
 * transitively (dynamic imports are left out: they load later, on demand). Each file gzipped alone,
 * as a server compresses each response.
 */
export function screenJavaScript(manifest: Manifest, keys: string[], read: (file: string) => Buffer): ScreenSize {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`"${key}" is not in the build manifest`);
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const content = read(file);
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

/** Screens over the budget, with their size; empty when every first screen fits. */
export function overBudget(
  manifest: Manifest,
  read: (file: string) => Buffer,
  screens: Record<string, string[]> = FIRST_SCREENS,
  budget = FIRST_SCREEN_BUDGET_BYTES,
): { screen: string; gzipBytes: number; files: string[] }[] {
  return Object.entries(screens)
    .map(([screen, keys]) => ({ screen, ...screenJavaScript(manifest, keys, read) }))
    .filter((size) => size.gzipBytes > budget)
    .map(({ screen, gzipBytes, files }) => ({ screen, gzipBytes, files }));
}

/**
 * A chain of static imports between chunks that comes back to where it started (`a → b → a`), or null. Chunks that
 * import each other evaluate in an order the modules inside them did not ask for; the hand-made vendor chunk
 * (vite.config.ts, firstScreenChunks) could make one if it left out a library its modules import.
 */
export function importCycle(manifest: Manifest): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (key: string, path: string[]): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'open') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'open');
    for (const imported of manifest[key]?.imports ?? []) {
      const cycle = visit(imported, [...path, key]);
      if (cycle) return cycle;
    }
    state.set(key, 'done');
    return null;
  };
  for (const key of Object.keys(manifest)) {
    const cycle = visit(key, []);
    if (cycle) return cycle;
  }
  return null;
}
