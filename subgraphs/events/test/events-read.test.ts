import { communityId, organizationId, stableId } from "@scg/shared";
import { generateSamplePrograms } from "@scg/shared/data";
import { generateSampleEvents } from "../src/seed/sample-calendar.js";
import { NETWORK_EVENTS } from "../src/seed/network-events.js";
import { asker, MINNEAPOLIS, SCI, startStack } from "./harness.js";

let stack: Awaited<ReturnType<typeof startStack>>;
const ask = asker(() => stack.events);

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const CONFERENCE_2015 = stableId("event", "sci-annual-conference-2015");

describe("the calendar", () => {
  it("holds the 59th Annual Conference in July 2015, hosted by Minneapolis", async () => {
    const { data, errors } = await ask(`{ events(filter: { from: "2015-07-01T00:00:00Z", to: "2015-07-31T23:59:59Z" }) {
      totalCount edges { node { id title kind startsAt endsAt timezone host { id } organizer { id } source } } } }`);
    expect(errors).toBeUndefined();
    const conference = data.events.edges.map((e: any) => e.node).find((e: any) => e.title === "59th Annual Conference and Youth Leadership Summit");
    expect(conference).toMatchObject({
      id: CONFERENCE_2015, kind: "ANNUAL_CONFERENCE", timezone: "America/Chicago", host: { id: MINNEAPOLIS }, organizer: { id: SCI },
    });
    expect(conference.startsAt).toBe("2015-07-16T14:00:00.000Z"); // 09:00 CDT
    expect(conference.endsAt).toBe("2015-07-18T22:00:00.000Z"); // 17:00 CDT
    expect(conference.source).toMatch(/minneapolis\.org/);
  });

  it("lists Minneapolis's events on the community, through the Community entity", async () => {
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community { events(when: PAST) { title kind } } } }`,
      { reps: [{ __typename: "Community", id: MINNEAPOLIS }] },
    );
    expect(errors).toBeUndefined();
    expect(data._entities[0].events).toContainEqual({ title: "59th Annual Conference and Youth Leadership Summit", kind: "ANNUAL_CONFERENCE" });
  });

  it("records at least nine past annual conferences, 2010 to 2020, each hosted and sourced", async () => {
    const { data } = await ask(`query($to: DateTime) { events(filter: { kinds: [ANNUAL_CONFERENCE], to: $to }, first: 50) {
      totalCount edges { node { title startsAt endsAt host { id } source venue } } } }`, { to: new Date().toISOString() });
    expect(data.events.totalCount).toBeGreaterThanOrEqual(9);
    const years = data.events.edges.map((e: any) => Number(e.node.startsAt.slice(0, 4)));
    expect(years).toEqual(expect.arrayContaining([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]));
    for (const { node } of data.events.edges) {
      expect(node.source.length).toBeGreaterThan(5);
      expect(Date.parse(node.endsAt)).toBeLessThan(Date.now());
    }
    const virtual = data.events.edges.find((e: any) => e.node.startsAt.startsWith("2020"));
    expect(virtual.node).toMatchObject({ host: null, venue: "Online" });
  });

  it("knows the 2025 Youth Leadership Summit in Washington, DC", async () => {
    const { data } = await ask(`{ events(filter: { kinds: [YOUTH_SUMMIT], from: "2025-01-01T00:00:00Z", to: "2025-12-31T23:59:59Z", countryCode: "US", regionCode: "DC" }) {
      edges { node { title startsAt host { id } } } } }`);
    expect(data.events.edges).toEqual([
      { node: { title: "Youth Leadership Summit 2025", startsAt: "2025-06-15T13:00:00.000Z", host: { id: communityId("washington-dc-us") } } },
    ]);
  });

  it("filters by country and US state, and by kind", async () => {
    const mn = await ask(`{ events(filter: { countryCode: "us", regionCode: "mn", kinds: [ANNUAL_CONFERENCE] }) { edges { node { id } } } }`);
    expect(mn.data.events.edges.map((e: any) => e.node.id)).toContain(CONFERENCE_2015);
    const tx = await ask(`{ events(filter: { regionCode: "TX", kinds: [ANNUAL_CONFERENCE] }) { edges { node { id } } } }`);
    expect(tx.data.events.edges.map((e: any) => e.node.id)).not.toContain(CONFERENCE_2015);
    expect(tx.data.events.edges.length).toBeGreaterThanOrEqual(2); // San Antonio 2013, Houston 2019
  });

  it("pages through the annual conferences three at a time, in start order, each once", async () => {
    const seen: string[] = [];
    const starts: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 20; guard++) {
      const { data, errors }: any = await ask(
        `query($after: String) { events(filter: { kinds: [ANNUAL_CONFERENCE] }, first: 3, after: $after) {
          totalCount pageInfo { hasNextPage endCursor hasPreviousPage } edges { cursor node { id startsAt } } } }`,
        { after },
      );
      expect(errors).toBeUndefined();
      total = data.events.totalCount;
      expect(data.events.pageInfo.hasPreviousPage).toBe(after !== null);
      for (const edge of data.events.edges) {
        seen.push(edge.node.id);
        starts.push(edge.node.startsAt);
      }
      if (!data.events.pageInfo.hasNextPage) break;
      after = data.events.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(11);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...starts].sort()).toEqual(starts);
  });

  it.each([
    ["a window that ends before it starts", `{ events(filter: { from: "2015-08-01T00:00:00Z", to: "2015-07-01T00:00:00Z" }) { totalCount } }`, /ends .* before it starts/],
    ["first above 500", `{ events(first: 501) { totalCount } }`, /from 0 to 500/],
    ["a negative first", `{ events(first: -1) { totalCount } }`, /from 0 to 500/],
    ["a malformed cursor", `{ events(after: "nope!") { totalCount } }`, /cursor/],
    ["a cursor of another list", `{ events(after: "${Buffer.from('["x"]').toString("base64url")}") { totalCount } }`, /cursor/],
    ["an unknown US state", `{ events(filter: { countryCode: "US", regionCode: "XX" }) { totalCount } }`, /not a US state/],
    ["a malformed country code", `{ events(filter: { countryCode: "USA" }) { totalCount } }`, /not a country code/],
    ["a community list above 500", `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community { events(first: 501) { id } } } }`, /from 0 to 500/],
  ])("refuses %s with BAD_USER_INPUT and a sentence", async (_label, query, message) => {
    const response = await ask(query, { reps: [{ __typename: "Community", id: MINNEAPOLIS }] });
    expect(response.status).toBeLessThan(500);
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(message);
  });

  it("answers null for an unknown or malformed event id", async () => {
    const { data, errors } = await ask(`{ a: event(id: "00000000-0000-4000-8000-000000000000") { id } b: event(id: "nope") { id } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ a: null, b: null });
  });

  it("lists Sister Cities International's conferences on the organization in calendar order, and splits past (latest first) from upcoming (soonest first)", async () => {
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization {
        all: events(when: ALL, first: 100) { startsAt kind } past: events(when: PAST, first: 100) { startsAt endsAt } upcoming: events { endsAt startsAt }
        deprecatedPast: events(upcoming: false, first: 100) { startsAt endsAt } } } }`,
      { reps: [{ __typename: "Organization", id: organizationId("sister-cities-international") }] },
    );
    expect(errors).toBeUndefined();
    const { all, past, upcoming, deprecatedPast } = data._entities[0];
    expect(deprecatedPast).toEqual(past); // the deprecated flag still works: false is PAST
    expect(all.filter((e: any) => e.kind === "ANNUAL_CONFERENCE").length).toBeGreaterThanOrEqual(11);
    const starts = all.map((e: any) => e.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(all[0].startsAt).toMatch(/^2010-08/); // Albuquerque, the earliest on record
    for (const e of past) expect(Date.parse(e.endsAt)).toBeLessThan(Date.now());
    const pastStarts = past.map((e: any) => e.startsAt);
    expect([...pastStarts].sort().reverse()).toEqual(pastStarts);
    for (const e of upcoming) expect(Date.parse(e.endsAt)).toBeGreaterThanOrEqual(Date.now() - 1000);
    const upcomingStarts = upcoming.map((e: any) => e.startsAt);
    expect([...upcomingStarts].sort()).toEqual(upcomingStarts);
  });

  it("seeds exactly the network's events and the generated sample calendar", async () => {
    const sample = generateSampleEvents(generateSamplePrograms());
    const { data } = await ask(`{ events(first: 0, filter: { includeCancelled: true, to: "2015-12-31T23:59:59Z" }) { totalCount } }`);
    const before2016 = NETWORK_EVENTS.filter((e) => e.lastDay <= "2015-12-31").length;
    expect(data.events.totalCount).toBeGreaterThanOrEqual(before2016);
    for (const event of sample.slice(0, 5)) {
      const { data: one } = await ask(`query($id: ID!) { event(id: $id) { provenance { kind } registrationOpen program { id } host { id } kind } }`, { id: event.id });
      // A generated event is marked so, and never open for registration.
      expect(one.event).toEqual({ provenance: { kind: "SAMPLE" }, registrationOpen: false, program: { id: event.programId }, host: { id: event.hostCommunityId }, kind: event.kind });
    }
  });
});

describe("batching", () => {
  it("answers the events of ten communities with one SQL statement", async () => {
    const slugs = ["albuquerque-nm-us", "arlington-county-va-us", "jacksonville-fl-us", "san-antonio-tx-us", "san-jose-ca-us",
      "minneapolis-mn-us", "washington-dc-us", "virginia-beach-va-us", "aurora-co-us", "houston-tx-us"];
    stack.events.queries.reset();
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community { id events(first: 5, when: ALL) { title organizer { id } program { id } } } } }`,
      { reps: slugs.map((slug) => ({ __typename: "Community", id: communityId(slug) })) },
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toHaveLength(10);
    for (const community of data._entities) expect(community.events.length).toBeGreaterThan(0);
    expect(stack.events.queries.matching(/FROM "events"\."event"/)).toHaveLength(1);
  });

  it("resolves many Event references with one SQL statement", async () => {
    const ids = NETWORK_EVENTS.map((e) => stableId("event", e.key));
    stack.events.queries.reset();
    const { data, errors } = await ask(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Event { id title } } }`, {
      reps: ids.map((id) => ({ __typename: "Event", id })),
    });
    expect(errors).toBeUndefined();
    expect(data._entities.map((e: any) => e.id)).toEqual(ids);
    expect(stack.events.queries.matching(/FROM "events"\."event"/)).toHaveLength(1);
  });

  it("pages the calendar with one statement for the page and one for the count", async () => {
    stack.events.queries.reset();
    const { errors } = await ask(`{ events(first: 50) { totalCount edges { node { id host { id } organizer { id } } } } }`);
    expect(errors).toBeUndefined();
    expect(stack.events.queries.matching(/FROM "events"\."event"/)).toHaveLength(2);
  });
});
