// Publication (issue 17): the privacy guard, withheld handlingar and the static site. The
// browser checks (axe-core, keyboard, preview reload) are in tests/browser.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowedContacts, findContacts, findIdentityNumbers, findNames, maskLine } from '../engine/check/privacy.js';
import { run } from '../engine/cli.js';
import { check } from '../engine/index.js';
import { planSite, publish } from '../engine/output/publish.js';
import { EXAMPLE, edit, scratchCopy } from './helpers.js';

const NORRDAL = path.resolve('tests/fixtures/norrdal');
const VAXTKRAFT = 'moten/2024-09-12/arenden/vaxtkraft.yaml';
const PLATTFORM = 'moten/2024-09-12/arenden/plattform-for-individstod-i-samverkan.yaml';
/** A valid personnummer (Luhn) and the same person's number broken by one digit. */
const PNR = '19811218-9876';
const codes = (text: string) => findIdentityNumbers(text).map((m) => `${m.code} ${m.shown}`);

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const siteDir = () => path.join(mkdtempSync(path.join(tmpdir(), 'handlingar-site-')), 'webbplats');

describe('identity numbers', () => {
  it('finds a personnummer in every form, validated with the Luhn digit', () => {
    for (const form of ['19811218-9876', '198112189876', '811218-9876', '8112189876', '19811218 9876'])
      expect(codes(`pnr ${form}.`), form).toHaveLength(1);
    expect(codes('811218+9876')).toEqual(['integritet.personnummer XXXXXX+XXXX']);
    expect(codes('19811218-9876')).toEqual(['integritet.personnummer 19XXXXXX-XXXX']);
  });
  it('finds a samordningsnummer (day + 60)', () => {
    expect(codes('19811278-9873')).toEqual(['integritet.samordningsnummer 19XXXXXX-XXXX']);
  });
  it('leaves ordinary numbers alone: wrong check digit, impossible dates, amounts, dates, organisationsnummer', () => {
    for (const text of [
      '8112189875',
      '19811318-9876',
      '8 260 000',
      '2024-09-12',
      '222000-1234',
      '1234567890',
      '2024-0001234',
    ])
      expect(codes(text), text).toEqual([]);
  });
  it('masks every digit but the century', () => {
    expect(maskLine(`text: Deltagaren ${PNR} och 8112189876`)).toBe('text: Deltagaren 19XXXXXX-XXXX och XXXXXX-XXXX');
  });
});

describe('contacts and names', () => {
  const none = { phones: new Set<string>(), emails: new Set<string>() };
  it('finds Swedish phone numbers in their common forms', () => {
    for (const phone of ['070-123 45 67', '0701234567', '+46 70 123 45 67', '08-123 456 78', '018-12 34 56'])
      expect(
        findContacts(`ring ${phone} i dag`, none).map((m) => m.code),
        phone,
      ).toEqual(['integritet.telefon']);
    expect(findContacts('8 260 000 kr 2024-09-12 09.00–12.00', none)).toEqual([]);
  });
  it('lets the förbund profile’s own contacts and functional addresses through', () => {
    const allowed = allowedContacts({
      kontakt: { telefon: '018-10 20 30', e_post: 'registrator@example.se' },
      kansli: [{ namn: 'Karin Ekholm', roll: 'förbundschef', telefon: '+46 70 111 22 33', e_post: 'karin@example.se' }],
    } as never);
    expect(findContacts('018-102030, 070-111 22 33, karin@example.se, info@kommun.se', allowed)).toEqual([]);
    expect(findContacts('anna.a@gmail.com', allowed).map((m) => m.code)).toEqual(['integritet.e-post']);
  });
  it('finds listed names as whole words, in any case', () => {
    expect(findNames('Samtal med ANNA ANDERSSON och Annastina', ['Anna Andersson'])).toHaveLength(1);
  });
});

describe('the privacy guard in check and publicera', () => {
  it('check warns at the file, line and column, with the number masked', () => {
    const root = scratchCopy(EXAMPLE);
    edit(root, VAXTKRAFT, 'Uppföljning sker löpande.', `Uppföljning sker löpande. Kontakt: ${PNR}.`);
    const found = check(root).findings.filter((f) => f.code.startsWith('integritet.'));
    expect(found).toHaveLength(1);
    const [f] = found;
    const lines = readFileSync(path.join(root, VAXTKRAFT), 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes(PNR));
    expect(f).toMatchObject({ code: 'integritet.personnummer', severity: 'varning', line: line + 1 });
    expect(f!.file.endsWith('vaxtkraft.yaml')).toBe(true);
    expect(f!.column).toBe(lines[line]!.indexOf(PNR) + 1);
    expect(f!.message).toContain('19XXXXXX-XXXX');
    expect(JSON.stringify(f)).not.toContain('9876');
  });

  it('publicera refuses, writes nothing and never shows the digits', async () => {
    const root = scratchCopy(EXAMPLE);
    edit(
      root,
      'moten/2024-09-12/mote.yaml',
      'plats: Regionens hus,',
      `plats: Regionens hus (anmälan ${PNR.slice(2)}),`,
    );
    const out = siteDir();
    const result = await cli(['publicera', root, '--out', out, '--utan-pdf']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/mote\.yaml:\d+:\d+: fel \[integritet\.personnummer\]/);
    expect(result.out).toContain('XXXXXX-XXXX');
    expect(`${result.out}${result.err}`).not.toContain('9876');
    expect(result.err).toContain('inget publicerades');
    expect(existsSync(out)).toBe(false);
  });

  it('a finding is accepted only by a note naming who decided', () => {
    const root = scratchCopy(EXAMPLE);
    edit(root, VAXTKRAFT, 'Uppföljning sker löpande.', 'Uppföljning sker löpande. Frågor: 070-123 45 67.');
    expect(check(root).findings.filter((f) => f.code === 'integritet.telefon')).toHaveLength(1);
    edit(
      root,
      VAXTKRAFT,
      'undertecknare: Karin Ekholm',
      'undertecknare: Karin Ekholm\npublicering: { godkänt_av: "Karin Ekholm, förbundschef" }',
    );
    // Who decided, and why: an acceptance without a reason is itself an error.
    expect(check(root).findings.filter((f) => f.message.includes('skälet till att fyndet godkänns'))).toHaveLength(1);
    edit(
      root,
      VAXTKRAFT,
      'publicering: { godkänt_av: "Karin Ekholm, förbundschef" }',
      'publicering: { godkänt_av: "Karin Ekholm, förbundschef", skäl: Insatsens växel, gäller: [integritet.telefon] }',
    );
    expect(
      check(root).findings.filter((f) => f.code.startsWith('integritet.') || f.code.startsWith('schema.')),
    ).toEqual([]);
  });

  it('names of the individuals an ärende concerns are found wherever they are written', () => {
    const root = scratchCopy(EXAMPLE);
    edit(
      root,
      VAXTKRAFT,
      'undertecknare: Karin Ekholm',
      'undertecknare: Karin Ekholm\nrör_enskilda: { deltagare: [Nils Nilsson] }',
    );
    edit(root, PLATTFORM, /ärendet: \|\n/, 'ärendet: |\n  Nils Nilsson har deltagit.\n');
    const names = check(root).findings.filter((f) => f.code === 'integritet.namn');
    expect(names.map((f) => path.basename(f.file))).toEqual(['plattform-for-individstod-i-samverkan.yaml']);
  });
});

describe('the site', () => {
  it('publishes the example: an index, the meeting page and a page per handling, the same bytes every time', async () => {
    const [a, b] = [siteDir(), siteDir()];
    const first = await publish(EXAMPLE, a, { pdf: false });
    await publish(EXAMPLE, b, { pdf: false });
    expect(first.pdfSkipped).toBeDefined();
    expect(first.written).toContain('index.html');
    expect(first.written).toContain('2024-09-12/index.html');
    // The index, the meeting page, the 38 handlingar of the kallelse, the protokoll and its anslagsbevis.
    expect(first.written.filter((f) => f.endsWith('.html'))).toHaveLength(2 + 38 + 2);
    for (const file of first.written)
      expect(readFileSync(path.join(a, file)), file).toEqual(readFileSync(path.join(b, file)));
    const meeting = readFileSync(path.join(a, '2024-09-12/index.html'), 'utf8');
    expect(meeting).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(meeting).toContain('<h1>Förbundsstyrelsens sammanträde 12 september 2024</h1>');
    expect(meeting).toContain('<dt>Plats</dt><dd>Regionens hus, Uppsala, konferensrum Askholmen</dd>');
    expect(meeting).toContain('<a href="05.1b-budget-vaxtkraft.html">Bilaga 5.1: Budget</a>');
    expect(meeting).toMatch(/Protokoll 2024-09-12<\/th><td>justerat 2024-09-26<\/td>/);
    expect(meeting).toMatch(/Anslagsbevis<\/th><td>uppsatt 2024-09-\d\d, tas ned tidigast 2024-10-\d\d<\/td>/);
    expect(meeting).not.toContain('protokollsutdrag');
    expect(meeting).not.toContain('<script');
    expect(meeting).not.toContain('.pdf');
  });

  it('leaves out a sekretess handling and says why; a withheld ärende is not scanned', async () => {
    const root = scratchCopy(EXAMPLE);
    edit(
      root,
      VAXTKRAFT,
      'undertecknare: Karin Ekholm',
      `undertecknare: Karin Ekholm\nsekretess: { referens: "OSL 26 kap. 1 §" }`,
    );
    edit(root, VAXTKRAFT, 'Uppföljning sker löpande.', `Uppföljning sker löpande. ${PNR}`);
    edit(
      root,
      'moten/2024-09-12/ansokningar/framsteget.yaml',
      /^insats: Framsteget$/m,
      'insats: Framsteget\npublicering: { publiceras: nej, skäl: Ansökan innehåller uppgifter om enskilda }',
    );
    const out = siteDir();
    const result = await publish(root, out, { pdf: false });
    expect(result.plan.blocking).toEqual([]);
    const files = readdirSync(path.join(out, '2024-09-12'));
    expect(files.filter((f) => f.includes('vaxtkraft'))).toEqual([]);
    expect(files.filter((f) => f.includes('framsteget'))).toEqual(['07-tjansteskrivelse-framsteget.html']);
    const meeting = readFileSync(path.join(out, '2024-09-12/index.html'), 'utf8');
    expect(meeting).toContain(
      'Bilaga 5: Tjänsteskrivelse. <strong class="innehålls">Handlingen publiceras inte.</strong> Sekretess enligt OSL 26 kap. 1 §.',
    );
    expect(meeting).toContain(
      'Bilaga 7.1: Budget. <strong class="innehålls">Handlingen publiceras inte.</strong> Ansökan innehåller uppgifter om enskilda.',
    );
    expect(readdirSync(out, { recursive: true }).map(String).join('\n')).not.toContain('vaxtkraft');
    // The protokoll holds the withheld §, so it is withheld as a whole; the anslagsbevis is not.
    expect(files.filter((f) => f.includes('protokoll'))).toEqual([]);
    expect(meeting).toContain(
      'protokollet har en paragraf som inte publiceras (punkt 5: Sekretess enligt OSL 26 kap. 1 §.)',
    );
    expect(files).toContain('01-anslagsbevis.html');
  });

  it('withholds one bilaga and leaves the rest of its ärende published; a samordningsnummer in an ansökan is found', async () => {
    const root = scratchCopy(EXAMPLE);
    const riktlinjer = 'moten/2024-09-12/arenden/riktlinjer-allmanna-handlingar.yaml';
    edit(
      root,
      riktlinjer,
      '    text: |\n      Riktlinjerna gäller',
      '    publicering: { publiceras: nej, skäl: Utkast som inte är färdigt }\n    text: |\n      Kontakt 19811278-9873. Riktlinjerna gäller',
    );
    expect(check(root).findings.filter((f) => f.code.startsWith('integritet.'))).toEqual([]);
    const out = siteDir();
    await publish(root, out, { pdf: false });
    const files = readdirSync(path.join(out, '2024-09-12'));
    expect(files).toContain('16-tjansteskrivelse-riktlinjer-allmanna-handlingar.html');
    expect(files).not.toContain('16.1-bilaga-riktlinjer-allmanna-handlingar.html');
    expect(readFileSync(path.join(out, '2024-09-12/index.html'), 'utf8')).toContain(
      'Handlingen publiceras inte.</strong> Utkast som inte är färdigt.',
    );
    edit(
      root,
      'moten/2024-09-12/ansokningar/min-framtid.yaml',
      'effektmål: >-',
      'effektmål: >-\n    Deltagare 811278-9873.',
    );
    const found = check(root).findings.filter((f) => f.code.startsWith('integritet.'));
    expect(found.map((f) => `${f.code} ${path.basename(f.file)}`)).toEqual([
      'integritet.samordningsnummer min-framtid.yaml',
    ]);
    expect(found[0]!.message).toContain('XXXXXX-XXXX');
  });

  it('removes what an earlier publication wrote and is no longer published, and refuses a folder it did not write', async () => {
    const root = scratchCopy(EXAMPLE);
    const out = siteDir();
    await publish(root, out, { pdf: false });
    expect(existsSync(path.join(out, '2024-09-12/05-tjansteskrivelse-vaxtkraft.html'))).toBe(true);
    edit(
      root,
      VAXTKRAFT,
      'undertecknare: Karin Ekholm',
      'undertecknare: Karin Ekholm\npublicering: { publiceras: nej, skäl: Enskild }',
    );
    await publish(root, out, { pdf: false });
    expect(existsSync(path.join(out, '2024-09-12/05-tjansteskrivelse-vaxtkraft.html'))).toBe(false);
    const other = siteDir();
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, 'viktig.txt'), 'x');
    await expect(publish(root, other, { pdf: false })).rejects.toThrow(/inte en webbplats som handlingar skrivit/);
  });

  it('publishes a second förbund (Norrdal) with its own organ and meeting', () => {
    const plan = planSite(NORRDAL, { pdf: false });
    expect(plan.blocking).toEqual([]);
    const index = plan.files.get('index.html') as string;
    expect(index).toContain('<h2>Styrelsen</h2>');
    expect(index).toContain('<a href="2024-11-19/index.html">19 november 2024</a>');
    expect(plan.files.get('2024-11-19/index.html')).toContain('Kommunhuset i Fjällnäs');
  });

  it('refuses an output folder inside the content', async () => {
    const root = scratchCopy(EXAMPLE);
    const result = await cli(['publicera', root, '--out', path.join(root, 'webb'), '--utan-pdf']);
    expect(result.code).toBe(2);
  });
});
