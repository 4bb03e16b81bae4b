// Markdown to the document model to WordprocessingML: the supported subset, numbering
// instances, and everything else coming out as literal, singly escaped text.
import { describe, expect, it } from 'vitest';
import { markdownBlocks, markdownInlines } from '../engine/documents/markdown.js';
import {
  blocksXml,
  BULLET_NUM_ID,
  escapeXml,
  NUMBERED_NUM_ID_BASE,
  numberingInstancesXml,
  runs as inlineXml,
} from '../engine/writers/docx/ooxml.js';

/** Markdown as the Word writer writes it, without the body style (tests of the runs). */
function richTextToOoxml(markdown: string, first = 0) {
  const context = { numberedLists: first, textWidth: 9026 };
  const xml = blocksXml(markdownBlocks(markdown), context).replace(
    /<w:pPr><w:pStyle w:val="Brodtext"\/><\/w:pPr>/g,
    '',
  );
  return { xml, numberedLists: context.numberedLists - first };
}
const inlineRuns = (markdown: string) => inlineXml(markdownInlines(markdown));
const xml = (markdown: string) => richTextToOoxml(markdown).xml;
const paragraphs = (out: string) => out.match(/<w:p>[\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
const runs = (out: string) => out.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;
const numIds = (out: string) => [...out.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map(([, id]) => Number(id));
const levels = (out: string) => [...out.matchAll(/<w:ilvl w:val="(\d+)"\/>/g)].map(([, level]) => Number(level));

describe('richTextToOoxml', () => {
  it('renders a plain paragraph as one plain run', () => {
    expect(xml('Styrelsen beslutar.')).toBe(`<w:p><w:r>${t('Styrelsen beslutar.')}</w:r></w:p>`);
  });

  it('renders two paragraphs', () => {
    const out = paragraphs(xml('Första.\n\nAndra.'));
    expect(out).toHaveLength(2);
    expect(out[0]).toContain(t('Första.'));
    expect(out[1]).toContain(t('Andra.'));
  });

  it('renders italic, bold and both', () => {
    const out = xml('a *i* _j_ **b** ***bi***');
    expect(out).toContain(`<w:r><w:rPr><w:i/></w:rPr>${t('i')}</w:r>`);
    expect(out).toContain(`<w:r><w:rPr><w:i/></w:rPr>${t('j')}</w:r>`);
    expect(out).toContain(`<w:r><w:rPr><w:b/></w:rPr>${t('b')}</w:r>`);
    expect(out).toContain(`<w:r><w:rPr><w:b/><w:i/></w:rPr>${t('bi')}</w:r>`);
    expect(out).toContain(`<w:r>${t('a ')}</w:r>`);
  });

  it('turns two trailing spaces or a backslash before a newline into a line break', () => {
    for (const markdown of ['rad ett  \nrad två', 'rad ett\\\nrad två']) {
      const out = xml(markdown);
      expect(paragraphs(out)).toHaveLength(1);
      expect(out).toContain(`<w:r>${t('rad ett')}</w:r><w:r><w:br/></w:r><w:r>${t('rad två')}</w:r>`);
    }
  });

  it('turns a single newline into a space', () => {
    const out = xml('rad ett\nrad två');
    expect(out).toBe(`<w:p><w:r>${t('rad ett rad två')}</w:r></w:p>`);
    expect(out).not.toContain('<w:br/>');
  });

  it('renders a bullet list with three items', () => {
    const result = richTextToOoxml('- ett\n- två\n- tre');
    const items = paragraphs(result.xml);
    expect(items).toHaveLength(3);
    for (const item of items) expect(item).toContain('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="900"/></w:numPr>');
    expect(items[2]).toContain(t('tre'));
    expect(result.numberedLists).toBe(0);
    expect(BULLET_NUM_ID).toBe(900);
  });

  it('gives each numbered list its own instance so it restarts', () => {
    const markdown = '1. a\n2. b\n\nMellan.\n\n1. c';
    const result = richTextToOoxml(markdown);
    expect(numIds(result.xml)).toEqual([901, 901, 902]);
    expect(result.numberedLists).toBe(2);
    expect(NUMBERED_NUM_ID_BASE).toBe(901);

    const later = richTextToOoxml(markdown, 3);
    expect(numIds(later.xml)).toEqual([904, 904, 905]);
    expect(later.numberedLists).toBe(2);
  });

  it('nests a list one level', () => {
    const out = xml('- ett\n  - under\n- två');
    expect(levels(out)).toEqual([0, 1, 0]);
    expect(paragraphs(out)[1]).toContain(t('under'));
  });

  it('numbers only the first paragraph of a list item', () => {
    const out = paragraphs(xml('1. första\n\n   fortsättning\n2. andra'));
    expect(out).toHaveLength(3);
    expect(out[1]).not.toContain('<w:numPr>');
    expect(out[1]).toContain('<w:ind w:left="720"/>');
    expect(numIds(out.join(''))).toEqual([901, 901]);
  });

  it('keeps template tags, HTML and special characters literal, escaped exactly once', () => {
    expect(xml('{rubrik} {@raw} {#loop}')).toContain(t('{rubrik} {@raw} {#loop}'));
    expect(xml('<b>x</b>')).toContain(t('&lt;b&gt;x&lt;/b&gt;'));
    const out = xml(`A & B "c" 'd'`);
    expect(out).toContain(t('A &amp; B &quot;c&quot; &apos;d&apos;'));
    expect(out).not.toContain('&amp;amp;');
    expect(out).not.toContain('<w:b/>');
  });

  it('keeps entity references as typed, even where marked would decode them', () => {
    expect(xml('A & B &#39;c&#39; &amp;')).toContain(t('A &amp; B &amp;#39;c&amp;#39; &amp;amp;'));
  });

  it('renders code spans, links and blockquotes as text', () => {
    expect(xml('Se `a*b*` och [sidan](https://x.se/?a=1&b=2).')).toContain(
      t('Se a*b* och sidan (https://x.se/?a=1&amp;b=2).'),
    );
    expect(xml('> citat')).toBe(`<w:p><w:r>${t('citat')}</w:r></w:p>`);
  });

  it('renders a heading as a bold paragraph', () => {
    const out = paragraphs(xml('# Bakgrund\n\nText.'));
    expect(out[0]).toBe(`<w:p><w:r><w:rPr><w:b/></w:rPr>${t('Bakgrund')}</w:r></w:p>`);
    expect(out[1]).toContain(t('Text.'));
  });

  it('returns one empty paragraph for empty or blank input', () => {
    expect(richTextToOoxml('')).toEqual({ xml: '<w:p></w:p>', numberedLists: 0 });
    expect(xml('  \n \n')).toBe('<w:p></w:p>');
  });

  it('applies the paragraph and list styles', () => {
    const out = paragraphs(blocksXml(markdownBlocks('Text.\n\n- punkt'), { numberedLists: 0, textWidth: 9026 }));
    expect(out[0]).toContain('<w:pPr><w:pStyle w:val="Brodtext"/></w:pPr>');
    expect(out[1]).toContain('<w:pPr><w:pStyle w:val="Liststycke"/><w:numPr>');
  });

  it('is deterministic', () => {
    const markdown = '# R\n\n1. a\n2. *b*\n\n- c\n  - d';
    expect(richTextToOoxml(markdown)).toEqual(richTextToOoxml(markdown));
  });
});

describe('inlineRuns', () => {
  it('gives three runs with the middle one italic', () => {
    const out = inlineRuns('Ansökan *Växtkraft* – Enköping');
    expect(out).not.toContain('<w:p');
    expect(runs(out)).toEqual([
      `<w:r>${t('Ansökan ')}</w:r>`,
      `<w:r><w:rPr><w:i/></w:rPr>${t('Växtkraft')}</w:r>`,
      `<w:r>${t(' – Enköping')}</w:r>`,
    ]);
  });

  it('leaves block syntax literal', () => {
    expect(inlineRuns('# x')).toBe(`<w:r>${t('# x')}</w:r>`);
  });
});

describe('numberingInstancesXml', () => {
  it('restarts one instance per numbered list', () => {
    expect(numberingInstancesXml(2)).toBe(
      '<w:num w:numId="901"><w:abstractNumId w:val="901"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
        '<w:num w:numId="902"><w:abstractNumId w:val="901"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
    );
    expect(numberingInstancesXml(0)).toBe('');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML characters', () => {
    expect(escapeXml(`<a & "b" 'c'>`)).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
  });
});
