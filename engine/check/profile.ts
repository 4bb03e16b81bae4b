// The ansökningar against the förbund's profile: every organisation they name is a member
// or a declared outside party, and every section the förbund's form requires is there.
import type { Ansokan, Forbund, FormField } from '../../schemas/index.js';
import { finding, type Finding } from '../findings.js';
import { suggestClosest } from '../format/suggest.js';
import type { Loaded, MeetingModel } from '../load/content.js';
import type { Path } from '../load/source.js';

/** The names an ansökan may use for an organisation: members' and outside parties' names and short names. */
function knownNames(forbund: Forbund, ansokan: Ansokan): { names: string[]; canonical: string[] } {
  const declared = [...forbund.medlemmar, ...forbund.externa_parter];
  const outside = (ansokan.budget.finansiärer ?? []).filter((f) => f.slag !== 'medlem').map((f) => f.namn);
  return {
    names: [...declared.flatMap((m) => [m.namn, ...m.kortnamn]), ...outside],
    canonical: [...declared.map((m) => m.namn), ...outside],
  };
}

function checkOrganisations(forbund: Forbund, { data, source }: Loaded<Ansokan>): Finding[] {
  const { names, canonical } = knownNames(forbund, data);
  const members = [...forbund.medlemmar.flatMap((m) => [m.namn, ...m.kortnamn])];
  const named: { name: string; at: Path; what: string; pool: string[] }[] = [
    { name: data.insatsägare, at: ['insatsägare'], what: 'insatsägaren', pool: names },
    ...data.samverkansparter.map((name, i) => ({
      name,
      at: ['samverkansparter', i],
      what: 'samverkansparten',
      pool: names,
    })),
    ...data.budget.parter.map((name, i) => ({
      name,
      at: ['budget', 'parter', i],
      what: 'budgetens part',
      pool: names,
    })),
    ...(data.budget.finansiärer ?? [])
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.slag === 'medlem')
      .map(({ f, i }) => ({
        name: f.namn,
        at: ['budget', 'finansiärer', i, 'namn'],
        what: 'finansiären',
        pool: members,
      })),
  ];
  return named
    .filter(({ name, pool }) => !pool.includes(name))
    .map(({ name, at, what, pool }) => {
      const near = suggestClosest(name, pool === members ? forbund.medlemmar.map((m) => m.namn) : canonical);
      return finding(
        'ref.organisation-okänd',
        source,
        at,
        `${what} «${name}» är varken en medlem i förbundet eller en extern part${near ? `; menade du «${near}»?` : ''}`,
        {
          hint: 'En organisation utanför medlemmarna anges i externa_parter i forbund.yaml, eller som extern finansiär i budgetens finansiärer.',
        },
      );
    });
}

/** Works on an ansökan that did not load as a whole too: it only asks which sections are there. */
function checkForm(forbund: Forbund, { data, source }: Loaded<object>): Finding[] {
  const sections = data as Partial<Record<FormField, unknown>>;
  return forbund.ansökningsformulär
    .filter((section) => section.obligatorisk && sections[section.fält] === undefined)
    .map((section) =>
      finding(
        'ansökan.avsnitt-saknas',
        source,
        [],
        `ansökan saknar avsnittet «${section.rubrik}» (${section.fält}:), som förbundets ansökningsformulär kräver`,
        { hint: `Lägg till ${section.fält}: i ansökan.` },
      ),
    );
}

export function checkAgainstProfile(meeting: MeetingModel): Finding[] {
  const forbund = meeting.forbund?.data;
  if (!forbund) return [];
  return [
    ...[...meeting.ansokningar.values()].flatMap((ansokan) => checkOrganisations(forbund, ansokan)),
    ...[...meeting.ansokningar.values(), ...meeting.budgets.values()].flatMap((ansokan) => checkForm(forbund, ansokan)),
  ];
}

/** The profile itself, once per run: each board member represents a member of the förbund. */
export function checkProfile({ data, source }: Loaded<Forbund>): Finding[] {
  const members = data.medlemmar.map((m) => m.namn);
  return (['ordinarie', 'ersättare'] as const).flatMap((group) =>
    data.styrelse[group].flatMap((person, i) => {
      if (person.representerar === undefined || members.includes(person.representerar)) return [];
      const near = suggestClosest(person.representerar, members);
      return [
        finding(
          'ref.organisation-okänd',
          source,
          ['styrelse', group, i, 'representerar'],
          `${person.namn} sägs representera «${person.representerar}», som inte är en medlem i förbundet${near ? `; menade du «${near}»?` : ''}`,
        ),
      ];
    }),
  );
}
