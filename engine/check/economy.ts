// The förbund's economy table (ekonomisk information): every stated sum, result and
// beslutsutrymme against its parts, column by column. Like the spreadsheet it mirrors,
// each figure is compared with its immediate parts, stated where they are stated.
import type { Ekonomi } from '../../schemas/index.js';
import type { Finding, FindingCode } from '../findings.js';
import type { Loaded } from '../load/content.js';
import type { Path } from '../load/source.js';
import { compareAmount, report } from './report.js';

type Row = readonly (number | null)[];

export function checkEconomy({ data, source }: Loaded<Ekonomi>): Finding[] {
  const findings: Finding[] = [];
  const columns = data.kolumner;
  const width = columns.length;

  const rows: [Path, Row | undefined][] = [
    ...data.intäkter.map((row, i): [Path, Row] => [['intäkter', i, 'belopp'], row.belopp]),
    ...data.kostnader.map((row, i): [Path, Row] => [['kostnader', i, 'belopp'], row.belopp]),
    ...data.samverkansinsatser.beviljade.map((row, i): [Path, Row] => [
      ['samverkansinsatser', 'beviljade', i, 'belopp'],
      row.belopp,
    ]),
    ...data.samverkansinsatser.övriga.map((row, i): [Path, Row] => [
      ['samverkansinsatser', 'övriga', i, 'belopp'],
      row.belopp,
    ]),
    [['summa_intäkter'], data.summa_intäkter],
    [['samverkansinsatser', 'summa_beviljade'], data.samverkansinsatser.summa_beviljade],
    [['samverkansinsatser', 'summa_övriga'], data.samverkansinsatser.summa_övriga],
    [['samverkansinsatser', 'summa'], data.samverkansinsatser.summa],
    [['summa_kostnader'], data.summa_kostnader],
    [['resultat'], data.resultat],
    [['överskott_tidigare_år'], data.överskott_tidigare_år],
    [['beslutsutrymme'], data.beslutsutrymme],
  ];
  for (const [at, row] of rows) {
    if (row && row.length !== width) {
      findings.push(
        report(
          'ekonomi.kolumner',
          source,
          at,
          `raden har ${row.length} värden, men tabellen har ${width} kolumner (${columns.map((c) => c.rubrik).join(', ')}); skriv ~ för en tom cell`,
        ),
      );
    }
  }

  const cell = (row: Row | undefined, column: number) => row?.[column] ?? 0;
  const total = (list: readonly { belopp: Row }[], column: number) =>
    list.reduce((acc, row) => acc + cell(row.belopp, column), 0);
  /** The stated figure where there is one, else what its parts give. */
  const statedOr = (row: Row | undefined, column: number, computed: number) => row?.[column] ?? computed;
  /** A stated cell against what the rows give (`leaves`) and what its stated parts give (`immediate`). */
  const compare = (
    code: FindingCode,
    row: Row | undefined,
    at: Path,
    column: number,
    what: string,
    leaves: number,
    immediate: number,
    parts: string,
  ) =>
    findings.push(
      ...compareAmount(source, {
        unit: 'tkr',
        code,
        at: [...at, column],
        what: `${what} ${columns[column]!.rubrik}`,
        stated: row?.[column] ?? undefined,
        computed: leaves,
        parts,
        alsoAccept: immediate,
      }),
    );

  const { samverkansinsatser: s } = data;
  const remainingByColumn: { leaves: number; stated: number }[] = [];
  columns.forEach((column, c) => {
    const income = total(data.intäkter, c);
    const granted = total(s.beviljade, c);
    const other = total(s.övriga, c);
    const cooperation = {
      leaves: granted + other,
      immediate: statedOr(s.summa_beviljade, c, granted) + statedOr(s.summa_övriga, c, other),
    };
    const cooperationStated = statedOr(s.summa, c, cooperation.immediate);
    const costs = {
      leaves: total(data.kostnader, c) + cooperation.leaves,
      immediate: total(data.kostnader, c) + cooperationStated,
    };
    const result = {
      leaves: income - costs.leaves,
      immediate: statedOr(data.summa_intäkter, c, income) - statedOr(data.summa_kostnader, c, costs.immediate),
    };
    // The surplus carried into a year is what remained after the year before: its prognos
    // where there is one, else its last column; the first year starts from the opening surplus.
    const previousYear = columns
      .map((candidate, index) => ({ candidate, index }))
      .filter(({ candidate }) => candidate.år === column.år - 1);
    const previous = (previousYear.find(({ candidate }) => candidate.slag === 'prognos') ?? previousYear.at(-1))?.index;
    const carried =
      previous === undefined
        ? { leaves: data.ingående_överskott, immediate: data.ingående_överskott }
        : { leaves: remainingByColumn[previous]!.leaves, immediate: remainingByColumn[previous]!.stated };
    const remaining = {
      leaves: carried.leaves + result.leaves,
      immediate:
        statedOr(data.överskott_tidigare_år, c, carried.immediate) + statedOr(data.resultat, c, result.immediate),
    };
    remainingByColumn.push({ leaves: remaining.leaves, stated: statedOr(data.beslutsutrymme, c, remaining.immediate) });

    compare(
      'ekonomi.summa',
      data.summa_intäkter,
      ['summa_intäkter'],
      c,
      'Summa intäkter',
      income,
      income,
      'intäkterna summerar till',
    );
    compare(
      'ekonomi.summa',
      s.summa_beviljade,
      ['samverkansinsatser', 'summa_beviljade'],
      c,
      'Summa beviljade samverkansinsatser',
      granted,
      granted,
      'insatserna summerar till',
    );
    compare(
      'ekonomi.summa',
      s.summa_övriga,
      ['samverkansinsatser', 'summa_övriga'],
      c,
      'Summa övriga samverkansinsatser',
      other,
      other,
      'raderna summerar till',
    );
    compare(
      'ekonomi.summa',
      s.summa,
      ['samverkansinsatser', 'summa'],
      c,
      'Samverkansinsatser',
      cooperation.leaves,
      cooperation.immediate,
      'beviljade och övriga insatser summerar till',
    );
    compare(
      'ekonomi.summa',
      data.summa_kostnader,
      ['summa_kostnader'],
      c,
      'Summa kostnader',
      costs.leaves,
      costs.immediate,
      'kostnaderna och samverkansinsatserna summerar till',
    );
    compare(
      'ekonomi.resultat',
      data.resultat,
      ['resultat'],
      c,
      'Årets resultat',
      result.leaves,
      result.immediate,
      'intäkter minus kostnader är',
    );
    const carriedFrom =
      previous === undefined ? 'ingående överskott är' : `kvarvarande beslutsutrymme ${columns[previous]!.rubrik} är`;
    compare(
      'ekonomi.beslutsutrymme',
      data.överskott_tidigare_år,
      ['överskott_tidigare_år'],
      c,
      'Överskott från tidigare år',
      carried.leaves,
      carried.immediate,
      carriedFrom,
    );
    compare(
      'ekonomi.beslutsutrymme',
      data.beslutsutrymme,
      ['beslutsutrymme'],
      c,
      'Kvarvarande beslutsutrymme',
      remaining.leaves,
      remaining.immediate,
      'överskott från tidigare år plus årets resultat är',
    );
  });
  return findings;
}
