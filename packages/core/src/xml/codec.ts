import type { DocumentCodec } from '../kit/endpoint.js';
import { buildXml } from './build.js';
import { parseXml, type ParseXmlOptions } from './parse.js';

/**
 * The XML codec a mall passes in its endpoint descriptors: request bodies as
 * `{ document, codec }` are written by {@link buildXml} and sent as `application/xml; charset=UTF-8`;
 * answers with `format: codec` are read by {@link parseXml} with these options. Make one per option
 * set, at module level, and use it for the error table and the answer reader alike: its `read` is
 * one function, so an answer is parsed once. Nothing is built until the first call.
 */
export function xmlCodec(options: ParseXmlOptions = {}): DocumentCodec {
  // A copy: the caller's arrays changing later must not change how answers are read.
  const fixed: ParseXmlOptions = { arrayTags: [...(options.arrayTags ?? [])], arrayPaths: [...(options.arrayPaths ?? [])] };
  return Object.freeze({
    name: 'XML',
    contentType: 'application/xml; charset=UTF-8',
    write: (document: Readonly<Record<string, unknown>>): string => buildXml(document),
    read: (text: string): unknown => parseXml(text, fixed),
  });
}
