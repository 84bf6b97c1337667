import { describe, expect, it } from 'vitest';
import { escapeXml, readXml, type XmlStartTag } from './xml-reader.ts';

function events(text: string, limits = {}) {
  const out: string[] = [];
  const error = readXml(
    text,
    {
      open: (t: XmlStartTag) =>
        out.push(
          `open ${t.local} ns=${t.ns} d=${t.depth} L${t.line} ${t.attributes.map((a) => `${a.local}=${a.value}`).join(' ')}`.trim(),
        ),
      close: (t) => out.push(`close ${t.local}`),
      text: (s) => {
        if (s.trim()) out.push(`text ${s}`);
      },
    },
    limits,
  );
  return { out, error };
}

describe('readXml', () => {
  it('reads elements, namespaces (default and prefixed), attributes, entities, CDATA, comments and PIs', () => {
    const { out, error } = events(
      '<?xml version="1.0"?>\n<!-- c -->\n<a:root xmlns:a="urn:a" xmlns="urn:d" k="1 &amp; 2">\n  <child x=\'&lt;&#65;&#x42;\'>t&gt;<![CDATA[<raw>]]></child>\n</a:root>',
    );
    expect(error).toBeNull();
    expect(out).toEqual([
      'open root ns=urn:a d=1 L3 k=1 & 2',
      'open child ns=urn:d d=2 L4 x=<AB',
      'text t>',
      'text <raw>',
      'close child',
      'close root',
    ]);
  });

  it('refuses a DOCTYPE (billion laughs, XXE) and unknown entities', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(events(laughs).error).toMatchObject({ kind: 'forbidden', line: 1 });
    expect(events('<a>&xxe;</a>').error).toMatchObject({
      kind: 'forbidden',
      message: expect.stringContaining('&xxe;'),
    });
    expect(events('<a b="&ext;"/>').error).toMatchObject({ kind: 'forbidden' });
  });

  it('reports syntax errors with line and column', () => {
    expect(events('<a>\n  <b></c>\n</a>').error).toMatchObject({
      kind: 'syntax',
      line: 2,
      column: 6,
      message: expect.stringContaining('Baris 2, kolom 6'),
    });
    expect(events('<a>').error).toMatchObject({ kind: 'syntax', message: expect.stringContaining('tidak ditutup') });
    expect(events('<a/><b/>').error).toMatchObject({
      kind: 'syntax',
      message: expect.stringContaining('satu elemen akar'),
    });
    expect(events('<a x="1" x="2"/>').error).toMatchObject({
      kind: 'syntax',
      message: expect.stringContaining('dua kali'),
    });
    expect(events('<p:a/>').error).toMatchObject({ kind: 'syntax', message: expect.stringContaining('"p"') });
    expect(events('<a>fish & chips</a>').error).toMatchObject({
      kind: 'syntax',
      message: expect.stringContaining('&amp;'),
    });
    expect(events('').error).toMatchObject({ kind: 'syntax' });
  });

  it('stops at each bound', () => {
    expect(events('<a><b/><b/><b/></a>', { maxElements: 3 }).error).toMatchObject({ kind: 'too-large' });
    expect(events('<a><b><c/></b></a>', { maxDepth: 2 }).error).toMatchObject({ kind: 'too-large' });
    expect(events('<a x="1" y="2" z="3"/>', { maxAttributes: 2 }).error).toMatchObject({ kind: 'too-large' });
    expect(events('<a x="123456"/>', { maxValueLength: 5 }).error).toMatchObject({ kind: 'too-large' });
    expect(events('<a/>', { maxChars: 3 }).error).toMatchObject({ kind: 'too-large' });
  });

  it('lets a handler stop reading by throwing', () => {
    class Enough extends Error {}
    expect(() =>
      readXml('<a><b/></a>', {
        open: (t) => {
          if (t.local === 'b') throw new Enough();
        },
      }),
    ).toThrow(Enough);
  });
});

describe('escapeXml', () => {
  it('escapes the special characters and keeps line breaks in attributes', () => {
    expect(escapeXml(`a<b>&"c'\n`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#10;');
  });

  it('refuses characters XML cannot carry', () => {
    expect(() => escapeXml('a\u0000b')).toThrow('U+0000');
  });
});
