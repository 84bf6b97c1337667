// A small XML reader for exchange files (ADX), with no dependency and no IO. It reads the well-formed XML the
// exchange formats use — elements, attributes, namespaces, text, CDATA, comments, processing instructions — and
// REFUSES what makes XML dangerous to read from strangers: any DOCTYPE (a DTD can declare entities that expand a
// few bytes into gigabytes, "billion laughs", or pull in local files and URLs, XXE) and any entity reference
// other than the five predefined ones and character references. Everything is bounded: characters, elements,
// depth, attributes per element, name and text lengths. It calls back per element (SAX style) rather than
// building a tree, so a file of 500,000 data values never exists twice in memory.

export interface XmlLimits {
  /** Characters of the whole document. */
  maxChars: number;
  /** Start tags in the document. */
  maxElements: number;
  /** Nesting depth (the root is depth 1). */
  maxDepth: number;
  /** Attributes on one element. */
  maxAttributes: number;
  /** Characters of one element or attribute name. */
  maxNameLength: number;
  /** Characters of one attribute value or one text run. */
  maxValueLength: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxChars: 100 * 1024 * 1024,
  maxElements: 2_000_000,
  maxDepth: 32,
  maxAttributes: 64,
  maxNameLength: 256,
  maxValueLength: 64 * 1024,
};

export interface XmlName {
  /** As written: "adx:group". */
  qname: string;
  /** Without prefix: "group". */
  local: string;
  /** The namespace URI the prefix (or the default namespace, for elements) resolves to; null when none. */
  ns: string | null;
}

export interface XmlStartTag extends XmlName {
  /** Attributes except namespace declarations, in document order. */
  attributes: readonly (XmlName & { value: string })[];
  /** 1-based position of the "<". */
  line: number;
  column: number;
  depth: number;
}

export interface XmlHandlers {
  open?(tag: XmlStartTag): void;
  close?(tag: XmlStartTag): void;
  /** Character data inside an element (entities decoded; CDATA included). */
  text?(text: string, tag: XmlStartTag): void;
}

export type XmlErrorKind = 'syntax' | 'forbidden' | 'too-large';

export interface XmlError {
  kind: XmlErrorKind;
  /** Bahasa Indonesia, names the line and column. */
  message: string;
  line: number;
  column: number;
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME_START_CHARS =
  'A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
/** An XML Name (sticky: matched at the reader's position). */
const NAME = new RegExp(`[${NAME_START_CHARS}][${NAME_START_CHARS}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`, 'y');
const SPACE = /[ \t\r\n]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class Stop extends Error {
  constructor(readonly error: XmlError) {
    super(error.message);
  }
}

/**
 * Reads `text` and calls the handlers; returns null when the document is well formed and within the limits, or
 * the first problem. Handlers may throw to stop early: their error propagates unchanged.
 */
export function readXml(text: string, handlers: XmlHandlers, limits: Partial<XmlLimits> = {}): XmlError | null {
  const lim = { ...DEFAULT_XML_LIMITS, ...limits };
  try {
    new Reader(text, handlers, lim).document();
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.error;
    throw e;
  }
}

interface OpenElement {
  tag: XmlStartTag;
  namespaces: Map<string, string | null>;
}

class Reader {
  private pos = 0;
  private lineNo = 1;
  private lineStart = 0;
  private scanned = 0;
  private elements = 0;
  private readonly stack: OpenElement[] = [];

  constructor(
    private readonly s: string,
    private readonly h: XmlHandlers,
    private readonly lim: XmlLimits,
  ) {}

  document(): void {
    if (this.s.length > this.lim.maxChars) {
      this.fail(
        'too-large',
        `Berkas XML terlalu besar: ${this.s.length.toLocaleString('id-ID')} karakter (batas ${this.lim.maxChars.toLocaleString('id-ID')}).`,
        0,
      );
    }
    if (this.s.charCodeAt(0) === 0xfeff) this.pos = 1;
    let rootSeen = false;
    while (this.pos < this.s.length) {
      const lt = this.s.indexOf('<', this.pos);
      const chunk = this.s.slice(this.pos, lt < 0 ? this.s.length : lt);
      if (this.stack.length) this.characters(chunk, this.pos);
      else if (chunk.trim()) this.fail('syntax', 'Ada teks di luar elemen akar.', this.pos + chunk.search(/\S/));
      if (lt < 0) break;
      this.pos = lt;
      if (this.s.startsWith('<?', lt)) this.processingInstruction();
      else if (this.s.startsWith('<!--', lt)) this.comment();
      else if (this.s.startsWith('<![CDATA[', lt)) this.cdata();
      else if (this.s.startsWith('<!', lt)) {
        this.fail(
          'forbidden',
          'Berkas XML memuat deklarasi DOCTYPE/DTD atau ENTITY. Demi keamanan (entitas dapat membengkakkan ukuran berkas atau membaca berkas lain) deklarasi semacam itu ditolak: ekspor ulang tanpa DOCTYPE.',
          lt,
        );
      } else if (this.s.startsWith('</', lt)) this.endTag();
      else {
        if (!this.stack.length && rootSeen)
          this.fail('syntax', 'Dokumen XML hanya boleh memiliki satu elemen akar.', lt);
        rootSeen = true;
        this.startTag();
      }
    }
    if (this.stack.length) {
      const open = this.stack[this.stack.length - 1]!.tag;
      this.fail(
        'syntax',
        `Elemen <${open.qname}> (baris ${open.line}) tidak ditutup sampai akhir berkas.`,
        this.s.length,
      );
    }
    if (!rootSeen) this.fail('syntax', 'Berkas XML tidak memiliki elemen akar.', this.s.length);
  }

  // ------------------------------------------------------------------------------------------------ markup

  private processingInstruction(): void {
    const end = this.s.indexOf('?>', this.pos + 2);
    if (end < 0) this.fail('syntax', 'Instruksi pemrosesan "<?" tidak ditutup dengan "?>".', this.pos);
    this.pos = end + 2;
  }

  private comment(): void {
    const end = this.s.indexOf('-->', this.pos + 4);
    if (end < 0) this.fail('syntax', 'Komentar "<!--" tidak ditutup dengan "-->".', this.pos);
    this.pos = end + 3;
  }

  private cdata(): void {
    const start = this.pos;
    if (!this.stack.length) this.fail('syntax', 'Bagian CDATA di luar elemen akar.', start);
    const end = this.s.indexOf(']]>', start + 9);
    if (end < 0) this.fail('syntax', 'Bagian "<![CDATA[" tidak ditutup dengan "]]>".', start);
    const text = this.s.slice(start + 9, end);
    if (text.length > this.lim.maxValueLength) this.tooLong('Teks CDATA', start);
    this.h.text?.(text, this.top().tag);
    this.pos = end + 3;
  }

  private startTag(): void {
    const at = this.pos;
    this.pos++;
    const qname = this.name('elemen');
    const raw: { qname: string; value: string; at: number }[] = [];
    for (;;) {
      const hadSpace = this.skipSpace();
      const c = this.s[this.pos];
      if (c === '>' || (c === '/' && this.s[this.pos + 1] === '>')) break;
      if (c === undefined) this.fail('syntax', `Tag <${qname}> tidak ditutup.`, at);
      if (!hadSpace) this.fail('syntax', `Atribut pada <${qname}> harus dipisahkan spasi.`, this.pos);
      const attrAt = this.pos;
      const name = this.name('atribut');
      this.skipSpace();
      if (this.s[this.pos] !== '=')
        this.fail('syntax', `Atribut "${name}" pada <${qname}> tanpa nilai (tulis ${name}="…").`, attrAt);
      this.pos++;
      this.skipSpace();
      const value = this.attributeValue(name);
      if (raw.some((a) => a.qname === name))
        this.fail('syntax', `Atribut "${name}" muncul dua kali pada <${qname}>.`, attrAt);
      raw.push({ qname: name, value, at: attrAt });
      if (raw.length > this.lim.maxAttributes) {
        this.fail('too-large', `Elemen <${qname}> memiliki lebih dari ${this.lim.maxAttributes} atribut.`, attrAt);
      }
    }
    const selfClosing = this.s[this.pos] === '/';
    this.pos += selfClosing ? 2 : 1;

    this.elements++;
    if (this.elements > this.lim.maxElements) {
      this.fail(
        'too-large',
        `Berkas XML memuat lebih dari ${this.lim.maxElements.toLocaleString('id-ID')} elemen.`,
        at,
      );
    }
    const depth = this.stack.length + 1;
    if (depth > this.lim.maxDepth)
      this.fail('too-large', `Elemen bersarang lebih dalam dari ${this.lim.maxDepth} tingkat.`, at);

    // An element that declares no namespace shares its parent's map (one map per declaring element, not per element).
    const inherited: Map<string, string | null> = this.stack.length
      ? this.top().namespaces
      : new Map([['xml', XML_NS]]);
    const declares = raw.some((a) => a.qname === 'xmlns' || a.qname.startsWith('xmlns:'));
    const namespaces = declares ? new Map(inherited) : inherited;
    for (const a of raw) {
      if (a.qname === 'xmlns') namespaces.set('', a.value || null);
      else if (a.qname.startsWith('xmlns:')) {
        if (!a.value) this.fail('syntax', `Deklarasi namespace "${a.qname}" kosong.`, a.at);
        namespaces.set(a.qname.slice(6), a.value);
      }
    }
    const resolve = (name: string, isElement: boolean, where: number): XmlName => {
      const colon = name.indexOf(':');
      if (colon < 0) return { qname: name, local: name, ns: isElement ? (namespaces.get('') ?? null) : null };
      const prefix = name.slice(0, colon);
      const ns = namespaces.get(prefix);
      if (ns === undefined)
        this.fail('syntax', `Awalan namespace "${prefix}" pada "${name}" tidak dideklarasikan.`, where);
      return { qname: name, local: name.slice(colon + 1), ns: ns ?? null };
    };
    const el = resolve(qname, true, at);
    const position = this.position(at);
    const tag: XmlStartTag = {
      ...el,
      attributes: raw
        .filter((a) => a.qname !== 'xmlns' && !a.qname.startsWith('xmlns:'))
        .map((a) => ({ ...resolve(a.qname, false, a.at), value: a.value })),
      line: position.line,
      column: position.column,
      depth,
    };
    this.stack.push({ tag, namespaces });
    this.h.open?.(tag);
    if (selfClosing) {
      this.stack.pop();
      this.h.close?.(tag);
    }
  }

  private endTag(): void {
    const at = this.pos;
    this.pos += 2;
    const qname = this.name('elemen');
    this.skipSpace();
    if (this.s[this.pos] !== '>') this.fail('syntax', `Tag penutup </${qname}> tidak diakhiri ">".`, at);
    this.pos++;
    const open = this.stack.pop();
    if (!open) this.fail('syntax', `Tag penutup </${qname}> tanpa tag pembuka.`, at);
    if (open.tag.qname !== qname) {
      this.fail(
        'syntax',
        `Tag penutup </${qname}> tidak cocok dengan <${open.tag.qname}> (baris ${open.tag.line}).`,
        at,
      );
    }
    this.h.close?.(open.tag);
  }

  private attributeValue(name: string): string {
    const quote = this.s[this.pos];
    if (quote !== '"' && quote !== "'")
      this.fail('syntax', `Nilai atribut "${name}" harus diapit tanda kutip.`, this.pos);
    const start = this.pos + 1;
    const end = this.s.indexOf(quote, start);
    if (end < 0) this.fail('syntax', `Nilai atribut "${name}" tidak ditutup.`, this.pos);
    if (end - start > this.lim.maxValueLength) this.tooLong(`Nilai atribut "${name}"`, start);
    const raw = this.s.slice(start, end);
    const lt = raw.indexOf('<');
    if (lt >= 0) this.fail('syntax', `Nilai atribut "${name}" memuat "<".`, start + lt);
    this.pos = end + 1;
    // Attribute-value normalisation (XML 1.0 §3.3.3): literal tab, CR and LF become spaces.
    return this.decode(raw.replace(/\r\n|[\t\n\r]/g, ' '), start);
  }

  private characters(chunk: string, at: number): void {
    if (!chunk) return;
    if (chunk.length > this.lim.maxValueLength) this.tooLong('Teks', at);
    const gt = chunk.indexOf(']]>');
    if (gt >= 0) this.fail('syntax', 'Urutan "]]>" tidak boleh muncul dalam teks.', at + gt);
    this.h.text?.(this.decode(chunk.replace(/\r\n?/g, '\n'), at), this.top().tag);
  }

  /** Decodes character and predefined entity references; any other entity is refused (no DTD, no entities). */
  private decode(text: string, at: number): string {
    if (!text.includes('&')) return text;
    return text.replace(/&([^;&\s]{0,32})(;?)/g, (match, body: string, semi: string, offset: number) => {
      const where = at + offset;
      if (!semi) this.fail('syntax', 'Karakter "&" harus ditulis sebagai "&amp;".', where);
      if (body in PREDEFINED) return PREDEFINED[body]!;
      const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(body);
      if (m) {
        const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
        if (!isXmlChar(code)) this.fail('syntax', `Rujukan karakter "${match}" bukan karakter XML yang sah.`, where);
        return String.fromCodePoint(code);
      }
      return this.fail(
        'forbidden',
        `Entitas "${match}" tidak dikenal. Hanya &lt; &gt; &amp; &quot; &apos; dan rujukan karakter (&#…;) yang diterima; entitas lain ditolak demi keamanan.`,
        where,
      );
    });
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private name(what: 'elemen' | 'atribut'): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.s);
    if (!m) this.fail('syntax', `Nama ${what} tidak sah.`, this.pos);
    if (m[0].length > this.lim.maxNameLength) this.tooLong(`Nama ${what}`, this.pos);
    this.pos += m[0].length;
    return m[0];
  }

  private skipSpace(): boolean {
    SPACE.lastIndex = this.pos;
    const skipped = SPACE.exec(this.s)![0].length;
    this.pos += skipped;
    return skipped > 0;
  }

  private top(): OpenElement {
    return this.stack[this.stack.length - 1]!;
  }

  private tooLong(what: string, at: number): never {
    return this.fail(
      'too-large',
      `${what} lebih panjang dari ${this.lim.maxValueLength.toLocaleString('id-ID')} karakter.`,
      at,
    );
  }

  /** Line and column of an offset; offsets only grow while reading, so the newlines are counted once. */
  private position(offset: number): { line: number; column: number } {
    if (offset < this.scanned) return positionOf(this.s, offset);
    for (let i = this.scanned; i < offset; i++) {
      if (this.s.charCodeAt(i) === 10) {
        this.lineNo++;
        this.lineStart = i + 1;
      }
    }
    this.scanned = offset;
    return { line: this.lineNo, column: offset - this.lineStart + 1 };
  }

  private fail(kind: XmlErrorKind, message: string, offset: number): never {
    const { line, column } = this.position(Math.min(offset, this.s.length));
    throw new Stop({ kind, message: `Baris ${line}, kolom ${column}: ${message}`, line, column });
  }
}

function positionOf(s: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (s.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** Text for an XML attribute value or element content: the five special characters escaped, control characters refused. */
export function escapeXml(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    if (!isXmlChar(c))
      throw new Error(`Karakter U+${c.toString(16).toUpperCase().padStart(4, '0')} tidak dapat ditulis dalam XML.`);
    if (c > 0xffff) i++;
  }
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
