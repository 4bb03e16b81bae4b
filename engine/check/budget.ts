// Reconciliation of one ansökan's budget: every stated sum against its parts, every
// split per year against its total, every year and date against the insats period.
// Each stated sum is compared with its immediate parts (as the applicant's spreadsheet
// computes it), so one wrong figure gives one finding and not a cascade.
import { hundredthsToOre, roundToUnit, showAmount, sum } from '../money.js';
import type { AnsokanBudget, BudgetGroup, BudgetPart, StatedSum, SummaryRow } from '../../schemas/index.js';
import {
  GROUPS,
  groupTotals,
  hasCostLines,
  lineTotal,
  partTotals,
  periodYears,
  type Totals,
} from '../derive/budget.js';
import { finding, percentFigure, type Finding } from '../findings.js';
import { formatPercent } from '../format/swedish.js';
import type { Loaded } from '../load/content.js';
import type { Path, SourceFile } from '../load/source.js';
import { GROUP_LABEL, PART_LABEL, type PartName } from '../format/labels.js';
import { compareAmount } from './compare.js';
import { unknownParties, yearsOutsidePeriod } from './references.js';

interface Context {
  source: SourceFile;
  ansokan: AnsokanBudget;
  parties: readonly string[];
  years: readonly string[];
  findings: Finding[];
}

function checkPartyKeys(ctx: Context, record: Record<string, unknown> | undefined, at: Path): void {
  const names = Object.keys(record ?? {}).map((name) => ({ name, at: [...at, name], onKey: true }));
  ctx.findings.push(...unknownParties(ctx.source, ctx.ansokan, names));
}

function checkYears(ctx: Context, perYear: Record<string, number> | undefined, at: Path): void {
  ctx.findings.push(...yearsOutsidePeriod(ctx.source, ctx.ansokan, perYear, at));
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
      ...compareAmount(ctx.source, {
        code,
        at: [...at, 'parter', party],
        what: `${label}, ${party},`,
        stated: value,
        computed: lines.byParty[party] ?? 0,
        parts: partsName,
        alsoAccept: immediate?.byParty[party] ?? 0,
      }),
    );
  }
  ctx.findings.push(
    ...compareAmount(ctx.source, {
      code,
      at: [...at, 'totalt'],
      what: `${label}, totalt,`,
      stated: stated.totalt,
      computed: lines.total,
      parts: partsName,
      alsoAccept: immediate?.total,
    }),
  );
  if (stated.tjänst !== undefined && stated.tjänst !== lines.fte) {
    ctx.findings.push(
      finding(
        'budget.tjänst',
        ctx.source,
        [...at, 'tjänst'],
        `${label}: tjänst i % står som ${formatPercent(stated.tjänst, ' ')}, men raderna summerar till ${formatPercent(lines.fte, ' ')}.`,
        {
          expected: percentFigure(lines.fte),
          found: percentFigure(stated.tjänst),
        },
      ),
    );
  }
  checkYears(ctx, stated.per_år, [...at, 'per_år']);
  // With no split below it, a stated split cannot be checked; budget.fördelning-saknas says so.
  if (Object.keys(lines.byYear).length === 0 && lines.total !== 0) return;
  for (const [year, value] of Object.entries(stated.per_år ?? {})) {
    ctx.findings.push(
      ...compareAmount(ctx.source, {
        code: 'budget.delsumma-per-år',
        at: [...at, 'per_år', year],
        what: `${label} för ${year}`,
        stated: value,
        computed: lines.byYear[year] ?? 0,
        parts: 'fördelningen per år av raderna ger',
        alsoAccept: immediate?.byYear[year] ?? 0,
      }),
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
      ...compareAmount(ctx.source, {
        code: 'budget.radsumma',
        at: [...lineAt, 'summa'],
        what: `Radsumman för ${name}`,
        stated: line.summa,
        computed: total,
        parts,
      }),
    );
    if (line.från && line.till && line.från > line.till) {
      ctx.findings.push(
        finding(
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
          finding(
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
        ...compareAmount(ctx.source, {
          code: 'budget.rad-per-år',
          at: [...lineAt, 'per_år'],
          what: `Fördelningen per år av ${name}`,
          stated: split,
          computed: total,
          parts: 'posten är på',
          hint:
            split < total
              ? `Fördela de ${showAmount(total - split)} som saknas på något av åren ${ctx.years[0]}–${ctx.years.at(-1)}.`
              : `Minska något av åren ${ctx.years[0]}–${ctx.years.at(-1)} med ${showAmount(split - total)}.`,
        }),
      );
    }
  });
  const totals = groupTotals(group, ctx.parties);
  if (group.per_år) {
    checkYears(ctx, group.per_år, [...at, 'per_år']);
    const lineSum = sum(group.rader.map(lineTotal));
    const split = sum(Object.values(group.per_år));
    ctx.findings.push(
      ...compareAmount(ctx.source, {
        code: 'budget.grupp-per-år',
        at: [...at, 'per_år'],
        what: `Fördelningen per år av ${label.replace('Summa ', '').toLowerCase()}`,
        stated: split,
        computed: lineSum,
        parts: 'posterna är på',
      }),
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
    totals: checkGroup(ctx, part[group], [...at, group], `${GROUP_LABEL[group].sum} (${PART_LABEL[name].suffix})`),
  }));
  const lines = combine(groups.map(({ totals }) => totals));
  const immediate = combine(groups.map(({ group, totals }) => statedOr(group.summa, totals)));
  checkStatedSum(ctx, part.summa, [...at, 'summa'], PART_LABEL[name].sum, lines, 'raderna summerar till', immediate);
  const total = part.summa?.totalt ?? lines.total;
  ctx.findings.push(
    ...compareAmount(ctx.source, {
      code: 'budget.avstämning',
      at: [...at, 'avstämning_per_år'],
      what: '«S:a per år för avstämning»',
      stated: part.avstämning_per_år,
      computed: total,
      parts: `${PART_LABEL[name].sum.toLowerCase()} är`,
    }),
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
        finding(
          'budget.fördelning-saknas',
          ctx.source,
          ['budget', 'rekvirera'],
          `Budgeten saknar fördelning per år, men insatsen pågår ${ctx.years[0]}–${ctx.years.at(-1)}.`,
          { hint: 'Lägg till per_år på raderna (insatsbudget fördelad över insatstid).', onKey: true },
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
        finding(
          'budget.fördelning-ofullständig',
          ctx.source,
          ['budget', 'rekvirera', group],
          `${GROUP_LABEL[group].plural} (${showAmount(total)}) är inte fördelade per år, fast resten av budgeten är det.`,
          { hint: `${hint} Gruppen kan fördelas som helhet.`, onKey: true },
        ),
      );
      continue;
    }
    for (const { line, index } of unsplit) {
      ctx.findings.push(
        finding(
          'budget.fördelning-ofullständig',
          ctx.source,
          ['budget', 'rekvirera', group, 'rader', index],
          `«${line.post}» (${showAmount(lineTotal(line))}) är inte fördelad per år, fast resten av budgeten är det.`,
          { hint },
        ),
      );
    }
  }
}

export function checkBudget({ data: ansokan, source }: Loaded<AnsokanBudget>): Finding[] {
  const { budget } = ansokan;
  // A budget that is a financing plan only has no lines to reconcile; its plan is checked
  // (check/financing.ts). Without a plan, stated sums are checked even when no line is written.
  if (budget.finansiärer && !hasCostLines(budget)) return [];
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
        ...compareAmount(source, {
          code: 'budget.sammanställning',
          at: [...at, 'rekvirera'],
          what: `${what} att rekvirera`,
          stated: row.rekvirera,
          computed: requestedLines,
          parts: 'den detaljerade budgeten ger',
          alsoAccept: requestedStated,
        }),
        ...compareAmount(source, {
          code: 'budget.sammanställning',
          at: [...at, 'egenfinansiering'],
          what: `${what} egenfinansiering`,
          stated: row.egenfinansiering,
          computed: ownLines,
          parts: 'den detaljerade budgeten ger',
          alsoAccept: ownStated,
        }),
        ...compareAmount(source, {
          code: 'budget.sammanställning',
          at: [...at, 'totalt'],
          what: `${what} totalt`,
          stated: row.totalt,
          computed: requestedLines + ownLines,
          parts: 'den detaljerade budgeten ger',
          alsoAccept: (row.rekvirera ?? requestedStated) + (row.egenfinansiering ?? ownStated),
        }),
      );
    };
    for (const [party, row] of Object.entries(summary.parter))
      check(['budget', 'sammanställning', 'parter', party], party, row, (totals) => totals.byParty[party] ?? 0);
    if (summary.summa) check(['budget', 'sammanställning', 'summa'], 'summa', summary.summa, (totals) => totals.total);
  }

  const stated = ansokan.finansiering;
  if (stated) {
    // A form figure in tkr is compared with the budget rounded to whole tkr (half a tkr up).
    const inKronor = (value: number | undefined) =>
      value === undefined ? value : hundredthsToOre(value, stated.enhet);
    const rounded = (ore: number) => (stated.enhet === 'kr' ? ore : roundToUnit(ore, stated.enhet));
    const names = { ansökt: 'ansökta belopp', egenfinansiering: 'egenfinansiering', total: 'totala budget' } as const;
    const check = (key: keyof typeof names, lineValue: number, statedValue: number) =>
      ctx.findings.push(
        ...compareAmount(source, {
          code: 'ansökan.finansiering',
          at: ['finansiering', key],
          what: `Ansökans ${names[key]}`,
          stated: inKronor(stated[key]),
          computed: rounded(lineValue),
          parts: stated.enhet === 'kr' ? 'budgeten ger' : 'budgeten ger avrundat till hela tkr',
          alsoAccept: rounded(statedValue),
        }),
      );
    check('ansökt', requested.lines.total, requested.stated.total);
    check('egenfinansiering', own.lines.total, own.stated.total);
    check('total', lines.total, immediate.total);
  }
  return ctx.findings;
}
