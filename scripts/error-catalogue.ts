/**
 * The error catalogue of the guides (docs/guides/{ja,en}/errors-catalogue.md), generated from the
 * code: every `new <Class>Error(…)` of each connector's `src/errors.ts`, with the mall codes and
 * HTTP statuses its guard tests, the class, whether it is retried (the class's default in
 * packages/core/src/errors/classes.ts, or the `retryable` the table sets) and the hint it carries.
 * Nothing is typed by hand, so the catalogue cannot say what the code does not.
 *
 *   node --import tsx scripts/error-catalogue.ts          # writes both files
 *   node --import tsx scripts/error-catalogue.ts --check  # exits 1 when they are not current
 *
 * scripts/test/error-catalogue.test.ts runs the check. Decision 0402.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The connectors, in the order of the guides. */
export const MALLS = ['rakuten', 'yahoo', 'amazon', 'aupay', 'qoo10', 'makeshop', 'shopserve', 'redis'] as const;

export type Lang = 'ja' | 'en';

/** One way a connector's error table builds an error. */
export interface CatalogueRow {
  readonly mall: string;
  /** The mall's codes (string literals) and HTTP statuses the guard tests; empty when none. */
  readonly codes: readonly string[];
  /** The guard, as written in the source (shortened), or '' when the error is built unconditionally. */
  readonly when: string;
  readonly errorClass: string;
  /** `yes`, `no`, or `depends` (the table computes it). */
  readonly retryable: 'yes' | 'no' | 'depends';
  readonly hint: { readonly ja: string; readonly en: string } | null;
  /** Line in src/errors.ts. */
  readonly line: number;
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
}

/** What each error class does with `retryable`: forced, or a default the caller may override. */
export function classRetryDefaults(): Map<string, { value: boolean; forced: boolean }> {
  const file = parse(join(root, 'packages/core/src/errors/classes.ts'));
  const found = new Map<string, { value: boolean; forced: boolean }>();
  const visit = (node: ts.Node, owner: string | null): void => {
    if (ts.isClassDeclaration(node) && node.name) owner = node.name.text;
    if (owner && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
      for (const arg of node.arguments) {
        if (!ts.isObjectLiteralExpression(arg)) continue;
        let spreadSeen = false;
        for (const property of arg.properties) {
          if (ts.isSpreadAssignment(property)) spreadSeen = true;
          if (ts.isPropertyAssignment(property) && property.name.getText(file) === 'retryable') {
            const value = property.initializer.kind === ts.SyntaxKind.TrueKeyword;
            // `{ ...options, retryable: false }` forces; `{ retryable: true, ...options }` defaults.
            found.set(owner, { value, forced: spreadSeen });
          }
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, owner));
  };
  visit(file, null);
  return found;
}

/** The text of a string expression: literals joined, `${…}` kept as `…`; null when not a string. */
function textOf(node: ts.Expression): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => `…${span.literal.text}`).join('');
  if (ts.isParenthesizedExpression(node)) return textOf(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = textOf(node.left);
    const right = textOf(node.right);
    return left !== null && right !== null ? left + right : null;
  }
  return null;
}

type HintText = { ja: string; en: string };

function hintOfObject(node: ts.Expression): HintText | null {
  let expression = node;
  while (ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression) || ts.isParenthesizedExpression(expression)) expression = expression.expression;
  if (ts.isCallExpression(expression) && expression.arguments[0]) return hintOfObject(expression.arguments[0]); // Object.freeze({ … })
  if (!ts.isObjectLiteralExpression(expression)) return null;
  const pick = (key: string): string | null => {
    const property = expression.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === key);
    return property ? textOf(property.initializer) : null;
  };
  const ja = pick('ja');
  const en = pick('en');
  return ja !== null || en !== null ? { ja: ja ?? '', en: en ?? '' } : null;
}

/** Every `const NAME = { ja, en }` and `const TABLE = { key: { ja, en } }` of the package's sources. */
function hintConstants(mall: string): Map<string, HintText> {
  const hints = new Map<string, HintText>();
  const path = join(root, 'packages', mall, 'src', 'errors.ts');
  const file = parse(path);
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const name = node.name.text;
      const own = hintOfObject(node.initializer);
      if (own) hints.set(name, own);
      let table = node.initializer;
      while (ts.isAsExpression(table) || ts.isSatisfiesExpression(table) || ts.isParenthesizedExpression(table)) table = table.expression;
      if (ts.isCallExpression(table) && table.arguments[0]) table = table.arguments[0];
      while (ts.isAsExpression(table) || ts.isSatisfiesExpression(table)) table = table.expression;
      if (ts.isObjectLiteralExpression(table)) {
        for (const property of table.properties) {
          if (!ts.isPropertyAssignment(property)) continue;
          const member = hintOfObject(property.initializer);
          if (member) hints.set(`${name}.${property.name.getText(file)}`, member);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return hints;
}

/** The hints an expression can evaluate to (both branches of `a ? X : Y`). */
function hintsOf(node: ts.Expression, constants: Map<string, HintText>): HintText[] | null {
  if (ts.isConditionalExpression(node)) {
    const both = [hintsOf(node.whenTrue, constants), hintsOf(node.whenFalse, constants)];
    return both.every((hint) => hint !== null) ? both.flat() as HintText[] : null;
  }
  const inline = hintOfObject(node);
  if (inline) return [inline];
  const named = constants.get(node.getText());
  return named ? [named] : null;
}

/**
 * `CONFIRM_CODES.cancelled` where `CONFIRM_CODES` is imported from a sibling module as
 * `export const CONFIRM_CODES = { cancelled: '…' }`: the string it stands for, or null.
 */
function importedConstant(node: ts.PropertyAccessExpression, file: ts.SourceFile): string | null {
  if (!ts.isIdentifier(node.expression)) return null;
  const name = node.expression.text;
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.moduleSpecifier.text.startsWith('.')) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((element) => element.name.text === name)) continue;
    const target = parse(join(file.fileName, '..', statement.moduleSpecifier.text.replace(/\.js$/, '.ts')));
    for (const declaration of target.statements.filter(ts.isVariableStatement).flatMap((variable) => variable.declarationList.declarations)) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || !declaration.initializer) continue;
      let table = declaration.initializer;
      while (ts.isAsExpression(table) || ts.isSatisfiesExpression(table)) table = table.expression;
      if (!ts.isObjectLiteralExpression(table)) return null;
      const property = table.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(target) === node.name.text);
      return property && ts.isStringLiteral(property.initializer) ? property.initializer.text : null;
    }
  }
  return null;
}

/** String literals that look like a mall's code (`GA0003`, `px-04102`, `-10001`, `CME0022`). */
function codesIn(node: ts.Node): string[] {
  const codes: string[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isPropertyAccessExpression(child)) {
      const value = importedConstant(child, child.getSourceFile());
      if (value !== null) codes.push(value);
    }
    if (ts.isStringLiteral(child) && /^(?:-?\d{3,}|[A-Za-z]+[-_]?\d{2,}[\w-]*|[A-Z][A-Z0-9_]{3,})$/.test(child.text)) codes.push(child.text);
    if (ts.isBinaryExpression(child) && /^(?:response\.)?status$/.test(child.left.getText()) && ts.isNumericLiteral(child.right)) {
      const op = child.operatorToken.getText();
      codes.push(op === '===' || op === '==' ? `HTTP ${child.right.text}` : `HTTP ${op} ${child.right.text}`);
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return codes;
}

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The guard of a construction: the `if` it sits in, the `case` labels, or the table key naming its builder. */
function guardOf(node: ts.Node, file: ts.SourceFile): { codes: string[]; when: string } {
  const codes: string[] = [];
  const whens: string[] = [];
  let child: ts.Node = node;
  for (let parent = node.parent; parent && !ts.isSourceFile(parent); child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) {
      codes.push(...codesIn(parent.expression));
      whens.push(squeeze(parent.expression.getText(file)));
      break;
    }
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child) {
      whens.push(squeeze(parent.condition.getText(file)));
      break;
    }
    if (ts.isConditionalExpression(parent) && parent.whenFalse === child) {
      whens.push(`!(${squeeze(parent.condition.getText(file))})`);
      break;
    }
    if (ts.isCaseClause(parent)) {
      const labels = (parent.parent.clauses.filter((clause) => ts.isCaseClause(clause)) as ts.CaseClause[]).slice(0, parent.parent.clauses.indexOf(parent) + 1);
      // The labels that fall through to this clause: the run of empty clauses just before it.
      const run: ts.CaseClause[] = [];
      for (let i = labels.length - 1; i >= 0; i--) {
        const clause = labels[i]!;
        if (clause !== parent && clause.statements.length > 0) break;
        run.unshift(clause);
      }
      whens.push(run.map((clause) => `case ${clause.expression.getText(file)}`).join(', '));
      for (const clause of run) codes.push(...codesIn(clause.expression));
      break;
    }
    if (ts.isPropertyAssignment(parent) && ts.isStringLiteral(parent.name)) {
      codes.push(parent.name.text);
      break;
    }
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && parent.initializer && (ts.isArrowFunction(parent.initializer) || ts.isFunctionExpression(parent.initializer))) {
      // A builder (`const expired: Builder = (…) => new CredentialError(…)`): the table keys that name it.
      const name = parent.name.text;
      const visit = (candidate: ts.Node): void => {
        if (ts.isPropertyAssignment(candidate) && ts.isStringLiteral(candidate.name)) {
          const value = candidate.initializer;
          const callee = ts.isCallExpression(value) ? value.expression : value;
          if (ts.isIdentifier(callee) && callee.text === name) codes.push(candidate.name.text);
        }
        ts.forEachChild(candidate, visit);
      };
      visit(file);
      break;
    }
  }
  return { codes: [...new Set(codes)], when: whens.join(' ') };
}

/** A `new Class(…)` of a known error class, or the `super(…)` of a class extending one (RedisUnavailableError). */
function construction(node: ts.Node, file: ts.SourceFile, defaults: Map<string, unknown>): { errorClass: string; baseClass: string; args: readonly ts.Expression[] } | null {
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && defaults.has(node.expression.text)) {
    return { errorClass: node.expression.text, baseClass: node.expression.text, args: node.arguments ?? [] };
  }
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
    let owner: ts.Node | undefined = node.parent;
    while (owner && !ts.isClassDeclaration(owner)) owner = owner.parent;
    const base = owner?.heritageClauses?.[0]?.types[0]?.expression.getText(file);
    if (owner?.name && base && defaults.has(base)) return { errorClass: owner.name.text, baseClass: base, args: node.arguments };
  }
  return null;
}

/** `const NAME = (hint, …) => …`: the factory that takes `name` as a parameter, and its position. */
function parameterOf(node: ts.Node, name: string): { factory: string; position: number } | null {
  for (let parent = node.parent; parent && !ts.isSourceFile(parent); parent = parent.parent) {
    if ((ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) && ts.isVariableDeclaration(parent.parent) && ts.isIdentifier(parent.parent.name)) {
      const position = parent.parameters.findIndex((parameter) => parameter.name.getText() === name);
      if (position >= 0) return { factory: parent.parent.name.text, position };
    }
  }
  return null;
}

/** Every call `name(…)` of a file. */
function callsOf(name: string, file: ts.SourceFile): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/** `in name()`: the function a construction sits in, when it has no guard of its own. */
function enclosingFunction(node: ts.Node): string {
  for (let parent = node.parent; parent && !ts.isSourceFile(parent); parent = parent.parent) {
    if ((ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name) return `in ${parent.name.getText()}()`;
    if ((ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) && ts.isVariableDeclaration(parent.parent) && ts.isIdentifier(parent.parent.name)) return `in ${parent.parent.name.text}()`;
  }
  return '';
}

/** The catalogue rows of one connector. */
export function catalogueOf(mall: string, defaults = classRetryDefaults()): CatalogueRow[] {
  const path = join(root, 'packages', mall, 'src', 'errors.ts');
  const file = parse(path);
  const constants = hintConstants(mall);
  const rows: CatalogueRow[] = [];
  const visit = (node: ts.Node): void => {
    const built = construction(node, file, defaults);
    if (built) {
      const { errorClass, baseClass } = built;
      const options = built.args[1];
      let hints: HintText[] | null = null;
      let hintParameter: { factory: string; position: number } | null = null;
      let retryOverride: ts.Expression | undefined;
      if (options && ts.isObjectLiteralExpression(options)) {
        for (const property of options.properties) {
          if (ts.isPropertyAssignment(property) && property.name.getText(file) === 'hint') hints = hintsOf(property.initializer, constants);
          if (ts.isShorthandPropertyAssignment(property) && property.name.text === 'hint') hintParameter = parameterOf(node, 'hint');
          if (ts.isPropertyAssignment(property) && property.name.getText(file) === 'retryable') retryOverride = property.initializer;
        }
      }
      const standard = defaults.get(baseClass)!;
      let retryable: CatalogueRow['retryable'] = standard.value ? 'yes' : 'no';
      if (retryOverride && !standard.forced) {
        retryable = retryOverride.kind === ts.SyntaxKind.TrueKeyword ? 'yes' : retryOverride.kind === ts.SyntaxKind.FalseKeyword ? 'no' : 'depends';
      }
      const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
      if (hintParameter) {
        // A factory taking the hint (`invalid(CHECK_REQUEST, 'field')`): one row per call.
        for (const call of callsOf(hintParameter.factory, file)) {
          const argument = call.arguments[hintParameter.position];
          const guard = ts.isPropertyAssignment(call.parent) && ts.isStringLiteral(call.parent.name) ? { codes: [call.parent.name.text], when: '' } : guardOf(call, file);
          for (const hint of (argument && hintsOf(argument, constants)) ?? [null]) rows.push({ mall, codes: guard.codes, when: guard.when || `${enclosingFunction(call)}`, errorClass, retryable, hint, line });
        }
      } else {
        const guard = guardOf(node, file);
        for (const hint of hints ?? [null]) rows.push({ mall, codes: guard.codes, when: guard.when || enclosingFunction(node), errorClass, retryable, hint, line });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return rows;
}

const TEXT = {
  ja: {
    title: 'エラー一覧（自動生成）',
    intro: [
      'このページは `node --import tsx scripts/error-catalogue.ts` が各コネクタの `src/errors.ts` から生成します。手で編集しないでください（テストが生成結果との一致を確認します）。',
      '「コード」はエラー表の条件が調べるモールのコードと HTTP ステータスです。コードのない行は、条件が文言や応答の形で判断するものです（「条件」列にソースのまま示します）。',
      '「再試行」は mallkit が自動で再送するかどうかです（クラスの既定値、または表が指定した値）。「場合による」は表が実行時に決めます。',
      'ヒントの `…` は実行時に埋まる部分（注文番号、モールのメッセージなど）です。エラーの扱い方は [エラーの扱い方](errors.md) を参照してください。',
    ],
    head: ['コード', 'エラークラス', '再試行', 'ヒント', '条件'],
    retry: { yes: 'する', no: 'しない', depends: '場合による' },
    none: '—',
    noHint: '（ヒントなし: クラス共通の説明）',
    missing: '（日本語のヒントなし）',
  },
  en: {
    title: 'Error catalogue (generated)',
    intro: [
      'This page is generated by `node --import tsx scripts/error-catalogue.ts` from each connector’s `src/errors.ts`. Do not edit it by hand (a test checks it against a fresh run).',
      '"Codes" are the mall codes and HTTP statuses the error table tests. A row without one is decided on the wording or the shape of the answer (the "When" column shows the guard as written in the source).',
      '"Retried" says whether mallkit retries the call itself (the class’s default, or what the table sets); "depends" means the table decides at run time.',
      'A `…` in a hint is filled in at run time (order number, the mall’s message…). How to handle each class: [Handling errors](errors.md).',
    ],
    head: ['Codes', 'Error class', 'Retried', 'Hint', 'When'],
    retry: { yes: 'yes', no: 'no', depends: 'depends' },
    none: '—',
    noHint: '(no hint: the class’s generic text)',
    missing: '(no English hint)',
  },
} as const;

const MALL_NAMES: Record<string, { ja: string; en: string }> = {
  rakuten: { ja: '楽天市場（@mallkit/rakuten）', en: 'Rakuten Ichiba (@mallkit/rakuten)' },
  yahoo: { ja: 'Yahoo!ショッピング（@mallkit/yahoo）', en: 'Yahoo! Shopping (@mallkit/yahoo)' },
  amazon: { ja: 'Amazon（@mallkit/amazon）', en: 'Amazon (@mallkit/amazon)' },
  aupay: { ja: 'au PAY マーケット（@mallkit/aupay）', en: 'au PAY Market (@mallkit/aupay)' },
  qoo10: { ja: 'Qoo10（@mallkit/qoo10）', en: 'Qoo10 (@mallkit/qoo10)' },
  makeshop: { ja: 'makeshop（@mallkit/makeshop）', en: 'makeshop (@mallkit/makeshop)' },
  shopserve: { ja: 'ショップサーブ（@mallkit/shopserve）', en: 'Shopserve (@mallkit/shopserve)' },
  redis: { ja: 'Redis（@mallkit/redis）', en: 'Redis (@mallkit/redis)' },
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string): string => (text === '' ? '' : `\`${text.replace(/`/g, "'")}\``);

/** The Markdown page of one language. */
export function renderCatalogue(lang: Lang, rowsByMall: ReadonlyMap<string, readonly CatalogueRow[]> = allRows()): string {
  const t = TEXT[lang];
  const out: string[] = ['---', `title: ${t.title}`, '---', '', `# ${t.title}`, '', ...t.intro.flatMap((line) => [line, '']), ''];
  for (const [mall, rows] of rowsByMall) {
    out.push(`## ${MALL_NAMES[mall]?.[lang] ?? mall}`, '');
    out.push(`| ${t.head.join(' | ')} |`, `| ${t.head.map(() => '---').join(' | ')} |`);
    const seen = new Set<string>();
    for (const row of rows) {
      const hintText = row.hint === null ? t.noHint : row.hint[lang] === '' ? t.missing : row.hint[lang];
      const when = row.when.length > 90 ? `${row.when.slice(0, 87)}…` : row.when;
      const line = `| ${row.codes.length ? row.codes.map(code).join(', ') : t.none} | \`${row.errorClass}\` | ${t.retry[row.retryable]} | ${cell(hintText)} | ${cell(code(when))} |`;
      if (seen.has(line)) continue;
      seen.add(line);
      out.push(line);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Every connector's rows. */
export function allRows(): Map<string, CatalogueRow[]> {
  const defaults = classRetryDefaults();
  return new Map(MALLS.map((mall) => [mall, catalogueOf(mall, defaults)]));
}

/** Hints missing a language, as `mall:line Class (ja|en)`: the gaps to fill in the error tables. */
export function hintGaps(rowsByMall: ReadonlyMap<string, readonly CatalogueRow[]> = allRows()): string[] {
  const gaps: string[] = [];
  for (const rows of rowsByMall.values()) {
    for (const row of rows) {
      if (row.hint === null) gaps.push(`${row.mall}:${row.line} ${row.errorClass} (no hint)`);
      else for (const lang of ['ja', 'en'] as const) if (row.hint[lang] === '') gaps.push(`${row.mall}:${row.line} ${row.errorClass} (${lang})`);
    }
  }
  return gaps;
}

/** Where each language's page lives. */
export const cataloguePath = (lang: Lang): string => join(root, 'docs', 'guides', lang, 'errors-catalogue.md');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = allRows();
  let stale = false;
  for (const lang of ['ja', 'en'] as const) {
    const page = renderCatalogue(lang, rows);
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(cataloguePath(lang), 'utf8');
      } catch {
        // missing: stale
      }
      if (current !== page) {
        console.error(`${cataloguePath(lang)} is not current: run node --import tsx scripts/error-catalogue.ts`);
        stale = true;
      }
    } else {
      writeFileSync(cataloguePath(lang), page);
    }
  }
  if (process.argv.includes('--gaps')) console.log(hintGaps(rows).join('\n'));
  process.exitCode = stale ? 1 : 0;
}
