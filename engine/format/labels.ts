// How the papers name the parts of an ansökan and its budget: one table of labels, used by
// the checks' messages and by the documents alike, so both say the same thing.
import type { Ansokan } from '../../schemas/index.js';

export type GroupName = 'lön' | 'lokal' | 'övrigt';
export type PartName = 'rekvirera' | 'egenfinansiering';

export const GROUP_LABEL: Readonly<Record<GroupName, { title: string; sum: string; plural: string }>> = {
  lön: { title: 'Lönekostnad inkl. PO-påslag', sum: 'Summa lönekostnad', plural: 'Lönekostnaderna' },
  lokal: { title: 'Lokalkostnad', sum: 'Summa lokalkostnad', plural: 'Lokalkostnaderna' },
  övrigt: { title: 'Övriga kostnader', sum: 'Summa övriga kostnader', plural: 'Övriga kostnader' },
};

export const PART_LABEL: Readonly<Record<PartName, { title: string; sum: string; suffix: string }>> = {
  rekvirera: {
    title: 'Kostnad att rekvirera från Samordningsförbundet',
    sum: 'Summa från Samordningsförbundet',
    suffix: 'att rekvirera',
  },
  egenfinansiering: { title: 'Egenfinansiering', sum: 'Summa egenfinansiering', suffix: 'egenfinansiering' },
};

export const TYPE_LABEL: Readonly<Record<Ansokan['typ'], string>> = {
  individinsats: 'Individinsats',
  strukturinsats: 'Strukturinsats',
};

export const KIND_LABEL: Readonly<Record<Ansokan['ansökningstyp'], { long: string; short: string }>> = {
  ny: { long: 'Ny', short: 'Ny' },
  förlängning: { long: 'Förlängning', short: 'FL' },
  tillägg: { long: 'Tilläggsansökan', short: 'TL' },
};
