import { describe, expect, it } from 'vitest';
import { buildXml, parseXml, XmlParseError } from '../src/xml/index.js';

const YAHOO_LIKE = `<?xml version="1.0" encoding="UTF-8"?>
<ResultSet totalResultsAvailable="1" totalResultsReturned="1">
  <Result>
    <OrderInfo>
      <OrderId>shop-10000123</OrderId>
      <ShipZipCode>0600001</ShipZipCode>
      <Quantity>00012</Quantity>
      <TotalPrice>3980</TotalPrice>
      <BuyerComments><![CDATA[<b>午前中</b> & 置き配希望]]></BuyerComments>
      <Memo></Memo>
      <Note/>
      <Item><LineId>1</LineId></Item>
    </OrderInfo>
  </Result>
</ResultSet>`;

describe('parseXml', () => {
  it('keeps every value a string, leading zeros included', () => {
    const doc = parseXml<{ ResultSet: { Result: { OrderInfo: Record<string, unknown> } } }>(YAHOO_LIKE);
    const order = doc.ResultSet.Result.OrderInfo;
    expect(order['OrderId']).toBe('shop-10000123');
    expect(order['ShipZipCode']).toBe('0600001');
    expect(order['Quantity']).toBe('00012');
    expect(order['TotalPrice']).toBe('3980');
  });

  it('keeps attributes under @_ as strings', () => {
    const doc = parseXml<{ ResultSet: Record<string, unknown> }>(YAHOO_LIKE);
    expect(doc.ResultSet['@_totalResultsAvailable']).toBe('1');
    expect(parseXml('<a id="007" flag="true"/>')).toEqual({ a: { '@_id': '007', '@_flag': 'true' } });
  });

  it('keeps text beside attributes under #text', () => {
    expect(parseXml('<Price currency="JPY"> 1200 </Price>')).toEqual({ Price: { '#text': '1200', '@_currency': 'JPY' } });
  });

  it('gives an empty string for an empty element', () => {
    const doc = parseXml<{ ResultSet: { Result: { OrderInfo: Record<string, unknown> } } }>(YAHOO_LIKE);
    expect(doc.ResultSet.Result.OrderInfo['Memo']).toBe('');
    expect(doc.ResultSet.Result.OrderInfo['Note']).toBe('');
    expect(parseXml('<a>   </a>')).toEqual({ a: '' });
  });

  it('merges CDATA into the text, as written, without decoding what is inside', () => {
    const doc = parseXml<{ ResultSet: { Result: { OrderInfo: Record<string, unknown> } } }>(YAHOO_LIKE);
    expect(doc.ResultSet.Result.OrderInfo['BuyerComments']).toBe('<b>午前中</b> & 置き配希望');
    expect(parseXml('<a>before<![CDATA[ middle ]]>after</a>')).toEqual({ a: 'before middle after' });
    expect(parseXml('<a>x &amp;<![CDATA[&amp;]]></a>')).toEqual({ a: 'x &&amp;' });
    expect(parseXml('<a><![CDATA[]]></a>')).toEqual({ a: '' });
  });

  it('trims whitespace around values', () => {
    expect(parseXml('<a>\n   山田 太郎\n  </a>')).toEqual({ a: '山田 太郎' });
  });

  it('decodes the five predefined entities and character references, once', () => {
    expect(parseXml('<a>&lt;&gt;&amp;&quot;&apos;</a>')).toEqual({ a: `<>&"'` });
    expect(parseXml('<a>&#12354;&#x3042;&#x1F600;</a>')).toEqual({ a: 'ああ😀' });
    expect(parseXml('<a>&amp;lt;</a>')).toEqual({ a: '&lt;' });
    expect(parseXml('<a t="x &amp; y &#65;"/>')).toEqual({ a: { '@_t': 'x & y A' } });
  });

  it('leaves HTML entities and forbidden character references as written', () => {
    expect(parseXml('<a>&nbsp;&copy;&#0;</a>')).toEqual({ a: '&nbsp;&copy;&#0;' });
  });

  it('does not expand an entity declared in a DOCTYPE', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "EXPANDED">]><r>&x;</r>';
    expect(parseXml(xml)).toEqual({ r: '&x;' });
  });

  it('survives a billion-laughs document without expanding it', () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i += 1) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE lolz [${levels.join('')}]><lolz>&lol9;</lolz>`;
    const started = performance.now();
    const doc = parseXml<{ lolz: string }>(xml);
    expect(doc.lolz).toBe('&lol9;');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('does not expand a large entity referenced many times (quadratic blowup)', () => {
    const xml = `<!DOCTYPE r [<!ENTITY a "${'x'.repeat(900)}">]><r>${'&a;'.repeat(5000)}</r>`;
    expect(parseXml<{ r: string }>(xml).r).toBe('&a;'.repeat(5000));
  });

  it('refuses an external entity', () => {
    const xml = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(() => parseXml(xml)).toThrow(XmlParseError);
  });

  it('forces arrays by dotted path', () => {
    const doc = parseXml<{ ResultSet: { Result: { OrderInfo: unknown[] } } }>(YAHOO_LIKE, {
      arrayPaths: ['ResultSet.Result.OrderInfo'],
    });
    expect(Array.isArray(doc.ResultSet.Result.OrderInfo)).toBe(true);
    expect(doc.ResultSet.Result.OrderInfo).toHaveLength(1);
  });

  it('forces arrays by tag name at any depth, and only for elements', () => {
    const xml = '<r Item="attr"><Item>1</Item><Group><Item>2</Item><Item>3</Item></Group><Other>x</Other></r>';
    expect(parseXml(xml, { arrayTags: ['Item'] })).toEqual({
      r: { '@_Item': 'attr', Item: ['1'], Group: { Item: ['2', '3'] }, Other: 'x' },
    });
  });

  it('does not force an element whose path only ends like the one given', () => {
    const xml = '<A><B><C>1</C></B><X><B><C>2</C></B></X></A>';
    expect(parseXml(xml, { arrayPaths: ['A.B.C'] })).toEqual({ A: { B: { C: ['1'] }, X: { B: { C: '2' } } } });
  });

  it('makes repeated elements arrays even without options, and an empty forced element [""]', () => {
    expect(parseXml('<r><i>1</i><i>2</i></r>')).toEqual({ r: { i: ['1', '2'] } });
    expect(parseXml('<r><i/></r>', { arrayTags: ['i'] })).toEqual({ r: { i: [''] } });
  });

  it('drops the declaration, processing instructions and comments', () => {
    expect(parseXml('<?xml version="1.0"?><?pi x?><r><!-- note --><a>1</a></r>')).toEqual({ r: { a: '1' } });
  });

  it('tolerates a byte-order mark and blank lines before the document', () => {
    expect(parseXml('\uFEFF<?xml version="1.0"?><r>1</r>')).toEqual({ r: '1' });
    expect(parseXml('\r\n  <?xml version="1.0"?><r>1</r>')).toEqual({ r: '1' });
  });

  it('refuses a __proto__ element instead of polluting prototypes', () => {
    expect(() => parseXml('<r><__proto__><polluted>yes</polluted></__proto__></r>')).toThrow(XmlParseError);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['an unclosed element', '<a><b></a>'],
    ['text that is not XML', 'Service Unavailable'],
    ['an empty body', ''],
    ['a bare ampersand', '<a>AT&T</a>'],
    ['an attribute without quotes', '<a b=1/>'],
    ['junk after the root', '<a>x</a>junk'],
    ['an HTML error page', '<html><body><br></body></html>'],
  ])('throws XmlParseError for %s', (_label, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlParseError);
  });

  // The one-pass well-formedness check that replaced fast-xml-parser's validator (decision 0302)
  // refuses each of these before the parser sees them, with where and why.
  it.each([
    ['a repeated attribute', '<a b="1" b="2"/>', /Attribute 'b' is repeated/],
    ['a < inside an attribute value', '<a b="x<y"/>', /Start tag is not well-formed/],
    ['attributes without whitespace between them', '<a b="1"c="2"/>', /Start tag is not well-formed/],
    ['an element name starting with a digit', '<1a>x</1a>', /invalid name/],
    ['two root elements', '<a/><b/>', /Multiple possible root nodes/],
    ['an end tag that closes nothing', '</a>', /has not been opened/],
    ['a comment never closed', '<a><!-- x </a>', /Comment is not closed/],
    ['a CDATA section never closed', '<a><![CDATA[ x </a>', /CDATA is not closed/],
    ['a CDATA section outside the root', '<![CDATA[x]]><a/>', /CDATA outside the root/],
    ['a DOCTYPE after the root', '<a/><!DOCTYPE a>', /DOCTYPE after the root/],
    ['an XML declaration after the start', '<a><?xml version="1.0"?></a>', /XML declaration allowed only at the start/],
    ['an entity reference without its semicolon', '<a>&amp</a>', /char '&' is not expected/],
    ['a bare & in an attribute value', '<a t="AT&T"/>', /char '&' is not expected in attribute 't'/],
  ])('refuses %s with the reason', (_label, xml, reason) => {
    expect(() => parseXml(xml)).toThrow(reason);
    expect(() => parseXml(xml)).toThrow(XmlParseError);
  });

  it('accepts what XML allows around markup: whitespace before > in end tags, single-quoted attributes, comments and PIs outside the root', () => {
    expect(parseXml("<!-- before --><?pi x?><a  b='1' >x</a  ><!-- after -->\n")).toEqual({ a: { '@_b': '1', '#text': 'x' } });
  });

  it('puts the first 200 characters and the position in the error', () => {
    const xml = `<a>${'x'.repeat(300)}</b>`;
    let error: unknown;
    try {
      parseXml(xml);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(XmlParseError);
    expect(error).toBeInstanceOf(Error);
    const parseError = error as XmlParseError;
    expect(parseError.name).toBe('XmlParseError');
    expect(parseError.excerpt).toBe(xml.slice(0, 200));
    expect(parseError.excerpt).toHaveLength(200);
    expect(parseError.line).toBe(1);
    expect(parseError.column).toBeTypeOf('number');
    expect(parseError.message).toMatch(/^Not well-formed XML: .*line 1/);
  });

  it('counts lines from the start of the input, blank lines before the document included', () => {
    const error = (() => {
      try {
        parseXml('\n\n<r>\n<a></b>\n</r>');
      } catch (caught) {
        return caught as XmlParseError;
      }
      return null;
    })();
    expect(error?.line).toBe(4);
  });
});

describe('buildXml', () => {
  it('writes the declaration, elements, attributes and repeated elements', () => {
    const xml = buildXml({
      Req: {
        '@_version': '1.0',
        SellerId: 'shop',
        Target: { OrderId: ['shop-1', 'shop-2'] },
        Ship: { '@_type': 'tracking', '#text': '1234-5678-9012' },
      },
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<Req version="1.0"><SellerId>shop</SellerId>' +
        '<Target><OrderId>shop-1</OrderId><OrderId>shop-2</OrderId></Target>' +
        '<Ship type="tracking">1234-5678-9012</Ship></Req>',
    );
  });

  it('leaves the declaration out on request', () => {
    expect(buildXml({ a: '1' }, { declaration: false })).toBe('<a>1</a>');
  });

  it('escapes text and attribute values', () => {
    expect(buildXml({ a: { '@_t': `"<&>'`, '#text': `x < y & z > "q" 's'` } }, { declaration: false })).toBe(
      '<a t="&quot;&lt;&amp;&gt;&apos;">x &lt; y &amp; z &gt; &quot;q&quot; &apos;s&apos;</a>',
    );
    expect(buildXml({ a: ']]><b>injected</b>' }, { declaration: false })).toBe('<a>]]&gt;&lt;b&gt;injected&lt;/b&gt;</a>');
  });

  it('writes numbers, booleans and bigints as text, null as an empty element, and skips undefined', () => {
    expect(buildXml({ r: { n: 12, b: false, big: 10n, e: '', z: null, u: undefined, f: { '@_on': true } } }, { declaration: false })).toBe(
      '<r><n>12</n><b>false</b><big>10</big><e></e><z/><f on="true"></f></r>',
    );
  });

  it('writes an array of objects as repeated elements', () => {
    expect(buildXml({ r: { Item: [{ Id: '001' }, { Id: '002', '@_n': '2' }] } }, { declaration: false })).toBe(
      '<r><Item><Id>001</Id></Item><Item n="2"><Id>002</Id></Item></r>',
    );
  });

  it('round-trips through parseXml', () => {
    const value = {
      Req: {
        '@_id': '0042',
        Name: '山田 & 太郎 <様>',
        Zip: '0600001',
        Item: [{ Code: '001', '@_q': '2' }, { Code: '002', '@_q': '1' }],
        Empty: '',
      },
    };
    expect(parseXml(buildXml(value), { arrayTags: ['Item'] })).toEqual(value);
  });

  it.each([
    ['a key that is not an XML name', { 'a><b': 'x' }],
    ['a key with a space', { r: { 'bad name': 'x' } }],
    ['an attribute name that is not an XML name', { r: { '@_a="1" b': 'x' } }],
    ['a key starting with a digit', { r: { '1st': 'x' } }],
  ])('refuses %s', (_label, value) => {
    expect(() => buildXml(value)).toThrow(RangeError);
  });

  it.each([
    ['a Date', { r: { at: new Date(0) } }],
    ['a Map', { r: new Map() }],
    ['an array inside an array', { r: { i: [['x']] } }],
    ['an object as an attribute value', { r: { '@_a': { b: 1 } } }],
    ['an array as text', { r: { '#text': ['x'] } }],
    ['an attribute outside the root', { '@_a': '1', r: 'x' }],
    ['a string as the document', 'x'],
    ['an array as the document', [{ r: 'x' }]],
    ['a function', { r: () => 1 }],
  ])('refuses %s', (_label, value) => {
    expect(() => buildXml(value)).toThrow(TypeError);
  });

  it.each([
    ['a control character', { r: 'a\u0001b' }],
    ['a lone surrogate', { r: 'a\uD800b' }],
    ['NaN', { r: Number.NaN }],
    ['a control character in an attribute', { r: { '@_a': '\u0000' } }],
  ])('refuses %s', (_label, value) => {
    expect(() => buildXml(value)).toThrow(RangeError);
  });

  it('accepts tabs, newlines, emoji and namespaced names', () => {
    expect(buildXml({ 'ns:r': { '@_xmlns:ns': 'urn:x', v: 'a\tb\nc😀' } }, { declaration: false })).toBe(
      '<ns:r xmlns:ns="urn:x"><v>a\tb\nc😀</v></ns:r>',
    );
  });
});
