// The financing plan of a budget: who pays (the förbund, members, outside financiers) adds up
// to what the insats costs, the förbund's part to what is asked of it, each financier's years
// stay within the period and within its amount.
import type { AnsokanBudget } from '../../schemas/index.js';
import { costTotal, hasCostLines, partTotals } from '../derive/budget.js';
import { amountFigure, finding, type Finding } from '../findings.js';
import type { Loaded } from '../load/content.js';
import { showAmount, sum } from '../money.js';
import { compareAmount } from './compare.js';
import { yearsOutsidePeriod } from './references.js';

export function checkFinancing({ data: ansokan, source }: Loaded<AnsokanBudget>): Finding[] {
  const { budget } = ansokan;
  const plan = budget.finansiärer;
  if (!plan) return [];
  const unit = budget.enhet;
  const findings: Finding[] = [];
  plan.forEach((financier, i) => {
    const at = ['budget', 'finansiärer', i];
    findings.push(...yearsOutsidePeriod(source, ansokan, financier.per_år, [...at, 'per_år']));
    const years = sum(Object.values(financier.per_år ?? {}));
    if (years > financier.belopp)
      findings.push(
        finding(
          'budget.finansiering',
          source,
          [...at, 'per_år'],
          `${financier.namn}s år summerar till ${showAmount(years, unit)}, mer än beloppet ${showAmount(financier.belopp, unit)}`,
          { expected: amountFigure(financier.belopp, unit), found: amountFigure(years, unit) },
        ),
      );
  });
  const planTotal = sum(plan.map((f) => f.belopp));
  const lines = hasCostLines(budget);
  findings.push(
    ...compareAmount(source, {
      code: 'budget.finansiering',
      at: ['budget', 'finansiärer'],
      what: 'Finansieringsplanen',
      stated: planTotal,
      computed: lines ? costTotal(budget) : (budget.total?.totalt ?? planTotal),
      parts: lines
        ? 'budgetens rader (rekvirera och egenfinansiering) summerar till'
        : 'den angivna totala kostnaden är',
      unit,
    }),
  );
  const forbund = plan.filter((f) => f.slag === 'förbundet');
  const requested = partTotals(budget.rekvirera, budget.parter).total;
  if (forbund.length > 0 && requested > 0)
    findings.push(
      ...compareAmount(source, {
        code: 'budget.finansiering',
        at: ['budget', 'finansiärer'],
        what: 'Förbundets del i finansieringsplanen',
        stated: sum(forbund.map((f) => f.belopp)),
        computed: requested,
        parts: 'raderna att rekvirera summerar till',
        unit,
      }),
    );
  return findings;
}
