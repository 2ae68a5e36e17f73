import { imported, ProvenanceKind } from "../graphql/provenance.js";
import { ActiveArea, AgeGroup } from "../graphql/enums.js";
import { communityId, exchangeId, partnershipId, programId } from "../ids/stable-id.js";
import { resolveCommunities } from "./sister-city-communities.js";
import { readSisterCityPairs, type SisterCityPair } from "./sister-city-pairs.js";

/** The `source` of every generated row: it is a plausible sample, not the record. */
export const SAMPLE_SOURCE = "sample";

/**
 * The day the sample's statuses are computed against (PLANNED / RUNNING / COMPLETED), fixed so
 * that the same seed gives the same rows on every day the import runs. Programs starting after it
 * are the sample's upcoming ones.
 */
export const SAMPLE_AS_OF = "2026-11-27";

/** One generated exchange of a sample program: a group travelling from one side of the partnership to the other. */
export interface SampleExchange {
  id: string;
  programId: string;
  fromCommunityId: string;
  toCommunityId: string;
  /** ISO dates (YYYY-MM-DD). */
  departsOn: string;
  returnsOn: string;
  participantCount: number;
  ageGroups: AgeGroup[];
  description: string;
  source: string;
}

/**
 * The generated sample of programs (there is no public record of individual programs).
 * Owned by the programs subgraph's importer; the events importer reads the same sample to tie
 * delegation visits and festivals to programs. Deterministic: the same seed gives the same rows.
 * Every generated row is marked `source: "sample"`.
 */
export interface SampleProgram {
  id: string;
  partnershipId: string;
  /** The partnership's two communities: [US side, partner abroad]. */
  communityIds: [string, string];
  communitySlugs: [string, string];
  organizerId: string | null;
  title: string;
  description: string;
  areas: ActiveArea[];
  ageGroups: AgeGroup[];
  status: "PLANNED" | "RUNNING" | "COMPLETED";
  /** ISO dates (YYYY-MM-DD). */
  startsOn: string;
  endsOn: string | null;
  source: string;
  /** The two communities' display names, [US side, partner abroad]. */
  communityNames: [string, string];
  /** The two communities' ISO country codes, [US side ("US"), partner abroad]. */
  countryCodes: [string, string];
  /** Which template the program was drawn from ("k12-exchange", "festival", "municipal-delegation", …). */
  kind: string;
  exchanges: SampleExchange[];
}

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed always gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const toDays = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (days: number) => new Date(days * DAY_MS).toISOString().slice(0, 10);

/** A festival name that fits the partner's country, for the most frequent partner countries. */
const FESTIVALS: Record<string, string> = {
  JP: "Japan Festival", MX: "Fiesta Mexicana", CN: "Lunar New Year Celebration", DE: "Oktoberfest and German Heritage Days",
  GB: "British Heritage Weekend", FR: "Bastille Day Celebration", TW: "Taiwanese Lantern Festival", IT: "Festa Italiana",
  IE: "Irish Music and Dance Festival", KR: "Korean Culture Festival", RU: "Russian Winter Festival", PL: "Polish Heritage Festival",
  CA: "Canada Day Friendship Picnic", UA: "Ukrainian Heritage Festival", PT: "Portuguese Heritage Festival", ES: "Spanish Culture Week",
  NI: "Nicaraguan Culture Week", IN: "Diwali Festival of Lights", BR: "Brazilian Carnival Night", PH: "Philippine Heritage Festival",
  GR: "Greek Festival", SE: "Midsummer Festival", NO: "Norwegian Constitution Day Celebration", KE: "Kenyan Culture Day",
};

interface Names {
  us: string;
  partner: string;
  country: string;
}

interface Template {
  kind: string;
  title: (n: Names) => string;
  description: (n: Names) => string;
  areas: ActiveArea[];
  ageGroups: AgeGroup[];
  /** Program length in days, [min, max]; null: ongoing (no end date). */
  length: [number, number] | null;
  /** Who travels (a subset of the program's age groups), how many, for how long. */
  travel: { ageGroups: AgeGroup[]; participants: [number, number]; days: [number, number]; what: string };
  /** How many exchanges, [min, max]; they alternate direction, starting from `firstFrom`. */
  exchanges: [number, number];
  firstFrom: "us" | "partner";
  weight: number;
}

const T = AgeGroup;
const A = ActiveArea;
const TEMPLATES: Template[] = [
  {
    kind: "k12-exchange", weight: 5, length: [270, 330], exchanges: [2, 2], firstFrom: "us",
    title: (n) => `${n.us}–${n.partner} High School Exchange`,
    description: (n) => `High school students from ${n.us} and ${n.partner} spend about two weeks with host families in each other's city, attend classes and present a joint project at the end of the school year.`,
    areas: [A.K12_EDUCATION, A.EDUCATIONAL_EXCHANGES], ageGroups: [T.TEENS],
    travel: { ageGroups: [T.TEENS], participants: [8, 30], days: [10, 18], what: "High school students" },
  },
  {
    kind: "pen-pals", weight: 3, length: [240, 300], exchanges: [1, 1], firstFrom: "partner",
    title: (n) => `${n.us}–${n.partner} Middle School Pen Pals`,
    description: (n) => `Classes in ${n.us} and ${n.partner} exchange letters, drawings and video messages through the school year; a small group of pupils visits at the end.`,
    areas: [A.K12_EDUCATION, A.CULTURE_AND_ARTS], ageGroups: [T.CHILDREN, T.TEENS],
    travel: { ageGroups: [T.CHILDREN, T.TEENS], participants: [6, 20], days: [7, 12], what: "Pupils" },
  },
  {
    kind: "festival", weight: 4, length: [1, 4], exchanges: [1, 1], firstFrom: "partner",
    title: (n) => `${FESTIVALS[n.country] ?? `${n.partner} Culture Week`} in ${n.us}`,
    description: (n) => `A sister-city festival in ${n.us}: music, dance, food and crafts from ${n.partner}, with visiting performers from ${n.partner}.`,
    areas: [A.CULTURE_AND_ARTS, A.TOURISM_AND_SPORTS], ageGroups: [T.FAMILIES, T.CHILDREN, T.ADULTS, T.SENIORS],
    travel: { ageGroups: [T.ADULTS], participants: [6, 25], days: [4, 8], what: "Performers and artists" },
  },
  {
    kind: "municipal-delegation", weight: 4, length: [30, 200], exchanges: [1, 2], firstFrom: "us",
    title: (n) => `${n.us} Municipal Delegation to ${n.partner}`,
    description: (n) => `Elected officials and city staff of ${n.us} visit ${n.partner} to compare notes on public services, economic development and the environment, and to renew the sister-city agreement.`,
    areas: [A.DEVELOPMENT, A.INTERNATIONAL_VISITORS], ageGroups: [T.ADULTS],
    travel: { ageGroups: [T.ADULTS], participants: [4, 15], days: [5, 10], what: "Municipal delegates" },
  },
  {
    kind: "youth-ambassadors", weight: 4, length: [150, 365], exchanges: [2, 2], firstFrom: "us",
    title: (n) => `${n.us}–${n.partner} Youth Ambassadors`,
    description: (n) => `Young people from ${n.us} and ${n.partner} are trained as youth ambassadors, lead a joint community service project and host each other's delegation.`,
    areas: [A.EDUCATIONAL_EXCHANGES, A.VOLUNTEER_SERVICE], ageGroups: [T.TEENS, T.YOUNG_ADULTS],
    travel: { ageGroups: [T.TEENS, T.YOUNG_ADULTS], participants: [5, 16], days: [10, 21], what: "Youth ambassadors" },
  },
  {
    kind: "university-exchange", weight: 2, length: [700, 1100], exchanges: [2, 3], firstFrom: "partner",
    title: (n) => `${n.us}–${n.partner} University Semester Exchange`,
    description: (n) => `Universities in ${n.us} and ${n.partner} exchange students for a semester, with credit recognised at home.`,
    areas: [A.HIGHER_EDUCATION, A.EDUCATIONAL_EXCHANGES], ageGroups: [T.YOUNG_ADULTS],
    travel: { ageGroups: [T.YOUNG_ADULTS], participants: [2, 12], days: [110, 140], what: "University students" },
  },
  {
    kind: "artists-in-residence", weight: 2, length: [90, 240], exchanges: [1, 2], firstFrom: "partner",
    title: (n) => `${n.us}–${n.partner} Artists in Residence`,
    description: (n) => `Artists from ${n.partner} and ${n.us} spend a residency in the other city and close it with a joint exhibition.`,
    areas: [A.CULTURE_AND_ARTS], ageGroups: [T.ADULTS],
    travel: { ageGroups: [T.ADULTS], participants: [2, 6], days: [21, 45], what: "Artists" },
  },
  {
    kind: "youth-sports", weight: 2, length: [3, 10], exchanges: [1, 1], firstFrom: "us",
    title: (n) => `${n.us}–${n.partner} Youth Soccer Friendship Cup`,
    description: (n) => `Youth soccer teams of ${n.us} and ${n.partner} meet for a friendship tournament, staying with host families.`,
    areas: [A.TOURISM_AND_SPORTS], ageGroups: [T.CHILDREN, T.TEENS, T.FAMILIES],
    travel: { ageGroups: [T.CHILDREN, T.TEENS], participants: [12, 36], days: [5, 9], what: "Youth soccer players" },
  },
  {
    kind: "volunteer-service", weight: 2, length: [14, 60], exchanges: [1, 1], firstFrom: "us",
    title: (n) => `${n.us}–${n.partner} Volunteer Service Project`,
    description: (n) => `Volunteers from ${n.us} work alongside residents of ${n.partner} on a school, clinic or water project chosen by ${n.partner}.`,
    areas: [A.VOLUNTEER_SERVICE, A.DEVELOPMENT], ageGroups: [T.YOUNG_ADULTS, T.ADULTS, T.SENIORS],
    travel: { ageGroups: [T.YOUNG_ADULTS, T.ADULTS, T.SENIORS], participants: [6, 20], days: [10, 21], what: "Volunteers" },
  },
  {
    kind: "trade-mission", weight: 2, length: [20, 120], exchanges: [1, 2], firstFrom: "partner",
    title: (n) => `${n.us}–${n.partner} Trade and Tourism Mission`,
    description: (n) => `Business owners and tourism boards of ${n.partner} and ${n.us} meet counterparts, visit companies and plan joint promotion.`,
    areas: [A.DEVELOPMENT, A.TOURISM_AND_SPORTS, A.INTERNATIONAL_VISITORS], ageGroups: [T.ADULTS],
    travel: { ageGroups: [T.ADULTS], participants: [5, 25], days: [5, 10], what: "Business delegates" },
  },
  {
    kind: "friendship-homestay", weight: 2, length: [7, 21], exchanges: [1, 1], firstFrom: "us",
    title: (n) => `${n.us}–${n.partner} Friendship Homestay Tour`,
    description: (n) => `Residents of ${n.us} stay with host families in ${n.partner} for a week of visits, meals and conversation.`,
    areas: [A.INTERNATIONAL_VISITORS, A.TOURISM_AND_SPORTS], ageGroups: [T.ADULTS, T.SENIORS, T.FAMILIES],
    travel: { ageGroups: [T.ADULTS, T.SENIORS, T.FAMILIES], participants: [8, 30], days: [7, 12], what: "Homestay travellers" },
  },
];
const TOTAL_WEIGHT = TEMPLATES.reduce((sum, t) => sum + t.weight, 0);

/** Share of the real partnerships that get a sample program (one in four; with the second programs, about one program per 3.5 partnerships). */
const PROGRAM_SHARE = 0.25;
/** Share of those that get a second program. */
const SECOND_PROGRAM_SHARE = 0.15;
/** Start dates fall from about six years before SAMPLE_AS_OF to about 13 months after it. */
const START_WINDOW: [number, number] = [-6 * 365, 400];

/**
 * Generates the sample deterministically from the real sister-city pairs: about one program per
 * 3–4 partnerships (never two of the same kind on one partnership), with titles, active areas and
 * age groups that fit the template, start dates from 2020 to early 2028 (some upcoming), statuses
 * as of SAMPLE_AS_OF, and 1–3 exchanges each that travel between the partnership's two sides
 * within the program's dates. The same seed (and the same pairs) gives the same rows.
 */
export function generateSamplePrograms(seed = 1956, pairs: readonly SisterCityPair[] = readSisterCityPairs()): SampleProgram[] {
  const random = mulberry32(seed);
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pickTemplate = (exclude: Set<string>): Template => {
    for (;;) {
      let roll = random() * TOTAL_WEIGHT;
      const template = TEMPLATES.find((t) => (roll -= t.weight) < 0) ?? TEMPLATES[0];
      if (!exclude.has(template.kind)) return template;
    }
  };
  const { sides } = resolveCommunities(pairs);
  const asOf = toDays(SAMPLE_AS_OF);
  const seen = new Set<string>();
  const programs: SampleProgram[] = [];
  pairs.forEach((pair, index) => {
    const { usSlug, partnerSlug } = sides[index];
    const partnership = partnershipId(usSlug, partnerSlug);
    // Draw for every pair (duplicates included) so one row's presence never shifts the others' draws.
    const chosen = random() < PROGRAM_SHARE;
    const count = random() < SECOND_PROGRAM_SHARE ? 2 : 1;
    if (seen.has(partnership)) return;
    seen.add(partnership);
    if (!chosen) return;
    const names: Names = { us: pair.usCity, partner: pair.partnerCity, country: pair.partnerCountryCode };
    const ids: [string, string] = [communityId(usSlug), communityId(partnerSlug)];
    const used = new Set<string>();
    for (let n = 0; n < count; n++) {
      const template = pickTemplate(used);
      used.add(template.kind);
      const start = asOf + between(START_WINDOW[0], START_WINDOW[1]);
      const end = template.length ? start + between(template.length[0], template.length[1]) : null;
      const status = start > asOf ? "PLANNED" : end !== null && end < asOf ? "COMPLETED" : "RUNNING";
      const title = template.title(names);
      const startsOn = toIso(start);
      const id = programId(partnership, title, startsOn);
      const exchanges: SampleExchange[] = [];
      const total = between(template.exchanges[0], template.exchanges[1]);
      const last = end ?? start + 730;
      let cursor = start;
      for (let e = 0; e < total; e++) {
        const days = between(template.travel.days[0], template.travel.days[1]);
        const slack = Math.max(0, Math.floor((last - cursor - days) / (total - e)));
        const departs = Math.min(cursor + between(0, slack), Math.max(start, last - days));
        const returns = Math.min(departs + days, last);
        const fromUs = (template.firstFrom === "us") === (e % 2 === 0);
        const [from, to] = fromUs ? [0, 1] : [1, 0];
        const departsOn = toIso(departs);
        exchanges.push({
          id: exchangeId(id, ids[from], departsOn),
          programId: id,
          fromCommunityId: ids[from],
          toCommunityId: ids[to],
          departsOn,
          returnsOn: toIso(returns),
          participantCount: between(template.travel.participants[0], template.travel.participants[1]),
          ageGroups: [...template.travel.ageGroups],
          description: `${template.travel.what} from ${fromUs ? names.us : names.partner} travel to ${fromUs ? names.partner : names.us}.`,
          source: SAMPLE_SOURCE,
        });
        cursor = returns + 1;
      }
      programs.push({
        id,
        partnershipId: partnership,
        communityIds: ids,
        communitySlugs: [usSlug, partnerSlug],
        communityNames: [pair.usCity, pair.partnerCity],
        countryCodes: ["US", pair.partnerCountryCode],
        organizerId: null,
        title,
        description: template.description(names),
        areas: [...template.areas],
        ageGroups: [...template.ageGroups],
        status,
        startsOn,
        endsOn: end === null ? null : toIso(end),
        source: SAMPLE_SOURCE,
        kind: template.kind,
        exchanges,
      });
    }
  });
  return programs;
}

/** The provenance every generated sample row carries (SAMPLE: development profile only, never open for registration). */
export const SAMPLE_PROVENANCE = imported(
  { source: "Generated sample (development profile): an illustration of the network's programs, not the record", url: null, licence: null, retrievedOn: null },
  { kind: ProvenanceKind.SAMPLE },
);
