// Which fonts a Word document names, which a PDF uses, and the warning when they differ.
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { fontSubstitution, namedFonts, stampFontFile, usedFonts } from '../engine/output/fonts.js';

const withFont = (font: string) => {
  const zip = new PizZip(readFileSync('templates/kallelse.docx'));
  zip.file('word/styles.xml', zip.file('word/styles.xml')!.asText().replaceAll('Carlito', font));
  return zip.generate({ type: 'uint8array' });
};

describe('fonts', () => {
  it('the built-in templates name only Carlito', () => {
    for (const kind of ['kallelse', 'tjansteskrivelse', 'ansokan', 'budget', 'bilaga'])
      expect(namedFonts(readFileSync(`templates/${kind}.docx`)), kind).toEqual(['Carlito']);
  });

  it('reads the fonts a PDF uses, without the subset prefix', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText('x', { font: await pdf.embedFont(StandardFonts.HelveticaBold) });
    expect(usedFonts(await PDFDocument.load(await pdf.save()))).toEqual(['Helvetica-Bold']);
  });

  it('says nothing when the PDF uses the fonts the document names', () => {
    expect(fontSubstitution('a.docx', ['Carlito'], ['Carlito', 'Carlito-Bold', 'OpenSymbol'])).toBeUndefined();
    expect(fontSubstitution('a.docx', ['Liberation Sans'], ['LiberationSans-Bold'])).toBeUndefined();
  });

  it('warns of a substitute, and says whether it keeps the widths', () => {
    expect(namedFonts(withFont('Calibri'))).toEqual(['Calibri']);
    const compatible = fontSubstitution('00-kallelse.docx', ['Calibri'], ['Carlito', 'Carlito-Bold'])!;
    expect(compatible).toMatch(/^VARNING: LibreOffice ersatte typsnitt i 00-kallelse\.docx: dokumentet anger Calibri/);
    expect(compatible).toContain('PDF:en använder Carlito');
    expect(compatible).toContain('samma teckenbredder');
    const wider = fontSubstitution('00-kallelse.docx', ['Garamond'], ['DejaVuSans', 'DejaVuSans-Bold'])!;
    expect(wider).toContain('PDF:en använder DejaVuSans');
    expect(wider).toContain('andra teckenbredder');
    expect(wider).toContain('fonts-crosextra-carlito');
  });

  it.skipIf(!stampFontFile())('finds Carlito for the stamps', () => {
    expect(stampFontFile()).toMatch(/Carlito-Regular\.ttf$/);
  });
});
