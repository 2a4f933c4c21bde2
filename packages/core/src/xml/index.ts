/**
 * @mallkit/core/xml — the malls' XML, read and written safely: no entity a document declares is
 * ever expanded, every value stays a string, and what is not well-formed is refused with an
 * {@link XmlParseError} (a ResponseFormatError). Only the XML malls (Yahoo, au PAY) import it, so
 * that the JSON malls never load an XML library; the kit reads and writes XML through the codec a
 * mall hands it ({@link xmlCodec}).
 *
 * @packageDocumentation
 */
export { parseXml, type ParseXmlOptions } from './parse.js';
export { buildXml, type BuildXmlOptions } from './build.js';
export { XmlParseError } from './xml-parse-error.js';
export { xmlCodec } from './codec.js';
export type { DocumentCodec } from '../kit/endpoint.js';
