import ts from 'typescript';

/**
 * Finds user-facing text left untranslated in a component (issue 8, F07): JSX text with letters, and string
 * literals with letters in props people read or hear (labels, titles, placeholders, accessible names …).
 * Parsed with the TypeScript compiler, not matched with regular expressions.
 */
export interface Finding {
  file: string;
  line: number;
  /** `text`, or the prop the literal is given to. */
  where: string;
  text: string;
}

/** Props whose value reaches the reader: shown, announced by a screen reader, or shown on hover. */
const USER_FACING_PROPS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'label',
  'description',
  'alt',
  'error',
  'message',
  'caption',
  'legend',
  'hint',
  'tooltip',
  'intro',
  'heading',
  'subtitle',
  'emptyText',
  'nothingFoundMessage',
  'confirmLabel',
  'cancelLabel',
  'closeButtonLabel',
  'children',
]);

/** Properties of object literals that carry text to the reader, e.g. `notify({ title: 'Saved' })`, `{ label: 'PIN1' }`. */
const USER_FACING_KEYS = new Set([
  'aria-label',
  'title',
  'placeholder',
  'label',
  'description',
  'alt',
  'error',
  'message',
]);

/** Also any prop named like `…Label`, `…Title`, `…Text`, `…Message`, `…Placeholder`, `…Description`. */
const USER_FACING_SUFFIX = /(Label|Title|Text|Message|Placeholder|Description|Hint)$/;

/**
 * Text with letters that is not language, so needs no translation: names of products and technical
 * identifiers, the same in every language. Each entry is an exact string, listed on purpose.
 */
export const NOT_LANGUAGE = new Set([
  'Kcell',
  'My Account',
  'ICCID',
  'IMEI',
  'IIN',
  'BIN',
  'eSIM',
  'SIM',
  'PIN',
  'PIN1',
  'PIN2',
  'PUK',
  'PUK1',
  'PUK2',
  'iOS',
  'Android',
  'QR',
  // The input mask of a Kazakh mobile number: digits and "X" for "any digit".
  '+7 (7XX) XXX-XX-XX',
  // An example address: an address, not words.
  'name@company.kz',
]);

const LETTER = /\p{L}/u;

/** Leading and trailing spaces and punctuation (`IMEI:` is the identifier IMEI followed by a colon). */
const EDGES = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

function needsTranslation(text: string): boolean {
  const core = text.replace(/\s+/g, ' ').replace(EDGES, '');
  return LETTER.test(core) && !NOT_LANGUAGE.has(core);
}

function isUserFacingProp(name: string): boolean {
  return USER_FACING_PROPS.has(name) || USER_FACING_SUFFIX.test(name);
}

/** The literal text an expression can evaluate to, where it is written in the source. */
function literalTexts(expression: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [expression];
  if (ts.isTemplateExpression(expression)) return [expression.head, ...expression.templateSpans.map((s) => s.literal)];
  if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression))
    return literalTexts(expression.expression);
  if (ts.isConditionalExpression(expression))
    return [...literalTexts(expression.whenTrue), ...literalTexts(expression.whenFalse)];
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    )
      return [...literalTexts(expression.left), ...literalTexts(expression.right)];
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return literalTexts(expression.right);
  }
  return [];
}

function textOf(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text;
  if (ts.isJsxText(node)) return node.text;
  return '';
}

/** Every untranslated text in one source file (a .tsx component, or a .ts module for object literals). */
export function findUntranslated(file: string, source: string): Finding[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const report = (node: ts.Node, where: string) => {
    const text = textOf(node);
    if (!needsTranslation(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    findings.push({ file, line, where, text: text.replace(/\s+/g, ' ').trim() });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, 'text');
    else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      // {'text'} or {cond ? 'a' : 'b'} as a child.
      for (const literal of literalTexts(node.expression)) report(literal, 'text');
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      if (isUserFacingProp(name)) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) report(init, name);
        else if (ts.isJsxExpression(init) && init.expression)
          for (const literal of literalTexts(init.expression)) report(literal, name);
      }
    } else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent)) {
      const name = ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : '';
      if (USER_FACING_KEYS.has(name)) for (const literal of literalTexts(node.initializer)) report(literal, name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}
