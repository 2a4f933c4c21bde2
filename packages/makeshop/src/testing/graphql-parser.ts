/*
 * Just enough of a GraphQL parser for the sandbox: operations (query, mutation) with their names
 * and variable definitions, and selection sets of fields with aliases, arguments and
 * sub-selections. Fragments and directives are refused with a clear error — the documents this
 * package sends use none, and a user replacing one learns at once that the sandbox does not follow.
 * No GraphQL library: the graphql package would be a dependency of every user of the sandbox for
 * the ~200 lines below, and it would not make the sandbox's answers any more makeshop-like.
 */

/** A value in a document: a variable, a literal, a list, an input object or an enum value. */
export type ValueNode =
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'enum'; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly ValueNode[] }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, ValueNode>> };

/** A field of a selection set. */
export interface FieldNode {
  /** The alias the answer uses, or null. */
  readonly alias: string | null;
  readonly name: string;
  readonly arguments: Readonly<Record<string, ValueNode>>;
  /** The sub-selection, or null for a leaf. */
  readonly selection: readonly FieldNode[] | null;
}

/** One operation of a document. */
export interface OperationNode {
  readonly type: 'query' | 'mutation';
  readonly name: string | null;
  /** The names of its declared variables, without `$`. */
  readonly variables: readonly string[];
  readonly selection: readonly FieldNode[];
}

/** A document the sandbox cannot read; its message follows graphql-js's `Syntax Error: …`. */
export class GraphqlSyntaxError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(`Syntax Error: ${message}`);
    this.name = 'GraphqlSyntaxError';
  }
}

type Token = { readonly kind: 'name' | 'punct' | 'string' | 'number'; readonly text: string };

const PUNCTUATORS = new Set(['!', '$', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] as string;
    if (/[\s,\uFEFF]/.test(char)) {
      at += 1;
    } else if (char === '#') {
      while (at < source.length && source[at] !== '\n') at += 1;
    } else if (source.startsWith('...', at)) {
      tokens.push({ kind: 'punct', text: '...' });
      at += 3;
    } else if (PUNCTUATORS.has(char)) {
      tokens.push({ kind: 'punct', text: char });
      at += 1;
    } else if (/[_A-Za-z]/.test(char)) {
      const match = /^[_A-Za-z][_0-9A-Za-z]*/.exec(source.slice(at)) as RegExpExecArray;
      tokens.push({ kind: 'name', text: match[0] });
      at += match[0].length;
    } else if (/[-0-9]/.test(char)) {
      const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(at));
      if (!match) throw new GraphqlSyntaxError(`Invalid number at ${at}.`);
      tokens.push({ kind: 'number', text: match[0] });
      at += match[0].length;
    } else if (char === '"') {
      const end = readString(source, at);
      tokens.push({ kind: 'string', text: JSON.parse(source.slice(at, end)) as string });
      at = end;
    } else {
      throw new GraphqlSyntaxError(`Unexpected character ${JSON.stringify(char)}.`);
    }
  }
  return tokens;
}

/** The end (exclusive) of the JSON-compatible string starting at `start`. Block strings are refused. */
function readString(source: string, start: number): number {
  if (source.startsWith('"""', start)) throw new GraphqlSyntaxError('Block strings are not supported by the sandbox.');
  for (let at = start + 1; at < source.length; at += 1) {
    if (source[at] === '\\') at += 1;
    else if (source[at] === '"') return at + 1;
    else if (source[at] === '\n') break;
  }
  throw new GraphqlSyntaxError('Unterminated string.');
}

/** Parses a document into its operations. Throws GraphqlSyntaxError for what it cannot read. */
export function parseDocument(source: string): OperationNode[] {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const describe = (token: Token | undefined): string => (token === undefined ? '<EOF>' : token.kind === 'name' ? `Name "${token.text}"` : `"${token.text}"`);
  const expect = (text: string): void => {
    const token = tokens[at];
    if (token?.kind !== 'punct' || token.text !== text) throw new GraphqlSyntaxError(`Expected "${text}", found ${describe(token)}.`);
    at += 1;
  };
  const name = (): string => {
    const token = tokens[at];
    if (token?.kind !== 'name') throw new GraphqlSyntaxError(`Expected Name, found ${describe(token)}.`);
    at += 1;
    return token.text;
  };
  const isPunct = (text: string): boolean => peek()?.kind === 'punct' && peek()?.text === text;
  const refuseDirectives = (): void => {
    if (isPunct('@')) throw new GraphqlSyntaxError('Directives are not supported by the sandbox.');
  };

  const value = (): ValueNode => {
    const token = peek();
    if (token === undefined) throw new GraphqlSyntaxError('Unexpected <EOF>.');
    if (token.kind === 'punct' && token.text === '$') {
      at += 1;
      return { kind: 'variable', name: name() };
    }
    if (token.kind === 'punct' && token.text === '[') {
      at += 1;
      const items: ValueNode[] = [];
      while (!isPunct(']')) items.push(value());
      expect(']');
      return { kind: 'list', items };
    }
    if (token.kind === 'punct' && token.text === '{') {
      at += 1;
      const fields: Record<string, ValueNode> = {};
      while (!isPunct('}')) {
        const key = name();
        expect(':');
        fields[key] = value();
      }
      expect('}');
      return { kind: 'object', fields };
    }
    at += 1;
    if (token.kind === 'string') return { kind: 'literal', value: token.text };
    if (token.kind === 'number') return { kind: 'literal', value: Number(token.text) };
    if (token.kind === 'name') {
      if (token.text === 'true' || token.text === 'false') return { kind: 'literal', value: token.text === 'true' };
      if (token.text === 'null') return { kind: 'literal', value: null };
      return { kind: 'enum', value: token.text };
    }
    throw new GraphqlSyntaxError(`Unexpected ${describe(token)}.`);
  };

  const selectionSet = (): FieldNode[] => {
    expect('{');
    const fields: FieldNode[] = [];
    while (!isPunct('}')) {
      if (isPunct('...')) throw new GraphqlSyntaxError('Fragments are not supported by the sandbox.');
      const first = name();
      let alias: string | null = null;
      let fieldName = first;
      if (isPunct(':')) {
        at += 1;
        alias = first;
        fieldName = name();
      }
      const args: Record<string, ValueNode> = {};
      if (isPunct('(')) {
        at += 1;
        while (!isPunct(')')) {
          const key = name();
          expect(':');
          args[key] = value();
        }
        expect(')');
      }
      refuseDirectives();
      fields.push({ alias, name: fieldName, arguments: args, selection: isPunct('{') ? selectionSet() : null });
    }
    expect('}');
    if (fields.length === 0) throw new GraphqlSyntaxError('Expected Name, found "}".');
    return fields;
  };

  const typeReference = (): void => {
    if (isPunct('[')) {
      at += 1;
      typeReference();
      expect(']');
    } else {
      name();
    }
    if (isPunct('!')) at += 1;
  };

  const operations: OperationNode[] = [];
  while (at < tokens.length) {
    if (isPunct('{')) {
      operations.push({ type: 'query', name: null, variables: [], selection: selectionSet() });
      continue;
    }
    const keyword = name();
    if (keyword === 'fragment') throw new GraphqlSyntaxError('Fragments are not supported by the sandbox.');
    if (keyword !== 'query' && keyword !== 'mutation') throw new GraphqlSyntaxError(`Unexpected Name "${keyword}".`);
    const operationName = peek()?.kind === 'name' ? name() : null;
    const variables: string[] = [];
    if (isPunct('(')) {
      at += 1;
      while (!isPunct(')')) {
        expect('$');
        variables.push(name());
        expect(':');
        typeReference();
        if (isPunct('=')) {
          at += 1;
          value();
        }
      }
      expect(')');
    }
    refuseDirectives();
    operations.push({ type: keyword, name: operationName, variables, selection: selectionSet() });
  }
  if (operations.length === 0) throw new GraphqlSyntaxError('Unexpected <EOF>.');
  return operations;
}

/** The JavaScript value of a value node, with `$variables` read from the request's variables. */
export function valueOf(node: ValueNode, variables: Readonly<Record<string, unknown>>): unknown {
  switch (node.kind) {
    case 'variable':
      return variables[node.name];
    case 'literal':
    case 'enum':
      return node.value;
    case 'list':
      return node.items.map((item) => valueOf(item, variables));
    case 'object':
      return Object.fromEntries(Object.entries(node.fields).map(([key, field]) => [key, valueOf(field, variables)]));
  }
}
