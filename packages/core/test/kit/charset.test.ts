import { describe, expect, it } from 'vitest';
import { charsetOfContentType, charsetOfDocument, decodeBody } from '../../src/http/charset.js';

// 「注文」 in Shift_JIS and EUC-JP, with an ASCII frame around it.
const SJIS_CHUMON = [0x92, 0x8d, 0x95, 0xb6];
const EUC_CHUMON = [0xc3, 0xed, 0xca, 0xb8];
const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));

describe('decodeBody', () => {
  it('reads the charset of the Content-Type header', () => {
    expect(decodeBody(bytes('<a>', SJIS_CHUMON, '</a>'), 'text/xml; charset=Shift_JIS')).toBe('<a>注文</a>');
    expect(decodeBody(bytes('<a>', EUC_CHUMON, '</a>'), 'text/xml;charset="EUC-JP"')).toBe('<a>注文</a>');
    expect(decodeBody(bytes('<a>', SJIS_CHUMON, '</a>'), 'text/xml; charset=Windows-31J')).toBe('<a>注文</a>');
  });

  it('reads the encoding an XML document declares when the header says nothing', () => {
    const xml = bytes('<?xml version="1.0" encoding="Shift_JIS"?><result>', SJIS_CHUMON, '</result>');
    expect(decodeBody(xml, 'application/xml')).toContain('<result>注文</result>');
    expect(charsetOfDocument(xml)).toBe('shift_jis');
  });

  it('finds Shift_JIS, then EUC-JP, when nothing is declared and the bytes are not UTF-8', () => {
    expect(decodeBody(bytes('<a>', SJIS_CHUMON, '</a>'), null)).toBe('<a>注文</a>');
    expect(decodeBody(bytes('x', EUC_CHUMON), null)).toContain('x');
  });

  it('reads UTF-8 (with or without a BOM) as UTF-8, and an empty body as empty', () => {
    expect(decodeBody(bytes('{"名前":"山田"}'), 'application/json')).toBe('{"名前":"山田"}');
    expect(decodeBody(bytes([0xef, 0xbb, 0xbf], '{}'), 'application/json')).toBe('{}');
    expect(decodeBody(new Uint8Array(), 'text/plain')).toBe('');
  });

  it('names charsets as TextDecoder knows them', () => {
    expect(charsetOfContentType('text/html; charset=x-sjis')).toBe('shift_jis');
    expect(charsetOfContentType('application/json')).toBeNull();
  });
});
