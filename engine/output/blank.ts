// A blank ansökningsmall for a new funding round, from the same template as the filled ones.
import path from 'node:path';
import { forbundSchema, type Forbund } from '../../schemas/index.js';
import type { AnsokanData } from '../../schemas/templates.js';
import { parseYamlFile } from '../load/yaml.js';
import { renderDocx } from '../render/docx.js';
import { findTemplate } from '../render/template.js';

const FILL_IN = '…';
const emptyParagraph =
  '<w:p><w:pPr><w:pStyle w:val="Brodtext"/></w:pPr><w:r><w:t xml:space="preserve">…</w:t></w:r></w:p>';

/** The förbund alone, for commands that need its texts but no meeting. */
export function loadForbundOnly(contentRoot: string): Forbund | undefined {
  const file = path.join(contentRoot, 'forbund.yaml');
  const parsed = parseYamlFile(file, file);
  const result = forbundSchema.safeParse(parsed.data);
  return result.success ? result.data : undefined;
}

export function blankApplication(forbund: Forbund, contentRoot: string): Buffer {
  const data: AnsokanData = {
    förbund: forbund.namn,
    bilaga: 'Ansökan',
    insats: FILL_IN,
    typ: 'Individinsats / strukturinsats',
    ansökningstyp: 'Ny / förlängning / tilläggsansökan',
    insatsägare: FILL_IN,
    samverkansparter: FILL_IN,
    målgrupp: emptyParagraph,
    ålder: FILL_IN,
    från: 'ÅÅÅÅ-MM-DD',
    till: 'ÅÅÅÅ-MM-DD',
    sista_intag: 'ÅÅÅÅ-MM-DD',
    deltagare: FILL_IN,
    bakgrund: emptyParagraph,
    syfte: emptyParagraph,
    effektmål: emptyParagraph,
    resultatmål: emptyParagraph,
    metoder: emptyParagraph,
    samverkan: emptyParagraph,
    uppföljning: emptyParagraph,
    spridning: emptyParagraph,
    lokusgrupp: 'Ja / Nej',
    lokusgrupp_hur: emptyParagraph,
    sökt: `${FILL_IN} kr`,
    egenfinansiering: `${FILL_IN} kr`,
    total: `${FILL_IN} kr`,
    överenskommelse: forbund.texter.överenskommelse.map((section) => ({ rubrik: section.rubrik, text: section.text })),
    underskrifter: ['insatsägare', 'samverkanspart', 'samverkanspart', 'samverkanspart'].map((roll) => ({
      organisation: '',
      roll,
      namn: '',
      kontaktperson: '',
    })),
  };
  return renderDocx(findTemplate('ansokan', contentRoot).bytes, data, 0);
}
