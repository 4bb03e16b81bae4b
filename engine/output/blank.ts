// A blank ansökningsmall for a new funding round, from the same template as the filled ones.
import path from 'node:path';
import type { Block } from '../../schemas/document.js';
import { forbundSchema, type Forbund } from '../../schemas/index.js';
import { signatureTable } from '../documents/ansokan.js';
import type { PlannedDocument } from '../documents/kind.js';
import { parseYamlFile } from '../load/yaml.js';
import { renderDocx } from '../writers/docx/render.js';
import { findTemplate } from '../writers/docx/template.js';

const FILL_IN = '…';
const empty: Block[] = [{ type: 'paragraph', style: 'body', content: [{ type: 'text', text: FILL_IN }] }];

/** The förbund alone, for commands that need its texts but no meeting. */
export function loadForbundOnly(contentRoot: string): Forbund | undefined {
  const file = path.join(contentRoot, 'forbund.yaml');
  const parsed = parseYamlFile(file, file);
  const result = forbundSchema.safeParse(parsed.data);
  return result.success ? result.data : undefined;
}

export function blankApplication(forbund: Forbund, contentRoot: string): Buffer {
  const blank: PlannedDocument<'ansokan'> = {
    name: 'ansokningsmall',
    kind: 'ansokan',
    title: 'Ansökan',
    orientation: 'portrait',
    data: {
      förbund: forbund.namn,
      bilaga: 'Ansökan',
      insats: FILL_IN,
      typ: 'Individinsats / strukturinsats',
      ansökningstyp: 'Ny / förlängning / tilläggsansökan',
      insatsägare: FILL_IN,
      samverkansparter: FILL_IN,
      målgrupp: empty,
      ålder: FILL_IN,
      från: { type: 'text', text: 'ÅÅÅÅ-MM-DD' },
      till: { type: 'text', text: 'ÅÅÅÅ-MM-DD' },
      sista_intag: 'ÅÅÅÅ-MM-DD',
      deltagare: FILL_IN,
      avsnitt: forbund.ansökningsformulär.map((section) => ({
        rubrik: section.obligatorisk ? `${section.rubrik} (obligatoriskt)` : section.rubrik,
        text: empty,
      })),
      lokal_grupp: forbund.grupper.lokal_grupp
        ? [
            {
              rubrik: forbund.grupper.lokal_grupp.rubrik,
              fråga: `Har ansökan diskuterats i ${forbund.grupper.lokal_grupp.namn}?`,
              svar: 'Ja / Nej',
              hur: empty,
            },
          ]
        : [],
      sökt: { type: 'text', text: `${FILL_IN} kr` },
      egenfinansiering: { type: 'text', text: `${FILL_IN} kr` },
      total: { type: 'text', text: `${FILL_IN} kr` },
      finansiärer: [],
      har_överenskommelse: forbund.texter.överenskommelse.length > 0,
      överenskommelse: forbund.texter.överenskommelse.map((section) => ({
        rubrik: section.rubrik,
        text: section.text,
      })),
      underskrifter: signatureTable(
        ['insatsägare', 'samverkanspart', 'samverkanspart', 'samverkanspart'].map((roll) => ({
          organisation: '',
          roll,
          namn: '',
        })),
      ),
    },
  };
  return renderDocx(findTemplate('ansokan', path.join(contentRoot, 'mallar')).bytes, blank);
}
