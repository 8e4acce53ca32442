/** The locale key check (F07): every key in all three languages, every used key present, every present key used. */
export type Tree = { [key: string]: string | Tree };

export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [childKey, childValue] of flatten(value, path)) out.set(childKey, childValue);
  }
  return out;
}

/**
 * Keys used in source: `t('key')` (also `i18n.t(…)`), `tk('key')` for keys chosen at run time, `i18nKey="key"`.
 * `dynamic` lists keys built with template substitutions, which the check cannot follow.
 */
export function usedKeys(sources: Record<string, string>): { keys: Set<string>; dynamic: string[] } {
  const keys = new Set<string>();
  const dynamic: string[] = [];
  const patterns = [/\bt\(\s*(['"`])([^'"`]+?)\1/g, /\btk\(\s*(['"`])([^'"`]+?)\1/g, /\bi18nKey=(['"])([^'"]+)\1/g];
  for (const [file, text] of Object.entries(sources)) {
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) {
        const key = match[2] ?? '';
        if (key.includes('${')) dynamic.push(`${file}: ${key}`);
        else keys.add(key);
      }
    }
  }
  return { keys, dynamic };
}

export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

export interface KeyProblems {
  /** `language:key` present in en but not in the language, or the other way round. */
  missing: string[];
  extra: string[];
  /** `language:key` whose {{variables}} differ from en. */
  placeholderMismatch: string[];
  empty: string[];
  /** Used in source, absent from en. */
  unknown: string[];
  /** In en, used nowhere in source. */
  unused: string[];
  dynamic: string[];
}

/** Every problem the locale check reports; all lists empty when the locales and the source agree. */
export function keyProblems(locales: Record<string, Tree>, sources: Record<string, string>): KeyProblems {
  const flat = Object.fromEntries(Object.entries(locales).map(([language, tree]) => [language, flatten(tree)]));
  const en = flat.en;
  if (!en) throw new Error('the en locale is the reference and must be given');
  const problems: KeyProblems = {
    missing: [],
    extra: [],
    placeholderMismatch: [],
    empty: [],
    unknown: [],
    unused: [],
    dynamic: [],
  };
  for (const [language, map] of Object.entries(flat)) {
    for (const [key, text] of map) if (!text.trim()) problems.empty.push(`${language}:${key}`);
    if (language === 'en') continue;
    for (const [key, text] of en) {
      const translated = map.get(key);
      if (translated === undefined) problems.missing.push(`${language}:${key}`);
      else if (placeholders(text).join() !== placeholders(translated).join())
        problems.placeholderMismatch.push(`${language}:${key}`);
    }
    for (const key of map.keys()) if (!en.has(key)) problems.extra.push(`${language}:${key}`);
  }
  const { keys, dynamic } = usedKeys(sources);
  problems.dynamic = dynamic;
  problems.unknown = [...keys].filter((key) => !en.has(key));
  problems.unused = [...en.keys()].filter((key) => !keys.has(key));
  return problems;
}
