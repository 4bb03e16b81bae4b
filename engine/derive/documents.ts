// The documents of a meeting and the data each template receives: the kallelse, then for
// every ärende its tjänsteskrivelse (bilaga N), for an ansökan the application and its
// budget (bilaga N.1), and any further bilagor (N.2, …). Every figure here is derived from
// the validated model; nothing is typed twice.
import path from 'node:path';
import type { Ansokan, Arende, BudgetLine, BudgetPart, Forbund, Mote } from '../../schemas/index.js';
import type {
  AnsokanData,
  BilagaData,
  BudgetData,
  KallelseData,
  TemplateKind,
  TjansteskrivelseData,
} from '../../schemas/templates.js';
import {
  formatDateInDecision,
  formatKronor,
  formatMeetingDay,
  formatPercent,
  formatTimeSpan,
} from '../format/swedish.js';
import type { MeetingModel } from '../load/content.js';
import { richTextToOoxml, inlineRuns } from '../render/richtext.js';
import { table, type Cell } from '../render/ooxml.js';
import { GROUPS, groupTotals, lineByParty, lineTotal, partTotals, periodYears, requestedTotal } from './budget.js';
import { handlingText, numberAgenda } from './agenda.js';
import { deriveDecision } from './decision.js';
import { arendeFigures, fillFigures, type Figures } from './figures.js';
import { applicationSummary, economyTable } from './tables.js';

export interface PlannedDocument {
  /** File name without extension; sorts in agenda order: "05-tjansteskrivelse-vaxtkraft". */
  name: string;
  kind: TemplateKind;
  /** For a bilaga that is an existing file: its absolute path, copied instead of rendered. */
  copyFrom?: string;
  /** How the föredragningslista names it, for listings and PDF bookmarks. */
  title: string;
  /** Its bilaga number ("5", "5.1"); none for the kallelse. */
  bilaga?: string;
  data: KallelseData | TjansteskrivelseData | AnsokanData | BudgetData | BilagaData;
  /** Numbered lists in the rich text, each needing its own numbering instance. */
  numberedLists: number;
}

/**
 * Writes rich-text fields of one document as OOXML paragraphs, numbering its numbered lists
 * so that each restarts at 1. An absent field says so rather than leaving a blank.
 */
function richWriter() {
  let numberedLists = 0;
  return {
    paragraphs(markdown: string | undefined, absent = 'Uppgift saknas i ansökan.'): string {
      const result = richTextToOoxml(
        markdown ?? `*${absent}*`,
        { paragraphStyle: 'Brodtext', listStyle: 'Liststycke' },
        numberedLists,
      );
      numberedLists += result.numberedLists;
      return result.xml;
    },
    get numberedLists() {
      return numberedLists;
    },
  };
}
type Rich = ReturnType<typeof richWriter>;

const kr = (ore: number) => `${formatKronor(ore)} kr`;
const pad = (n: number) => String(n).padStart(2, '0');

const ROLE_TITLE: Record<string, string> = {
  förbundschef: 'Förbundschef',
  verksamhetsutvecklare: 'Verksamhetsutvecklare',
  processtödjare: 'Processtödjare',
  ekonom: 'Ekonom',
  administratör: 'Administratör',
};

function kallelse(forbund: Forbund, mote: Mote, items: ReturnType<typeof numberAgenda>): KallelseData {
  const chair = forbund.styrelse.ordinarie.find((member) => member.uppdrag === 'ordförande');
  const person = (member: { namn: string; parti?: string; uppdrag?: string }) => ({
    text: [`${member.namn}${member.parti ? ` (${member.parti})` : ''}`, member.uppdrag].filter(Boolean).join(', '),
  });
  return {
    förbund: forbund.namn,
    rubrik: `Kallelse till ${mote.organ.toLowerCase()}s sammanträde`,
    dag: formatMeetingDay(mote.datum),
    tid: formatTimeSpan(mote.tid.från, mote.tid.till),
    plats: mote.plats,
    förhinder: mote.förhinder,
    medlemmar: forbund.medlemmar.map((member) => ({ namn: member.namn })),
    ordinarie: forbund.styrelse.ordinarie.map(person),
    ersättare: forbund.styrelse.ersättare.map(person),
    kansli: forbund.kansli.map((member) => ({ text: `${member.namn}, ${member.roll}` })),
    punkter: items.map((item) => {
      const typed = mote.dagordning[item.index]!;
      const rubrik = item.arende?.rubrik ?? typed.rubrik ?? '';
      const first = item.number === 1;
      return {
        nr: String(item.number),
        rubrik: `<w:p><w:pPr><w:pStyle w:val="Tabelltext"/></w:pPr>${inlineRuns(rubrik)}</w:p>`,
        föredragande: item.arende?.föredragande ?? typed.föredragande ?? '',
        uppgifter: first
          ? `Förslag: ${mote.justering.justerare}. Justering ${formatMeetingDay(mote.justering.datum)}.`
          : item.bilagor.length > 0
            ? `Handling – ${handlingText(item.bilagor)}`
            : typed.information
              ? 'Information'
              : '',
      };
    }),
    ordförande: chair?.namn ?? '',
  };
}

/** The standard att-satser of a grant, with the förbund's fixed conditions after them. */
export function decisionClauses(forbund: Forbund, ansokan: Ansokan, arende: Arende): string[] {
  if (arende.förslag_till_beslut?.ersätt_standard) return [];
  const decision = deriveDecision(ansokan, arende);
  return [
    `att bevilja finansiellt stöd enligt ansökan för insatsen *${ansokan.insats}* för perioden ${formatDateInDecision(decision.från)} fram till ${formatDateInDecision(decision.till)}, med maximalt ${formatKronor(decision.beviljat)} kronor.`,
    ...forbund.texter.villkor,
  ];
}

interface ArendeContext {
  forbund: Forbund;
  mote: Mote;
  ansokan: Ansokan | undefined;
  bilaga: string;
  /** Figures the texts may cite as {{name}}. */
  figures: Figures;
  /** The derived table the ärende shows, as OOXML, or ''. */
  tabell: string;
}

function tjansteskrivelse(rich: Rich, arende: Arende, context: ArendeContext): TjansteskrivelseData {
  const { forbund, mote, ansokan, bilaga, figures } = context;
  const fill = (text: string | undefined) => (text === undefined ? undefined : fillFigures(text, figures));
  const clauses = [
    ...(ansokan ? decisionClauses(forbund, ansokan, arende) : []),
    ...(arende.förslag_till_beslut?.att ?? []).map((clause) => fill(clause)!),
  ];
  const signer = forbund.kansli.find((member) => member.namn === arende.undertecknare);
  return {
    förbund: forbund.namn,
    bilaga: `Bilaga ${bilaga}`,
    möte: `${mote.organ} ${mote.datum}`,
    rubrik: `<w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr>${inlineRuns(arende.rubrik)}</w:p>`,
    föreslås: `${arende.förslag_till_beslut?.organ ?? mote.organ} föreslås besluta`,
    att: clauses.map((clause) => ({ text: rich.paragraphs(clause.startsWith('att ') ? clause : `att ${clause}`) })),
    har_justeringar: arende.justeringar.length > 0,
    justeringar: arende.justeringar.map((j) => ({
      belopp: kr(-j.belopp),
      skäl: j.skäl,
      föreslagen_av: j.föreslagen_av,
    })),
    ärendet: rich.paragraphs(fill(arende.ärendet), 'Ingen ärendebeskrivning.'),
    tabell: context.tabell,
    bedömning: rich.paragraphs(fill(arende.bedömning), 'Ingen bedömning.'),
    undertecknare: arende.undertecknare,
    titel: ROLE_TITLE[signer?.roll ?? 'förbundschef']!,
  };
}

const TYPE_LABEL = { individinsats: 'Individinsats', strukturinsats: 'Strukturinsats' } as const;
const KIND_LABEL = { ny: 'Ny', förlängning: 'Förlängning', tillägg: 'Tilläggsansökan' } as const;

function application(rich: Rich, forbund: Forbund, ansokan: Ansokan, bilaga: string): AnsokanData {
  const requested = requestedTotal(ansokan.budget);
  const own = ansokan.budget.egenfinansiering
    ? partTotals(ansokan.budget.egenfinansiering, ansokan.budget.parter).total
    : 0;
  const age = ansokan.målgrupp.ålder;
  return {
    förbund: forbund.namn,
    bilaga: `Bilaga ${bilaga}`,
    insats: ansokan.insats,
    typ: TYPE_LABEL[ansokan.typ],
    ansökningstyp: KIND_LABEL[ansokan.ansökningstyp],
    insatsägare: ansokan.insatsägare,
    samverkansparter: ansokan.samverkansparter.join(', ') || 'Inga',
    målgrupp: rich.paragraphs(ansokan.målgrupp.beskrivning),
    ålder: age ? `${age.från}–${age.till} år` : 'Ej angiven',
    från: ansokan.period.från,
    till: ansokan.period.till,
    sista_intag: ansokan.sista_intag ?? 'Ej angivet',
    deltagare: ansokan.deltagare_per_år ? `${ansokan.deltagare_per_år} per år` : 'Ej angivet',
    bakgrund: rich.paragraphs(ansokan.bakgrund),
    syfte: rich.paragraphs(ansokan.syfte),
    effektmål: rich.paragraphs(ansokan.mål.effektmål),
    resultatmål: rich.paragraphs(
      ansokan.mål.resultatmål.length ? ansokan.mål.resultatmål.map((goal) => `1. ${goal}`).join('\n') : undefined,
    ),
    metoder: rich.paragraphs(ansokan.metoder),
    samverkan: rich.paragraphs(ansokan.samverkan),
    uppföljning: rich.paragraphs(ansokan.uppföljning),
    spridning: rich.paragraphs(ansokan.spridning),
    lokusgrupp: ansokan.lokusgrupp.diskuterad ? 'Ja' : 'Nej',
    lokusgrupp_hur: rich.paragraphs(ansokan.lokusgrupp.hur, 'Ingen beskrivning.'),
    sökt: kr(requested),
    egenfinansiering: kr(own),
    total: kr(requested + own),
    överenskommelse: forbund.texter.överenskommelse.map((section) => ({ rubrik: section.rubrik, text: section.text })),
    underskrifter: ansokan.underskrifter.map((s) => ({
      organisation: s.organisation,
      roll: s.roll,
      namn: s.namn,
      kontaktperson: s.kontaktperson ?? '',
    })),
  };
}

/** How a budget line is named in the tables: its post, and its remark when it has one. */
const lineLabel = (line: BudgetLine) => (line.anmärkning ? `${line.post} (${line.anmärkning})` : line.post);

const GROUP_TITLE = { lön: 'Lönekostnad inkl. PO-påslag', lokal: 'Lokalkostnad', övrigt: 'Övriga kostnader' } as const;
const GROUP_SUM = { lön: 'Summa lönekostnad', lokal: 'Summa lokalkostnad', övrigt: 'Summa övriga kostnader' } as const;

function budgetTables(ansokan: Ansokan) {
  const { budget } = ansokan;
  const unit = budget.enhet;
  const amount = (ore: number | undefined) =>
    ore === undefined ? '' : formatKronor(unit === 'tkr' ? Math.round(ore / 1000) : ore);
  const parties = budget.parter;
  const number = (text: string, bold = false): Cell => ({ text, align: 'right', bold });
  const width = 13958; // landscape A4 text width in twentieths of a point
  const partyWidth = Math.floor((width - 6700) / (parties.length + 1));
  const detailWidths = [
    width - 3300 - partyWidth * (parties.length + 1),
    800,
    1250,
    1250,
    ...parties.map(() => partyWidth),
    partyWidth,
  ];
  const columns = detailWidths.length;

  const detailRows: Cell[][] = [
    [
      { text: 'Post', bold: true },
      { text: 'Tjänst', bold: true },
      { text: 'Från', bold: true },
      { text: 'Till', bold: true },
      ...parties.map((p) => number(p, true)),
      number('Totalt', true),
    ],
  ];
  const partRows = (part: BudgetPart, title: string, sumTitle: string) => {
    detailRows.push([{ text: title, bold: true, span: columns, shade: true }]);
    for (const group of GROUPS) {
      detailRows.push([{ text: GROUP_TITLE[group], bold: true, span: columns }]);
      for (const line of part[group].rader) {
        const byParty = lineByParty(line, parties);
        detailRows.push([
          { text: lineLabel(line) },
          number(line.tjänst === undefined ? '' : formatPercent(line.tjänst)),
          { text: line.från ?? '' },
          { text: line.till ?? '' },
          ...parties.map((p) => number(amount(byParty[p]))),
          number(amount(lineTotal(line))),
        ]);
      }
      const totals = groupTotals(part[group], parties);
      detailRows.push([
        { text: GROUP_SUM[group], bold: true },
        number(totals.fte ? formatPercent(totals.fte) : '', true),
        { text: '' },
        { text: '' },
        ...parties.map((p) => number(amount(totals.byParty[p] ?? 0), true)),
        number(amount(totals.total), true),
      ]);
    }
    const totals = partTotals(part, parties);
    detailRows.push([
      { text: sumTitle, bold: true, span: 4 },
      ...parties.map((p) => number(amount(totals.byParty[p] ?? 0), true)),
      number(amount(totals.total), true),
    ]);
    return totals;
  };
  const requested = partRows(
    budget.rekvirera,
    'Kostnad att rekvirera från Samordningsförbundet',
    'Summa från Samordningsförbundet',
  );
  const empty = { rader: [] };
  const own = partRows(
    budget.egenfinansiering ?? { lön: empty, lokal: empty, övrigt: empty },
    'Egenfinansiering',
    'Summa egenfinansiering',
  );
  detailRows.push([
    { text: 'Total kostnad för insatsen', bold: true, span: 4, shade: true },
    ...parties.map((p) => ({
      ...number(amount((requested.byParty[p] ?? 0) + (own.byParty[p] ?? 0)), true),
      shade: true,
    })),
    { ...number(amount(requested.total + own.total), true), shade: true },
  ]);

  const years = periodYears(ansokan.period);
  const yearWidth = Math.min(1600, Math.floor((width - 4000) / (years.length + 1)));
  const yearWidths = [width - yearWidth * (years.length + 1), yearWidth, ...years.map(() => yearWidth)];
  const yearRows: Cell[][] = [
    [{ text: 'Post', bold: true }, number('Totalt', true), ...years.map((y) => number(y, true))],
  ];
  for (const group of GROUPS) {
    const { rader, per_år } = budget.rekvirera[group];
    if (rader.length === 0 && !per_år) continue;
    yearRows.push([{ text: GROUP_TITLE[group], bold: true, span: yearWidths.length }]);
    if (per_år) {
      yearRows.push([
        { text: `${GROUP_TITLE[group]}, hela gruppen` },
        number(amount(rader.reduce((a, l) => a + lineTotal(l), 0))),
        ...years.map((y) => number(amount(per_år[y]))),
      ]);
    } else {
      for (const line of rader) {
        yearRows.push([
          { text: lineLabel(line) },
          number(amount(lineTotal(line))),
          ...years.map((y) => number(line.per_år ? amount(line.per_år[y] ?? 0) : '–')),
        ]);
      }
    }
  }
  yearRows.push([
    { text: 'Summa från Samordningsförbundet', bold: true, shade: true },
    { ...number(amount(requested.total), true), shade: true },
    ...years.map((y) => ({ ...number(amount(requested.byYear[y] ?? 0), true), shade: true })),
  ]);

  return {
    detaljerad: table(detailWidths, detailRows),
    per_år: table(yearWidths, yearRows),
    requested,
    own,
    amount,
  };
}

function budgetDocument(forbund: Forbund, ansokan: Ansokan, bilaga: string): BudgetData {
  const { detaljerad, per_år, requested, own, amount } = budgetTables(ansokan);
  const parties = ansokan.budget.parter;
  return {
    förbund: forbund.namn,
    bilaga: `Bilaga ${bilaga}`,
    insats: ansokan.insats,
    period: `${ansokan.period.från} – ${ansokan.period.till}`,
    enhet: ansokan.budget.enhet,
    detaljerad,
    per_år,
    sammanställning: parties.map((part) => {
      const r = requested.byParty[part] ?? 0;
      const o = own.byParty[part] ?? 0;
      return { part, rekvirera: amount(r), egenfinansiering: amount(o), totalt: amount(r + o) };
    }),
    summa_rekvirera: amount(requested.total),
    summa_egenfinansiering: amount(own.total),
    summa_totalt: amount(requested.total + own.total),
  };
}

const PORTRAIT_WIDTH = 9638; // A4 text width in twentieths of a point

/** Sammanställning av ansökningar, as a table after the text of ärende 4. */
function summaryTable(meeting: MeetingModel): string {
  const { rows, sökt, justeringar, beviljat } = applicationSummary(meeting);
  const number = (ore: number, bold = false): Cell => ({ text: formatKronor(ore), align: 'right', bold });
  const widths = [2000, 1450, 1000, 700, 1250, 500, 1369, 1369];
  const header: Cell[] = [
    'Namn',
    'Parter',
    'Typ av insats',
    'Målgrupp',
    'Tid för insats',
    'Ny / FL / TL',
    'Sökt, kr',
    'Efter justering, kr',
  ].map((text) => ({ text, bold: true }));
  return (
    table(widths, [
      header,
      ...rows.map((row): Cell[] => [
        { text: row.insats },
        { text: row.parter },
        { text: row.typ },
        { text: row.målgrupp },
        { text: row.period },
        { text: row.ny_fl_tl },
        number(row.sökt),
        number(row.beviljat),
      ]),
      [
        { text: 'Summa', bold: true, span: 6, shade: true },
        { ...number(sökt, true), shade: true },
        { ...number(beviljat, true), shade: true },
      ],
      [
        {
          text: `Kansliets justeringar: ${formatKronor(-justeringar)} kr. AF = Arbetsförmedlingen, FK = Försäkringskassan, RU = Region Uppsala, FL = förlängning, TL = tilläggsansökan.`,
          span: 8,
        },
      ],
    ]) + '<w:p/>'
  );
}

/** Ekonomisk information: the förbund's multi-year table in tkr, with the meeting's ansökningar. */
function economyTableXml(meeting: MeetingModel): string {
  const derived = economyTable(meeting);
  if (!derived) return richTextToOoxml('*Förbundets ekonomi (ekonomi.yaml) saknas.*').xml;
  const widths = [PORTRAIT_WIDTH - derived.columns.length * 1050, ...derived.columns.map(() => 1050)];
  const cells = (row: (typeof derived.rows)[number]): Cell[] =>
    row.kind === 'rubrik'
      ? [{ text: row.label, bold: true, span: widths.length, shade: true }]
      : [
          { text: row.label, bold: row.kind === 'summa' },
          ...row.values.map((v): Cell => ({
            text: v === null ? '' : formatKronor(v * 100),
            align: 'right',
            bold: row.kind === 'summa',
          })),
        ];
  const note =
    'Belopp i tkr. Raderna räknas fram ur ekonomi.yaml och mötets ansökningar efter justeringar. Nya ansökningar avrundas till hela tkr så att varje kolumn summerar till sin avrundade summa (största rest); en ansökan utan fördelning per år fördelas efter antal dagar per år. Beslutsutrymmet efter ansökningarna är ackumulerat över åren.';
  return (
    table(widths, [
      [{ text: '', bold: true }, ...derived.columns.map((c): Cell => ({ text: c, bold: true, align: 'right' }))],
      ...derived.rows.map(cells),
    ]) + richTextToOoxml(`*${note}*`, { paragraphStyle: 'Tabelltext' }).xml
  );
}

/** Every document of a meeting, in agenda order. Requires the förbund and the meeting to have loaded. */
export function planDocuments(meeting: MeetingModel): PlannedDocument[] {
  const forbund = meeting.forbund?.data;
  const mote = meeting.mote?.data;
  if (!forbund || !mote) return [];
  const items = numberAgenda(mote, meeting.arenden);
  const documents: PlannedDocument[] = [
    {
      name: '00-kallelse',
      kind: 'kallelse',
      title: 'Kallelse',
      data: kallelse(forbund, mote, items),
      numberedLists: 0,
    },
  ];
  const add = (
    name: string,
    kind: TemplateKind,
    title: string,
    bilaga: string,
    build: (rich: Rich) => PlannedDocument['data'],
  ) => {
    const rich = richWriter();
    const data = build(rich);
    documents.push({ name, kind, title, bilaga, data, numberedLists: rich.numberedLists });
  };
  for (const item of items) {
    const slug = mote.dagordning[item.index]!.ärende;
    const arende = item.arende;
    if (!slug || !arende) continue;
    const n = pad(item.number);
    const title = `${item.number}. ${arende.rubrik.replace(/\*/g, '')}`;
    const ansokan = arende.ansökan ? meeting.ansokningar.get(arende.ansökan)?.data : undefined;
    add(`${n}-tjansteskrivelse-${slug}`, 'tjansteskrivelse', title, String(item.number), (rich) =>
      tjansteskrivelse(rich, arende, {
        forbund,
        mote,
        ansokan,
        bilaga: String(item.number),
        figures: arendeFigures(meeting, slug),
        tabell:
          arende.tabell === 'ansökningar'
            ? summaryTable(meeting)
            : arende.tabell === 'ekonomi'
              ? economyTableXml(meeting)
              : '',
      }),
    );
    let k = 0;
    if (ansokan) {
      k += 1;
      const bilaga = `${item.number}.${k}`;
      add(`${n}.${k}a-ansokan-${slug}`, 'ansokan', `${bilaga} Ansökan`, bilaga, (rich) =>
        application(rich, forbund, ansokan, bilaga),
      );
      add(`${n}.${k}b-budget-${slug}`, 'budget', `${bilaga} Budget`, bilaga, () =>
        budgetDocument(forbund, ansokan, bilaga),
      );
    }
    for (const attachment of arende.bilagor) {
      k += 1;
      const bilaga = `${item.number}.${k}`;
      if (attachment.fil !== undefined) {
        const copyFrom = path.resolve(meeting.absoluteDir, attachment.fil);
        const name = `${n}.${k}-bilaga-${slug}${path.extname(copyFrom).toLowerCase()}`;
        documents.push({
          name,
          kind: 'bilaga',
          title: `${bilaga} ${attachment.rubrik}`,
          bilaga,
          copyFrom,
          data: { förbund: forbund.namn, bilaga: `Bilaga ${bilaga}`, rubrik: attachment.rubrik, text: '' },
          numberedLists: 0,
        });
        continue;
      }
      add(`${n}.${k}-bilaga-${slug}`, 'bilaga', `${bilaga} ${attachment.rubrik}`, bilaga, (rich) => ({
        förbund: forbund.namn,
        bilaga: `Bilaga ${bilaga}`,
        rubrik: attachment.rubrik,
        text: rich.paragraphs(attachment.text),
      }));
    }
  }
  return documents;
}
