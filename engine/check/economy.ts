// The förbund's economy table (ekonomisk information): every stated sum, result and
// beslutsutrymme against its parts, column by column. Like the spreadsheet it mirrors,
// each figure is compared with its immediate parts, stated where they are stated.
import type { Ekonomi } from '../../schemas/index.js';
import { finding, type Finding, type FindingCode } from '../findings.js';
import type { Loaded } from '../load/content.js';
import type { Path } from '../load/source.js';
import { economyColumns } from '../derive/economy.js';
import { compareAmount } from './compare.js';

type Row = readonly (number | null)[];

export function checkEconomy({ data, source }: Loaded<Ekonomi>): Finding[] {
  const findings: Finding[] = [];
  const columns = data.kolumner;
  const width = columns.length;

  const rows: [Path, Row | undefined][] = [
    ...data.intäkter.map((row, i): [Path, Row] => [['intäkter', i, 'belopp'], row.belopp]),
    ...data.kostnader.map((row, i): [Path, Row] => [['kostnader', i, 'belopp'], row.belopp]),
    ...data.samverkansinsatser.beviljade.map((row, i): [Path, Row | undefined] => [
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
        finding(
          'ekonomi.kolumner',
          source,
          at,
          `raden har ${row.length} värden, men tabellen har ${width} kolumner (${columns.map((c) => c.rubrik).join(', ')}); skriv ~ för en tom cell`,
        ),
      );
    }
  }

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
  const computed = economyColumns(data);
  /** Kvarvarande beslutsutrymme per column as stated, where stated, else from its stated parts. */
  const remainingStated: number[] = [];
  columns.forEach((_, c) => {
    const { income, granted, other, previous } = computed[c]!;
    const cooperation = {
      leaves: computed[c]!.cooperation,
      immediate: statedOr(s.summa_beviljade, c, granted) + statedOr(s.summa_övriga, c, other),
    };
    const ownCosts = computed[c]!.costs - cooperation.leaves;
    const costs = { leaves: computed[c]!.costs, immediate: ownCosts + statedOr(s.summa, c, cooperation.immediate) };
    const result = {
      leaves: computed[c]!.result,
      immediate: statedOr(data.summa_intäkter, c, income) - statedOr(data.summa_kostnader, c, costs.immediate),
    };
    const carried = {
      leaves: computed[c]!.carried,
      immediate:
        columns[c]!.ingående_överskott ??
        (previous === undefined ? data.ingående_överskott : remainingStated[previous]!),
    };
    const remaining = {
      leaves: computed[c]!.remaining,
      immediate:
        statedOr(data.överskott_tidigare_år, c, carried.immediate) + statedOr(data.resultat, c, result.immediate),
    };
    remainingStated.push(statedOr(data.beslutsutrymme, c, remaining.immediate));

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
      columns[c]!.ingående_överskott !== undefined || previous === undefined
        ? 'ingående överskott är'
        : `kvarvarande beslutsutrymme ${columns[previous]!.rubrik} är`;
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
