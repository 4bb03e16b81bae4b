// Fonts for the PDF packet: the embedded font of the stamps, and the check that LibreOffice
// laid each document out in the fonts it names. LibreOffice never says when it substitutes a
// font; a substitute with other widths moves line and page breaks and breaks words in narrow
// table cells. So after conversion the fonts a PDF uses are compared with those its Word
// document names, and every substitution is reported with what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import PizZip from 'pizzip';

/** Where Debian's fonts-crosextra-carlito puts the regular face. */
const STAMP_FONT_FILES = [
  '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf',
  '/usr/local/share/fonts/Carlito-Regular.ttf',
];

export const STAMP_FONT_MISSING =
  'Typsnittet Carlito saknas, så PDF-paketet kan inte skapas (mallarna och sidnumren använder det). Installera det med: sudo apt-get install fonts-crosextra-carlito';

/** The file of the stamps' font (Carlito), found at run time; undefined when not installed. */
export function stampFontFile(): string | undefined {
  const known = STAMP_FONT_FILES.find((file) => existsSync(file));
  if (known) return known;
  const matched = spawnSync('fc-match', ['-f', '%{family}\n%{file}', 'Carlito:style=Regular'], { encoding: 'utf8' });
  const [family, file] = (matched.stdout ?? '').split('\n');
  return matched.status === 0 && family?.split(',').includes('Carlito') && file && existsSync(file) ? file : undefined;
}

/** A font name as a key: case, spaces and hyphens do not matter (Liberation Sans = LiberationSans). */
const key = (font: string) => font.toLowerCase().replace(/[\s_-]/g, '');

/** Substitutes with the same character widths as the font they stand in for. */
const METRIC_COMPATIBLE: Record<string, string> = {
  calibri: 'carlito',
  cambria: 'caladea',
  arial: 'liberationsans',
  helvetica: 'liberationsans',
  arialnarrow: 'liberationsansnarrow',
  timesnewroman: 'liberationserif',
  times: 'liberationserif',
  couriernew: 'liberationmono',
  courier: 'liberationmono',
};
/** LibreOffice draws bullets of Symbol and Wingdings with its own OpenSymbol. */
const SYMBOL_FONTS = new Set(['symbol', 'wingdings', 'opensymbol']);

/** The fonts a Word document names: in its styles, text, headers, footers, lists and theme. */
export function namedFonts(docx: Uint8Array): string[] {
  const zip = new PizZip(docx);
  const fonts = new Set<string>();
  const parts = Object.keys(zip.files).filter((file) =>
    /^word\/(styles|document|numbering|header\d*|footer\d*|fontTable)\.xml$/.test(file),
  );
  let usesTheme = false;
  for (const part of parts) {
    const xml = zip.file(part)!.asText();
    for (const [, attributes] of xml.matchAll(/<w:rFonts\b([^>]*)\/?>/g)) {
      for (const [, , font] of attributes!.matchAll(/w:(ascii|hAnsi)="([^"]+)"/g)) fonts.add(font!);
      if (/w:(ascii|hAnsi)Theme=/.test(attributes!)) usesTheme = true;
    }
  }
  const theme = zip.file('word/theme/theme1.xml')?.asText();
  if (usesTheme && theme)
    for (const [, font] of theme.matchAll(/<a:(?:major|minor)Font>\s*<a:latin typeface="([^"]+)"/g)) fonts.add(font!);
  return [...fonts].sort();
}

/** The fonts a PDF's pages use (BaseFont without the subset prefix), including in form XObjects. */
export function usedFonts(pdf: PDFDocument): string[] {
  const fonts = new Set<string>();
  const visited = new Set<PDFDict>();
  const walk = (resources: PDFDict | undefined, depth: number) => {
    if (!resources || visited.has(resources) || depth > 8) return;
    visited.add(resources);
    const fontDict = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fontDict?.entries() ?? []) {
      const font = pdf.context.lookupMaybe(ref, PDFDict);
      const base = font?.get(PDFName.of('BaseFont'));
      if (base instanceof PDFName) fonts.add(base.decodeText().replace(/^[A-Z]{6}\+/, ''));
    }
    const xobjects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const xobject = pdf.context.lookup(ref);
      const dict = xobject && 'dict' in xobject ? (xobject.dict as PDFDict) : undefined;
      walk(dict?.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1);
    }
  };
  for (const page of pdf.getPages()) walk(page.node.Resources(), 0);
  return [...fonts].sort();
}

/** Fonts a PDF uses without embedding them (PDF/A wants every font embedded). */
export function unembeddedFonts(pdf: PDFDocument): string[] {
  const missing = new Set<string>();
  for (const page of pdf.getPages()) {
    const fontDict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [, ref] of fontDict?.entries() ?? []) {
      const font = pdf.context.lookupMaybe(ref, PDFDict);
      if (!font) continue;
      const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
      const described = descendants ? descendants.lookupMaybe(0, PDFDict) : font;
      const descriptor = described?.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)));
      const base = font.get(PDFName.of('BaseFont'));
      if (!embedded && font.get(PDFName.of('Subtype')) !== PDFName.of('Type3') && base instanceof PDFName)
        missing.add(base.decodeText());
    }
  }
  return [...missing].sort();
}

let installed: Set<string> | undefined | null = null;
/** Font families fontconfig knows (what LibreOffice can use); undefined without fc-list. */
function installedFamilies(): Set<string> | undefined {
  if (installed !== null) return installed;
  const listed = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8' });
  installed =
    listed.status === 0
      ? new Set(listed.stdout.split('\n').flatMap((line) => line.split(',').map((family) => key(family))))
      : undefined;
  return installed;
}

/**
 * A warning in Swedish when the PDF uses a font its Word document does not name, i.e. when
 * LibreOffice substituted one; undefined when every font used is one the document names.
 */
export function fontSubstitution(
  document: string,
  named: readonly string[],
  used: readonly string[],
): string | undefined {
  const namedKeys = named.map(key);
  const substitutes = used.filter((font) => {
    const usedKey = key(font);
    return !SYMBOL_FONTS.has(usedKey) && !namedKeys.some((name) => usedKey.startsWith(name));
  });
  if (substitutes.length === 0) return undefined;
  const families = installedFamilies();
  const missing = named.filter((font) => families && !families.has(key(font)) && !SYMBOL_FONTS.has(key(font)));
  const replaced = missing.length > 0 ? missing : named;
  const compatible = replaced.every((font) =>
    substitutes.some((substitute) => key(substitute).startsWith(METRIC_COMPATIBLE[key(font)] ?? '\0')),
  );
  const list = (fonts: readonly string[]) => [...new Set(fonts.map((font) => font.replace(/[-,].*$/, '')))].join(', ');
  return (
    `VARNING: LibreOffice ersatte typsnitt i ${document}: dokumentet anger ${list(replaced)}` +
    `${missing.length > 0 ? ', som inte är installerat' : ''}, men PDF:en använder ${list(substitutes)}. ` +
    (compatible
      ? 'Ersättningen har samma teckenbredder, så raderna bryts som i Word, men typsnittet är ett annat.'
      : 'Ersättningen har andra teckenbredder: ord kan brytas mitt i i tabellceller och sidorna falla annorlunda än i Word. ' +
        'Installera typsnittet, eller byt i mallen till ett som finns (Carlito, paketet fonts-crosextra-carlito, eller Liberation Sans, fonts-liberation2).')
  );
}
