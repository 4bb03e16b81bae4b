// The numbering definitions rich text refers to: bullets at abstract/num id 900, numbers at
// abstract id 901 with one num instance per numbered list (so each list restarts at 1).
import type PizZip from 'pizzip';

export const ABSTRACT_NUMBERING = `<w:abstractNum w:abstractNumId="900"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="901"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="900"><w:abstractNumId w:val="900"/></w:num>`;

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const NUMBERING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="${W_NS}">\n${ABSTRACT_NUMBERING}\n</w:numbering>`;

/**
 * Makes sure a .docx has the numbering the rich text uses, and adds one restarting instance
 * per numbered list. Works on the built-in templates and on an organisation's own.
 */
export function ensureNumbering(zip: PizZip, numberedListsXml: string): void {
  const part = zip.file('word/numbering.xml');
  if (!part) {
    zip.file('word/numbering.xml', NUMBERING_XML.replace('</w:numbering>', `${numberedListsXml}</w:numbering>`));
    const relsName = 'word/_rels/document.xml.rels';
    const rels = zip.file(relsName)?.asText() ?? '';
    if (!rels.includes('numbering.xml')) {
      zip.file(
        relsName,
        rels.replace(
          '</Relationships>',
          '<Relationship Id="rIdHandlingarNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
        ),
      );
    }
    const types = zip.file('[Content_Types].xml')?.asText() ?? '';
    if (!types.includes('/word/numbering.xml')) {
      zip.file(
        '[Content_Types].xml',
        types.replace(
          '</Types>',
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
        ),
      );
    }
    return;
  }
  let xml = part.asText();
  // Abstract definitions must come before every w:num in the part.
  if (!xml.includes('w:abstractNumId="900"')) xml = xml.replace(/(<w:numbering\b[^>]*>)/, `$1${ABSTRACT_NUMBERING}`);
  zip.file('word/numbering.xml', xml.replace('</w:numbering>', `${numberedListsXml}</w:numbering>`));
}
