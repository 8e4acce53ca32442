import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { appMantineStylesheets, importedNames, mantineCoreDir, mantineExportModules } from './vite/mantine-styles';

// The API server during development (`npm run dev -w apps/server`); override with API_PROXY_TARGET.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://localhost:3000';

/**
 * Writes `.br` and `.gz` beside each text asset of the build, so the server sends them compressed without
 * compressing on every request (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? (name.startsWith('.') ? [] : walk(path)) : [path];
    });
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

/** The first screens (by path) and the modules that draw them: preloaded at once, and their libraries in one chunk. */
const FIRST_SCREENS: Record<string, string[]> = {
  '/login': ['src/app/public-layout.tsx', 'src/routes/login.tsx'],
  '/numbers': ['src/app/app-layout.tsx', 'src/routes/numbers.tsx'],
  '/': ['src/app/app-layout.tsx', 'src/routes/numbers.tsx'],
};

/**
 * The libraries the first screens load (statically, from the entry and from their route modules) go into one
 * `vendor` chunk, and the app's own modules the entry loads into one `app-core` chunk; the rest is split per section
 * as usual. Left to the automatic split they were some forty chunks of 0.1–30 KB, and each is a request: on a
 * phone's connection (Lighthouse's mobile run: 150 ms round trips, six connections) the page waited about a second
 * more for them.
 *
 * Mantine's components are taken one by one: its index reaches every component, so reachability through it would
 * put the dialogs' components (Modal, Menu, Tabs, PinInput…) in the chunk too. Instead each module contributes the
 * names it imports from '@mantine/core' (as vite/mantine-styles.ts reads them), followed to their modules; the other
 * components stay in the chunks of the sections that use them (15 KB gzip less on the first screens). The group does
 * not pull in dependencies by itself (`includeDependenciesRecursively: false`): every other library module is in it
 * anyway, so nothing in it imports from outside but the runtime (checked by e2e/bundle-size.e2e.test.ts).
 */
function firstScreenChunks(root: string) {
  const path = (file: string) => file.replaceAll('\\', '/');
  const entry = path(resolve(root, 'src/main.tsx'));
  const screens = [...new Set(Object.values(FIRST_SCREENS).flat())].map((file) => path(resolve(root, file)));
  const srcDir = path(resolve(root, 'src'));
  const coreDir = mantineCoreDir(root);
  const barrel = path(join(coreDir, 'esm', 'index.mjs'));
  const components = path(join(coreDir, 'esm', 'components'));
  const exported = mantineExportModules(coreDir);
  type Context = { getModuleInfo: (id: string) => { importedIds: readonly string[]; code?: string | null } | null };
  /** The modules `from` imports statically, directly or not, with Mantine's index followed name by name. */
  const reach = (ctx: Context, from: string[]) => {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const info = ctx.getModuleInfo(id);
      const code = info?.code ?? (existsSync(id) ? readFileSync(id, 'utf8') : '');
      for (const name of importedNames([code])) {
        const file = exported.get(name);
        if (file) visit(path(file));
      }
      for (const imported of info?.importedIds ?? []) if (imported !== barrel) visit(imported);
    };
    for (const id of from) visit(id);
    return seen;
  };
  let reached: { boot: Set<string>; firstScreens: Set<string> } | undefined;
  return (moduleId: string, ctx: Context) => {
    reached ??= { boot: reach(ctx, [entry]), firstScreens: reach(ctx, [entry, ...screens]) };
    if (!moduleId.includes('/node_modules/')) {
      // The app's own modules the entry needs at once (API client, session, router helpers): one chunk beside the
      // entry, not one chunk per module that a section also imports (they were six requests of 0.1–5 KB).
      // Vite's own helpers (`\0vite/preload-helper.js`) too.
      const app = moduleId.startsWith(`${srcDir}/`) || moduleId.startsWith('\0');
      return moduleId !== entry && reached.boot.has(moduleId) && app ? 'app-core' : null;
    }
    const mantineComponent = moduleId.startsWith(`${components}/`);
    return !mantineComponent || reached.firstScreens.has(moduleId) ? 'vendor' : null;
  };
}

/**
 * The first screens' chunks, fetched at once instead of one round trip after another. Without it the browser
 * learns of the language chunk only after the entry runs, and of the page's chunks only after the language
 * arrived (three round trips in a row). A small classic script (external: the CSP allows no inline script)
 * adds `modulepreload` links for the page being opened and the visitor's language, guessed as
 * lib/languages.ts does; a wrong guess only costs one unused download.
 */
function routePreload(): Plugin {
  const FILE = 'route-preload.js';
  // The login page's announcement (F03) is asked for here too, while the app's code downloads: the page waits for
  // it before it shows (features/auth/api/announcement.ts takes this answer once, in the language guessed here).
  const EARLY_ANNOUNCEMENT = '__earlyAnnouncement';
  // On the numbers list, the first screen's GETs start here too, each as soon as what it needs is known (the
  // session, the companies, then the selected company's first page and tariffs; the company chosen as
  // features/companies/selection.ts does): without them each waited for the app's code and then for the one before it, three
  // round trips in a row. lib/api/client.ts answers the app's first identical GET with the response started here.
  const EARLY_GETS = '__earlyGets';
  // PAGE_SIZE of features/numbers/api/numbers-list.ts: e2e/first-screen.e2e.test.ts fails if they part.
  const NUMBERS_PAGE_SIZE = 50;
  const languages = ['en', 'ru', 'kk'];
  return {
    name: 'route-preload',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'script', attrs: { src: `/${FILE}` }, injectTo: 'head' }],
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const byModule = (suffix: string) =>
        chunks.find((chunk) => chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${suffix}`));
      const entry = chunks.find((chunk) => chunk.isEntry);
      // What the entry loads anyway is left out.
      const loaded = new Set<string>();
      const closure = (fileName: string, into: Set<string>) => {
        if (into.has(fileName)) return;
        into.add(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type === 'chunk') for (const imported of chunk.imports) closure(imported, into);
      };
      if (entry) closure(entry.fileName, loaded);
      const filesOf = (modules: string[]) => {
        const files = new Set<string>();
        for (const module of modules) {
          const chunk = byModule(module);
          if (!chunk) this.error(`route-preload: no chunk for ${module}`);
          closure(chunk.fileName, files);
        }
        return [...files].filter((file) => !loaded.has(file));
      };
      const routes = Object.fromEntries(
        Object.entries(FIRST_SCREENS).map(([path, modules]) => [path, filesOf(modules)]),
      );
      const locales = Object.fromEntries(
        languages.map((language) => [language, filesOf([`src/locales/${language}.json`])]),
      );
      const source = `(function(){var r=${JSON.stringify(routes)},l=${JSON.stringify(locales)},d=document,p=location.pathname.replace(/\\/+$/,'')||'/',g=null;
try{g=localStorage.getItem('lang')}catch(e){}
if(!l[g]){g='en';var n=navigator.languages||[];for(var i=0;i<n.length;i++){var b=String(n[i]).toLowerCase().split('-')[0];if(l[b]){g=b;break}}}
var x=d.createDocumentFragment();(r[p]||[]).concat(l[g]).forEach(function(f){var k=d.createElement('link');k.rel='modulepreload';k.href='/'+f;x.appendChild(k)});d.head.appendChild(x);
if(p==='/login'&&window.fetch){window.${EARLY_ANNOUNCEMENT}={language:g,response:fetch('/api/v1/announcement',{credentials:'same-origin',headers:{Accept:'application/json','Accept-Language':g}}).then(function(x){return x.ok?x.json():null},function(){return null})}}
if((p==='/numbers'||p==='/')&&window.fetch){var e=window.${EARLY_GETS}={language:g,at:Date.now(),responses:{}},s=new URLSearchParams(location.search),get=function(u){var q=fetch(u,{credentials:'same-origin',headers:{Accept:'application/json','Accept-Language':g}});e.responses[u]=q;return q};
get('/api/v1/me');
get('/api/v1/companies').then(function(x){return x.ok?x.clone().json():null}).then(function(j){var it=(j&&j.items)||[],w=s.get('company'),c=null,f=function(id){for(var i=0;i<it.length;i++)if(String(it[i].id)===id)return it[i]};try{c=localStorage.getItem('companyId')}catch(e){}
var m=(w&&f(w))||(c&&f(c))||it[0];if(m&&!s.get('q')&&!s.get('status')&&!s.get('tariff')){var b='/api/v1/companies/'+encodeURIComponent(m.id);get(b+'/numbers?limit=${NUMBERS_PAGE_SIZE}');get(b+'/tariffs')}}).catch(function(){})}})();
`;
      this.emitFile({ type: 'asset', fileName: FILE, source });
    },
  };
}

/** `import 'virtual:mantine-styles'`: the Mantine stylesheets the app's components need, not all of them (vite/mantine-styles.ts). */
function mantineStyles(): Plugin {
  const id = 'virtual:mantine-styles';
  let srcDir = 'src';
  return {
    name: 'mantine-styles',
    configResolved(config) {
      srcDir = resolve(config.root, 'src');
    },
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loaded) {
      if (loaded !== `\0${id}`) return null;
      return appMantineStylesheets(srcDir)
        .map((sheet) => `import '${sheet}';`)
        .join('\n');
    },
  };
}

export default defineConfig({
  plugins: [react(), mantineStyles(), routePreload(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks the first screen loads (checked by e2e/bundle-size.e2e.test.ts).
    manifest: true,
    // The first screens' libraries are one chunk on purpose (firstScreenChunks): ≈650 kB raw, ≈200 kB gzip.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: firstScreenChunks(import.meta.dirname), includeDependenciesRecursively: false }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/dev': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/dev': { target: apiTarget, changeOrigin: false },
    },
  },
});
