import { parseXml } from '@mallkit/core/xml';

/*
 * Reading a request body the way Yahoo does: an XML document rooted at `<Req>`, read as plain
 * objects (every value a string), picked apart by element name.
 */

/** An XML element as parsed: its child elements and text values by name. */
export type XmlElement = Readonly<Record<string, unknown>>;

/** The `<Req>` element of a request body; throws XmlParseError when the body is not XML. */
export function readReq(bodyText: string): XmlElement {
  const req = parseXml<{ Req?: unknown }>(bodyText).Req;
  return typeof req === 'object' && req !== null ? (req as XmlElement) : {};
}

/** A child element, or an empty one when absent or not an element. */
export function child(element: XmlElement, name: string): XmlElement {
  const inner = element[name];
  return typeof inner === 'object' && inner !== null ? (inner as XmlElement) : {};
}

/** A child's text, or undefined when absent or not text. */
export function text(element: XmlElement, name: string): string | undefined {
  const inner = element[name];
  return typeof inner === 'string' ? inner : undefined;
}
