// Reconciliation of one ansökan's budget: every stated sum against its parts, every
// split per year against its total, every year and date against the insats period.
// Each stated sum is compared with its immediate parts (as the applicant's spreadsheet
// computes it), so one wrong figure gives one finding and not a cascade.
import type { Ansokan, BudgetGroup, BudgetPart, StatedSum, SummaryRow } from '../../schemas/index.js';
import {
  GROUPS,
  groupTotals,
  lineTotal,
  partTotals,
  periodYears,
  type GroupName,
  type PartName,
  type Totals,
} from '../derive/budget.js';
import { percentFigure, type Finding } from '../findings.js';
import { formatPercent } from '../format/swedish.js';
import { suggestClosest } from '../format/suggest.js';
import type { Loaded } from '../load/content.js';
import type { Path, SourceFile } from '../load/source.js';
import { compareAmount, kr, report, sum } from './report.js';

const GROUP_LABEL: Record<GroupName, string> = {
  lön: 'Summa lönekostnad',
  lokal: 'Summa lokalkostnad',
  övrigt: 'Summa övriga kostnader',
};
const GROUP_NAME: Record<GroupName, string> = {
  lön: 'Lönekostnaderna',
  lokal: 'Lokalkostnaderna',
  övrigt: 'Övriga kostnader',
};
const PART_LABEL: Record<PartName, string> = {
  rekvirera: 'Summa från Samordningsförbundet',
  egenfinansiering: 'Summa egenfinansiering',
};
const PART_SUFFIX: Record<PartName, string> = { rekvirera: 'att rekvirera', egenfinansiering: 'egenfinansiering' };

interface Context {
  source: SourceFile;
  ansokan: Ansokan;
  parties: readonly string[];
  years: readonly string[];
  findings: Finding[];
}

function checkPartyKeys(ctx: Context, record: Record<string, unknown> | undefined, at: Path): void {
  for (const key of Object.keys(record ?? {})) {
    if (ctx.parties.includes(key)) continue;
    const near = suggestClosest(key, ctx.parties);
    ctx.findings.push(
      report(
        'ref.part-okänd',
        ctx.source,
        [...at, key],
        `«${key}» är inte en av budgetens parter (${ctx.parties.join(', ')})${near ? `; menade du «${near}»?` : ''}`,
        { onKey: true },
      ),
    );
  }
}

function checkYears(ctx: Context, perYear: Record<string, number> | undefined, at: Path): void {
  for (const year of Object.keys(perYear ?? {})) {
    if (ctx.years.includes(year)) continue;
    ctx.findings.push(
      report(
        'budget.år-utanför-period',
        ctx.source,
        [...at, year],
        `året ${year} ligger utanför insatsens period ${ctx.ansokan.period.från}–${ctx.ansokan.period.till}`,
        { onKey: true, hint: `Tillåtna år: ${ctx.years.join(', ')}.` },
      ),
    );
  }
}

/**
 * A stated sum (per party, total, tjänst, per year) against what its lines add up to, and
 * against its immediate parts as stated, when it has stated parts (see compareAmount).
 */
function checkStatedSum(
  ctx: Context,
  stated: StatedSum | undefined,
  at: Path,
  label: string,
  lines: Totals,
  partsName: string,
  immediate?: Totals,
): void {
  if (!stated) return;
  const code = label.startsWith('Total') ? 'budget.total' : 'budget.delsumma';
  checkPartyKeys(ctx, stated.parter, [...at, 'parter']);
  for (const [party, value] of Object.entries(stated.parter ?? {})) {
    if (!ctx.parties.includes(party)) continue;
    ctx.findings.push(
      ...compareAmount(
        code,
        ctx.source,
        [...at, 'parter', party],
        `${label}, ${party},`,
        value,
        lines.byParty[party] ?? 0,
        partsName,
        undefined,
        immediate?.byParty[party] ?? 0,
      ),
    );
  }
  ctx.findings.push(
    ...compareAmount(
      code,
      ctx.source,
      [...at, 'totalt'],
      `${label}, totalt,`,
      stated.totalt,
      lines.total,
      partsName,
      undefined,
      immediate?.total,
    ),
  );
  if (stated.tjänst !== undefined && stated.tjänst !== lines.fte) {
    ctx.findings.push(
      report(
        'budget.tjänst',
        ctx.source,
        [...at, 'tjänst'],
        `${label}: tjänst i % är angiven till ${formatPercent(stated.tjänst, ' ')}, men raderna summerar till ${formatPercent(lines.fte, ' ')}.`,
        {
          expected: percentFigure(lines.fte),
          found: percentFigure(stated.tjänst),
        },
      ),
    );
  }
  checkYears(ctx, stated.per_år, [...at, 'per_år']);
  for (const [year, value] of Object.entries(stated.per_år ?? {})) {
    ctx.findings.push(
      ...compareAmount(
        'budget.delsumma-per-år',
        ctx.source,
        [...at, 'per_år', year],
        `${label} för ${year}`,
        value,
        lines.byYear[year] ?? 0,
        'fördelningen per år av raderna ger',
        undefined,
        immediate?.byYear[year] ?? 0,
      ),
    );
  }
}

function checkGroup(ctx: Context, group: BudgetGroup, at: Path, label: string): Totals {
  group.rader.forEach((line, index) => {
    const lineAt: Path = [...at, 'rader', index];
    const name = `«${line.post}»`;
    if (typeof line.belopp !== 'number') checkPartyKeys(ctx, line.belopp, [...lineAt, 'belopp']);
    const total = lineTotal(line);
    const parts = typeof line.belopp === 'number' ? 'beloppet är' : 'partskolumnerna summerar till';
    ctx.findings.push(
      ...compareAmount(
        'budget.radsumma',
        ctx.source,
        [...lineAt, 'summa'],
        `Radsumman för ${name}`,
        line.summa,
        total,
        parts,
      ),
    );
    if (line.från && line.till && line.från > line.till) {
      ctx.findings.push(
        report(
          'datum.ordning',
          ctx.source,
          [...lineAt, 'till'],
          `${name} slutar ${line.till}, före sitt startdatum ${line.från}`,
        ),
      );
    }
    for (const [key, date] of [
      ['från', line.från],
      ['till', line.till],
    ] as const) {
      if (date && (date < ctx.ansokan.period.från || date > ctx.ansokan.period.till)) {
        ctx.findings.push(
          report(
            'budget.radperiod',
            ctx.source,
            [...lineAt, key],
            `${name}: ${key} ${date} ligger utanför insatsens period ${ctx.ansokan.period.från}–${ctx.ansokan.period.till}`,
          ),
        );
      }
    }
    if (line.per_år) {
      checkYears(ctx, line.per_år, [...lineAt, 'per_år']);
      const split = sum(Object.values(line.per_år));
      ctx.findings.push(
        ...compareAmount(
          'budget.rad-per-år',
          ctx.source,
          [...lineAt, 'per_år'],
          `Fördelningen per år av ${name}`,
          split,
          total,
          'posten är på',
          `Fördela ${kr(Math.abs(total - split))} ${split < total ? 'som saknas' : 'för mycket'} på åren ${ctx.years.join('–')}.`,
        ),
      );
    }
  });
  const totals = groupTotals(group, ctx.parties);
  if (group.per_år) {
    checkYears(ctx, group.per_år, [...at, 'per_år']);
    const lineSum = sum(group.rader.map(lineTotal));
    const split = sum(Object.values(group.per_år));
    ctx.findings.push(
      ...compareAmount(
        'budget.grupp-per-år',
        ctx.source,
        [...at, 'per_år'],
        `Fördelningen per år av ${label.replace('Summa ', '').toLowerCase()}`,
        split,
        lineSum,
        'posterna är på',
      ),
    );
  }
  checkStatedSum(ctx, group.summa, [...at, 'summa'], label, totals, 'raderna summerar till');
  return totals;
}

/** A sum's figures as the applicant stated them, falling back on the computed ones. */
function statedOr(stated: StatedSum | undefined, computed: Totals): Totals {
  return {
    byParty: { ...computed.byParty, ...(stated?.parter ?? {}) },
    total: stated?.totalt ?? computed.total,
    fte: computed.fte,
    byYear: { ...computed.byYear, ...(stated?.per_år ?? {}) },
  };
}

function combine(list: readonly Totals[]): Totals {
  const result: Totals = { byParty: {}, total: 0, fte: 0, byYear: {} };
  for (const totals of list) {
    for (const [party, value] of Object.entries(totals.byParty))
      result.byParty[party] = (result.byParty[party] ?? 0) + value;
    for (const [year, value] of Object.entries(totals.byYear)) result.byYear[year] = (result.byYear[year] ?? 0) + value;
    result.total += totals.total;
    result.fte += totals.fte;
  }
  return result;
}

/** Checks a part; returns what its lines add up to, and the part's figures as stated where they are. */
function checkPart(ctx: Context, part: BudgetPart, name: PartName): { lines: Totals; stated: Totals } {
  const at: Path = ['budget', name];
  const groups = GROUPS.map((group) => ({
    group: part[group],
    totals: checkGroup(ctx, part[group], [...at, group], `${GROUP_LABEL[group]} (${PART_SUFFIX[name]})`),
  }));
  const lines = combine(groups.map(({ totals }) => totals));
  const immediate = combine(groups.map(({ group, totals }) => statedOr(group.summa, totals)));
  checkStatedSum(ctx, part.summa, [...at, 'summa'], PART_LABEL[name], lines, 'raderna summerar till', immediate);
  const total = part.summa?.totalt ?? lines.total;
  ctx.findings.push(
    ...compareAmount(
      'budget.avstämning',
      ctx.source,
      [...at, 'avstämning_per_år'],
      '«S:a per år för avstämning»',
      part.avstämning_per_år,
      total,
      `${PART_LABEL[name].toLowerCase()} är`,
    ),
  );
  return { lines, stated: statedOr(part.summa, lines) };
}

/** Every line to rekvirera must be split per year when the insats spans several years. */
function checkSplitCoverage(ctx: Context, part: BudgetPart): void {
  if (ctx.years.length < 2) return;
  const groupsSplit = GROUPS.map(
    (group) => part[group].per_år !== undefined || part[group].rader.some((line) => line.per_år),
  );
  if (!groupsSplit.some(Boolean)) {
    const total = partTotals(part, ctx.parties).total;
    if (total > 0) {
      ctx.findings.push(
        report(
          'budget.fördelning-saknas',
          ctx.source,
          ['budget', 'rekvirera'],
          `Budgeten saknar fördelning per år, men insatsen pågår ${ctx.years[0]}–${ctx.years.at(-1)}.`,
          { hint: 'Lägg till per_år på raderna (insatsbudget fördelad över insatstid).' },
        ),
      );
    }
    return;
  }
  for (const group of GROUPS) {
    const { rader, per_år } = part[group];
    if (per_år) continue;
    const unsplit = rader
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => !line.per_år && lineTotal(line) !== 0);
    if (unsplit.length === 0) continue;
    const hint = `Lägg till per_år för åren ${ctx.years.join(', ')}.`;
    if (!rader.some((line) => line.per_år)) {
      const total = sum(rader.map(lineTotal));
      ctx.findings.push(
        report(
          'budget.fördelning-ofullständig',
          ctx.source,
          ['budget', 'rekvirera', group],
          `${GROUP_NAME[group]} (${kr(total)}) är inte fördelade per år, fast resten av budgeten är det.`,
          { hint: `${hint} Gruppen kan fördelas som helhet.`, onKey: true },
        ),
      );
      continue;
    }
    for (const { line, index } of unsplit) {
      ctx.findings.push(
        report(
          'budget.fördelning-ofullständig',
          ctx.source,
          ['budget', 'rekvirera', group, 'rader', index],
          `«${line.post}» (${kr(lineTotal(line))}) är inte fördelad per år, fast resten av budgeten är det.`,
          { hint },
        ),
      );
    }
  }
}

export function checkBudget({ data: ansokan, source }: Loaded<Ansokan>): Finding[] {
  const { budget } = ansokan;
  const ctx: Context = { source, ansokan, parties: budget.parter, years: periodYears(ansokan.period), findings: [] };
  const requested = checkPart(ctx, budget.rekvirera, 'rekvirera');
  checkSplitCoverage(ctx, budget.rekvirera);
  const none: Totals = { byParty: {}, total: 0, fte: 0, byYear: {} };
  const own = budget.egenfinansiering
    ? checkPart(ctx, budget.egenfinansiering, 'egenfinansiering')
    : { lines: none, stated: none };
  const lines = combine([requested.lines, own.lines]);
  const immediate = combine([requested.stated, own.stated]);
  checkStatedSum(
    ctx,
    budget.total && { ...budget.total, per_år: undefined },
    ['budget', 'total'],
    'Total kostnad för insatsen',
    lines,
    'raderna summerar till',
    immediate,
  );

  const summary = budget.sammanställning;
  if (summary) {
    checkPartyKeys(ctx, summary.parter, ['budget', 'sammanställning', 'parter']);
    const check = (at: Path, label: string, row: SummaryRow, pick: (totals: Totals) => number) => {
      const what = `Budgetsammanställningen, ${label},`;
      const [requestedLines, requestedStated] = [pick(requested.lines), pick(requested.stated)];
      const [ownLines, ownStated] = [pick(own.lines), pick(own.stated)];
      ctx.findings.push(
        ...compareAmount(
          'budget.sammanställning',
          source,
          [...at, 'rekvirera'],
          `${what} att rekvirera`,
          row.rekvirera,
          requestedLines,
          'den detaljerade budgeten ger',
          undefined,
          requestedStated,
        ),
        ...compareAmount(
          'budget.sammanställning',
          source,
          [...at, 'egenfinansiering'],
          `${what} egenfinansiering`,
          row.egenfinansiering,
          ownLines,
          'den detaljerade budgeten ger',
          undefined,
          ownStated,
        ),
        ...compareAmount(
          'budget.sammanställning',
          source,
          [...at, 'totalt'],
          `${what} totalt`,
          row.totalt,
          requestedLines + ownLines,
          'den detaljerade budgeten ger',
          undefined,
          (row.rekvirera ?? requestedStated) + (row.egenfinansiering ?? ownStated),
        ),
      );
    };
    for (const [party, row] of Object.entries(summary.parter))
      check(['budget', 'sammanställning', 'parter', party], party, row, (totals) => totals.byParty[party] ?? 0);
    if (summary.summa) check(['budget', 'sammanställning', 'summa'], 'summa', summary.summa, (totals) => totals.total);
  }

  const stated = ansokan.finansiering;
  if (stated) {
    const check = (key: 'ansökt' | 'egenfinansiering' | 'total', lineValue: number, statedValue: number) =>
      ctx.findings.push(
        ...compareAmount(
          'ansökan.finansiering',
          source,
          ['finansiering', key],
          `Ansökans ${key === 'ansökt' ? 'ansökta belopp' : key === 'total' ? 'totala budget' : 'egenfinansiering'}`,
          stated[key],
          lineValue,
          'budgeten ger',
          undefined,
          statedValue,
        ),
      );
    check('ansökt', requested.lines.total, requested.stated.total);
    check('egenfinansiering', own.lines.total, own.stated.total);
    check('total', lines.total, immediate.total);
  }
  return ctx.findings;
}
