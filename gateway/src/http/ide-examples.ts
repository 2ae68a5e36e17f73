import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { communityId, partnershipId } from "@scg/shared";
import { buildManifest, type TrustedOperation } from "../persisted/manifest.js";

/** The product's operations: the files the trusted-operation manifest is built from. */
export const OPERATIONS_DIR = join(__dirname, "..", "..", "operations");

/** One GraphiQL tab: an operation and its variables as JSON text. */
export interface IdeExample {
  query: string;
  variables?: string;
}

/**
 * The product's operations (gateway/operations/*.graphql), read once at gateway start, each as
 * its trusted body: `#` comment lines stripped, so an example is byte for byte the operation the
 * product sends. Queries first, then mutations, each alphabetically.
 */
export function readProductOperations(dir = OPERATIONS_DIR): TrustedOperation[] {
  const files = readdirSync(dir).filter((file) => file.endsWith(".graphql"));
  const { operations } = buildManifest(files.map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") })));
  const rank = (operation: TrustedOperation) => (operation.type === "query" ? 0 : 1);
  return operations.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** What a mutation asks of the caller, as the comment line above it in its tab. */
const NEEDS_ADMIN = "# Needs a token: a member admin of Seattle (`npm run token -- --role member-admin --community seattle-wa-us`) or staff (`--role staff`).";

/**
 * Example variables and a leading comment per operation, for `today` (UTC): real slugs and ids
 * (Seattle's stable id, the Seattle–Kyoto proposal's id) so each example answers as it is, and the
 * mutations chain: ProposePartnership proposes Seattle–Kyoto, SignPartnership signs it for Seattle.
 * An operation missing here is still offered, without variables.
 */
function exampleFor(name: string, today: Date): { comment?: string; variables?: unknown } | undefined {
  const startOfToday = new Date(`${day(today)}T00:00:00.000Z`);
  const seattle = communityId("seattle-wa-us");
  const startsAt = new Date(`${day(addDays(today, 30))}T16:00:00.000Z`);
  switch (name) {
    case "CommunityProfile":
      return { variables: { slug: "seattle-wa-us" } };
    case "CountryPartnerships":
      // 500, the largest page: all of Japan's 321 partnerships in one table.
      return { variables: { code: "JP", first: 500 } };
    case "DirectorySearch":
      return { variables: { filter: { search: "san", countryCode: "US" }, first: 20 } };
    case "NetworkStats":
      return {};
    case "PartnershipMap":
      return { variables: { filter: { countryCode: "JP" }, first: 500 } };
    case "MapFacets": {
      // The map with Japan selected: each filter's choices counted under the others.
      const japan = { countryCode: "JP" };
      return { variables: { filter: japan, forCountry: {}, forState: japan, forRegion: japan, forStatus: japan, forFocus: japan } };
    }
    case "SisterCitiesWidget":
      return { variables: { slug: "seattle-wa-us", withEvents: true } };
    case "UpcomingEvents":
      return { variables: { filter: { from: startOfToday.toISOString() }, first: 20 } };
    case "YouthPrograms":
      return { variables: { filter: { ageGroups: ["TEENS"] }, first: 20 } };
    case "CreateEvent":
      return {
        comment: `${NEEDS_ADMIN}\n# Creates a real event in this database.`,
        variables: {
          input: {
            title: "Seattle delegation visit to Kobe",
            kind: "DELEGATION_VISIT",
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
            timezone: "America/Los_Angeles",
            hostCommunityId: seattle,
            capacity: 40,
          },
        },
      };
    case "ProposePartnership":
      return {
        comment: `${NEEDS_ADMIN}\n# Proposes Seattle–Kyoto; SignPartnership then signs it.`,
        variables: { input: { communityIds: [seattle, communityId("kyoto-jp")], focusAreas: ["EDUCATIONAL_EXCHANGES"] } },
      };
    case "SignPartnership":
      return {
        comment: `${NEEDS_ADMIN}\n# Signs the Seattle–Kyoto proposal for Seattle; Kyoto's signature would make it ACTIVE.`,
        variables: {
          id: partnershipId("seattle-wa-us", "kyoto-jp"),
          input: { communityId: seattle, signatoryName: "Jane Example", signatoryTitle: "Mayor", signedOn: day(today) },
        },
      };
    case "RegisterForEvent":
      return {
        comment: "# Needs no token: anyone may register. Takes a seat: use an event whose registrationOpen is true (UpcomingEvents).",
        variables: { eventId: "<id of an event from UpcomingEvents>", attendee: { name: "Ada Example", email: "ada@example.org" } },
      };
    default:
      return undefined;
  }
}

/** The examples as GraphiQL tabs for `today`; cheap enough to build for every page. */
export function ideExamples(operations: readonly TrustedOperation[], today: Date): IdeExample[] {
  return operations.map((operation) => {
    const example = exampleFor(operation.name, today);
    const query = example?.comment ? `${example.comment}\n${operation.body}\n` : `${operation.body}\n`;
    return example?.variables === undefined ? { query } : { query, variables: JSON.stringify(example.variables, null, 2) };
  });
}
