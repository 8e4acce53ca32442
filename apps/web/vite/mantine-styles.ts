/**
 * Only the Mantine stylesheets the app uses, instead of all of `@mantine/core/styles.css` (≈300 KB, every
 * component of the library). The browser matches every rule against the page on each style recalculation, so
 * a stylesheet four times larger than needed made the numbers list's first render slower (issue 8, Lighthouse).
 *
 * Which ones: the names the app imports from '@mantine/core', followed through Mantine's own ES modules to every
 * `*.module.mjs` (its class names) they reach (Select reaches Combobox, Input and Popover; Modal reaches ModalBase, Overlay and
 * CloseButton…); each such module has its stylesheet in `@mantine/core/styles/`. They are imported in the order
 * `styles.css` has them, after the baseline, the default CSS variables and the global styles, as Mantine's
 * documentation asks. Computed at build (and dev-server) time, so a component used tomorrow brings its styles.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** Always first, in this order (Mantine: "import baseline, default CSS variables and global styles first"). */
const BASE = ['baseline', 'default-css-variables', 'global'];

export function mantineCoreDir(from: string): string {
  return dirname(createRequire(join(from, 'noop.js')).resolve('@mantine/core/styles.css'));
}

/**
 * Names imported as values from '@mantine/core' in the given sources (type-only imports bring no styles): the app's
 * own, or bundler output (`import{A as B,C}from"@mantine/core"`).
 */
export function importedNames(sources: Iterable<string>): Set<string> {
  const names = new Set<string>();
  const pattern = /import\s*(type\s+)?\{([^}]*)\}\s*from\s*['"]@mantine\/core['"]/g;
  for (const source of sources) {
    for (const match of source.matchAll(pattern)) {
      if (match[1]) continue;
      for (const raw of (match[2] ?? '').split(',')) {
        const spec = raw.trim();
        if (!spec || spec.startsWith('type ')) continue;
        names.add(spec.split(/\s+as\s+/)[0]!.trim());
      }
    }
  }
  return names;
}

/** Each export of @mantine/core → the module that defines it (null: re-exported from another package). */
export function mantineExportModules(coreDir: string): Map<string, string | null> {
  const esm = join(coreDir, 'esm');
  const index = readFileSync(join(esm, 'index.mjs'), 'utf8');
  const exportsFrom = new Map<string, string | null>();
  for (const m of index.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const raw of (m[1] ?? '').split(',')) {
      const local = raw
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      const from = m[2] as string;
      if (local) exportsFrom.set(local, from.startsWith('.') ? resolve(esm, from) : null);
    }
  }
  return exportsFrom;
}

/** Stylesheet names (as in `styles/<name>.css`) that the given exports of @mantine/core reach. */
export function stylesReached(coreDir: string, names: Iterable<string>): Set<string> {
  const exportsFrom = mantineExportModules(coreDir);
  const styles = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const module = /([\w-]+)\.module\.mjs$/.exec(file);
    if (module) styles.add(module[1] as string);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"(\.[^"]+)"/g)) visit(resolve(dirname(file), m[1] as string));
  };
  for (const name of names) {
    const file = exportsFrom.get(name);
    if (file === undefined) throw new Error(`mantine-styles: '${name}' is not an export of @mantine/core`);
    if (file) visit(file);
  }
  return styles;
}

/** The stylesheets to import, in styles.css's order: the base ones, then each component's. */
export function orderedStylesheets(coreDir: string, reached: Iterable<string>): string[] {
  const all = readFileSync(join(coreDir, 'styles.css'), 'utf8');
  const positioned = [...new Set(reached)].map((name) => {
    const path = join(coreDir, 'styles', `${name}.css`);
    if (!existsSync(path)) throw new Error(`mantine-styles: no stylesheet for ${name} (${path})`);
    const position = all.indexOf(readFileSync(path, 'utf8').trim());
    if (position < 0) throw new Error(`mantine-styles: ${name}.css is not part of styles.css`);
    return { name, position };
  });
  positioned.sort((a, b) => a.position - b.position);
  return [...BASE, ...positioned.map((p) => p.name).filter((name) => !BASE.includes(name))].map(
    (name) => `@mantine/core/styles/${name}.css`,
  );
}

function sourceFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, pattern);
    return pattern.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * The stylesheets the app under `srcDir` needs, in order: for what it imports from '@mantine/core', and for what
 * @mantine/notifications imports from it (the Notification card; the container's styles are that package's own).
 */
export function appMantineStylesheets(srcDir: string): string[] {
  const coreDir = mantineCoreDir(srcDir);
  const notificationsEsm = join(coreDir, '..', 'notifications', 'esm');
  const files = [
    ...sourceFiles(srcDir, /\.tsx?$/),
    ...(existsSync(notificationsEsm) ? sourceFiles(notificationsEsm, /\.mjs$/) : []),
  ];
  const names = importedNames(files.map((file) => readFileSync(file, 'utf8')));
  return orderedStylesheets(coreDir, stylesReached(coreDir, names));
}
