/*
 * The sandbox writes XML the way Yahoo does: text in CDATA sections (so `&` and `<` arrive raw
 * inside CDATA and the connector's parser must handle it), numbers and flags as plain text.
 * buildXml escapes instead of using CDATA, which is valid but would not exercise that path.
 */

/** An element: name, attributes and children (text or nested elements). */
export interface XmlNode {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: ReadonlyArray<XmlNode | string>;
}

const PLAIN = /^[A-Za-z0-9_.:+\-/ ]*$/;

function text(value: string): string {
  if (PLAIN.test(value)) return value;
  // `]]>` cannot sit inside one CDATA section: split it across two.
  return `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** Serializes a node. */
export function writeNode(node: XmlNode): string {
  const attrs = Object.entries(node.attributes ?? {})
    .map(([key, value]) => ` ${key}="${attribute(value)}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) return `<${node.name}${attrs}/>`;
  const inner = children.map((child) => (typeof child === 'string' ? text(child) : writeNode(child))).join('');
  return `<${node.name}${attrs}>${inner}</${node.name}>`;
}

/** A document with Yahoo's XML declaration. */
export function writeDocument(root: XmlNode): string {
  return `<?xml version='1.0' encoding='UTF-8' ?>\n${writeNode(root)}`;
}

/** `<Name>value</Name>`. */
export function leaf(name: string, value: string): XmlNode {
  return { name, children: value === '' ? [] : [value] };
}
