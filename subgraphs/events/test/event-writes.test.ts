import { Client } from "pg";
import { testServiceEnv } from "@scg/shared/testing";
import { loadConfig, startSubgraph } from "../src/index.js";
import {
  analyst, asker, CREATE_EVENT, EVENTS_POOL_SIZE, eventInput, KNOWN_PROGRAM, MINNEAPOLIS, minneapolisAdmin, REGISTER, SCI, sciAdmin,
  seattleAdmin, staff, startStack,
} from "./harness.js";

let stack: Awaited<ReturnType<typeof startStack>>;
let db: Client;
const ask = asker(() => stack.events);

beforeAll(async () => {
  stack = await startStack();
  db = new Client({ connectionString: testServiceEnv().DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const countTitled = async (title: string) => (await db.query(`SELECT count(*)::int AS n FROM events.event WHERE title = $1`, [title])).rows[0].n;

const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id title capacity seatsLeft version registrationOpen venue } }`;
const CANCEL = `mutation($id: ID!, $reason: String) { cancelEvent(id: $id, reason: $reason) { id cancelledAt cancellationReason registrationOpen } }`;

async function created(overrides: Record<string, unknown> = {}, identity = staff) {
  const { data, errors } = await ask(CREATE_EVENT, { input: eventInput(overrides) }, identity);
  expect(errors).toBeUndefined();
  return data.createEvent;
}

describe("createEvent", () => {
  it("lets an admin of the host community create an event, placed on the calendar with its country and state", async () => {
    const input = eventInput({ capacity: 40, startsAt: "2031-05-04T15:00:00-05:00", endsAt: "2031-05-04T18:00:00-05:00" });
    const { data, errors } = await ask(CREATE_EVENT, { input }, minneapolisAdmin);
    expect(errors).toBeUndefined();
    expect(data.createEvent).toMatchObject({
      title: input.title, kind: "DELEGATION_VISIT", startsAt: "2031-05-04T20:00:00.000Z", endsAt: "2031-05-04T23:00:00.000Z",
      capacity: 40, seatsLeft: 40, host: { id: MINNEAPOLIS }, version: 1, registrationOpen: true,
    });
    const calendar = await ask(`{ events(filter: { from: "2031-05-04T00:00:00Z", to: "2031-05-05T00:00:00Z", countryCode: "US", regionCode: "MN" }) { edges { node { id provenance { kind enteredBy } } } } }`);
    expect(calendar.data.events.edges).toContainEqual({ node: { id: data.createEvent.id, provenance: { kind: "ENTERED", enteredBy: minneapolisAdmin.subject } } });
    const community = await ask(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Community { events(upcoming: true, first: 500) { id } } } }`, {
      reps: [{ __typename: "Community", id: MINNEAPOLIS }],
    });
    expect(community.data._entities[0].events.map((e: any) => e.id)).toContain(data.createEvent.id);
  });

  it("lets an admin of the organizer create an online event, and ties it to a program the programs subgraph knows", async () => {
    const event = await created({ hostCommunityId: null, organizerId: SCI, programId: KNOWN_PROGRAM, kind: "WEBINAR", timezone: "America/New_York" }, sciAdmin);
    expect(event.host).toBeNull();
    const { data } = await ask(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Program { events { id program { id } organizer { id } } } } }`, {
      reps: [{ __typename: "Program", id: KNOWN_PROGRAM }],
    });
    expect(data._entities[0].events).toContainEqual({ id: event.id, program: { id: KNOWN_PROGRAM }, organizer: { id: SCI } });
  });

  it.each([
    ["anonymous callers", null, {}, "UNAUTHENTICATED"],
    ["an admin of another community", seattleAdmin, {}, "FORBIDDEN"],
    ["an analyst", analyst, {}, "FORBIDDEN"],
    ["an organizer admin for a different organization", sciAdmin, { organizerId: null }, "FORBIDDEN"],
    ["a member admin without host or organizer", minneapolisAdmin, { hostCommunityId: null }, "FORBIDDEN"],
  ])("refuses %s, writing nothing", async (_label, identity, overrides, code) => {
    const input = eventInput(overrides);
    const response = await ask(CREATE_EVENT, { input }, identity as never);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(response.errors?.[0].message).toMatch(/\.$/);
    expect(await countTitled(input.title)).toBe(0);
  });

  it.each([
    ["an unknown time zone", { timezone: "Mars/Olympus_Mons" }, "BAD_USER_INPUT", /not an IANA time zone/],
    ["an abbreviation for a zone", { timezone: "CST" }, "BAD_USER_INPUT", /not an IANA time zone/],
    ["an end before the start", { startsAt: "2031-01-02T00:00:00Z", endsAt: "2031-01-01T00:00:00Z" }, "BAD_USER_INPUT", /ends .* before it starts/],
    ["a capacity of zero", { capacity: 0 }, "BAD_USER_INPUT", /capacity/],
    ["an empty title", { title: "  " }, "BAD_USER_INPUT", /title/],
    ["a malformed host id", { hostCommunityId: "minneapolis" }, "BAD_USER_INPUT", /hostCommunityId/],
    ["a URL that is not a web address", { url: "javascript:alert(1)" }, "BAD_USER_INPUT", /web address/],
    ["a host the directory does not know", { hostCommunityId: "00000000-0000-4000-8000-000000000000" }, "NOT_FOUND", /No community with id/],
    ["a program the programs subgraph does not know", { programId: "00000000-0000-4000-8000-000000000001" }, "NOT_FOUND", /No program with id/],
  ])("refuses %s, writing nothing", async (_label, overrides, code, message) => {
    const input = eventInput({ title: `Refused ${Math.random()}`, ...overrides });
    const response = await ask(CREATE_EVENT, { input }, staff);
    expect(response.errors?.[0].extensions?.code).toBe(code);
    expect(response.errors?.[0].message).toMatch(message);
    expect(await db.query(`SELECT 1 FROM events.event WHERE title = $1`, [input.title])).toHaveProperty("rowCount", 0);
  });

  it("answers SERVICE_UNAVAILABLE, writing nothing, when the directory cannot be reached", async () => {
    const cutOff = await startSubgraph(loadConfig(testServiceEnv({
      EVENTS_PORT: "0", DIRECTORY_URL: "http://127.0.0.1:9/graphql", PROGRAMS_URL: "http://127.0.0.1:9/graphql", DATABASE_POOL_SIZE: EVENTS_POOL_SIZE, SUBGRAPH_TIMEOUT_MS: "2000",
    })));
    try {
      const input = eventInput();
      const response = await asker(() => cutOff)(CREATE_EVENT, { input }, minneapolisAdmin);
      expect(response.errors?.[0].extensions?.code).toBe("SERVICE_UNAVAILABLE");
      expect(response.errors?.[0].message).toMatch(/directory service/);
      expect(await countTitled(input.title)).toBe(0);
    } finally {
      await cutOff.stop();
    }
  });
});

describe("updateEvent", () => {
  it("changes what is given, bumps the version, and moves seatsLeft with the capacity", async () => {
    const event = await created({ capacity: 5 });
    await ask(REGISTER, { eventId: event.id, attendee: { name: "A", email: "upd-a@example.org" } });
    await ask(REGISTER, { eventId: event.id, attendee: { name: "B", email: "upd-b@example.org" } });
    const { data, errors } = await ask(UPDATE, { id: event.id, input: { capacity: 3, venue: "City Hall", expectedVersion: 1 } }, minneapolisAdmin);
    expect(errors).toBeUndefined();
    expect(data.updateEvent).toMatchObject({ title: event.title, capacity: 3, seatsLeft: 1, version: 2, venue: "City Hall" });
    const unlimited = await ask(UPDATE, { id: event.id, input: { capacity: null } }, minneapolisAdmin);
    expect(unlimited.data.updateEvent).toMatchObject({ capacity: null, seatsLeft: null, version: 3 });
    const limited = await ask(UPDATE, { id: event.id, input: { capacity: 4 } }, staff);
    expect(limited.data.updateEvent).toMatchObject({ capacity: 4, seatsLeft: 2, version: 4 });
  });

  it("refuses a capacity below the active registrations, and a stale version, changing nothing", async () => {
    const event = await created({ capacity: 5 });
    for (const email of ["c1@example.org", "c2@example.org", "c3@example.org"]) {
      await ask(REGISTER, { eventId: event.id, attendee: { name: "C", email } });
    }
    const tooSmall = await ask(UPDATE, { id: event.id, input: { capacity: 2 } }, staff);
    expect(tooSmall.errors?.[0].extensions?.code).toBe("CONFLICT");
    expect(tooSmall.errors?.[0].message).toMatch(/already has 3 active registrations/);
    const stale = await ask(UPDATE, { id: event.id, input: { title: "Stale", expectedVersion: 7 } }, staff);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", currentVersion: 1 });
    const row = (await db.query(`SELECT title, capacity, seats_left, version FROM events.event WHERE id = $1`, [event.id])).rows[0];
    expect(row).toEqual({ title: event.title, capacity: 5, seats_left: 2, version: 1 });
  });

  it("lets exactly one of three parallel updates from the same version win", async () => {
    const event = await created();
    const responses = await Promise.all(
      ["First title", "Second title", "Third title"].map((title) => ask(UPDATE, { id: event.id, input: { title, expectedVersion: 1 } }, staff)),
    );
    const winners = responses.filter((r) => r.data?.updateEvent);
    expect(winners).toHaveLength(1);
    expect(responses.filter((r) => r.errors?.[0].extensions?.code === "CONFLICT")).toHaveLength(2);
    const row = (await db.query(`SELECT title, version FROM events.event WHERE id = $1`, [event.id])).rows[0];
    expect(row).toEqual({ title: winners[0].data.updateEvent.title, version: 2 });
  });

  it("refuses callers who do not administer the event, changing nothing", async () => {
    const event = await created();
    for (const [identity, code] of [[null, "UNAUTHENTICATED"], [seattleAdmin, "FORBIDDEN"], [sciAdmin, "FORBIDDEN"]] as const) {
      const response = await ask(UPDATE, { id: event.id, input: { title: "Hijacked" } }, identity as never);
      expect(response.errors?.[0].extensions?.code).toBe(code);
    }
    expect(await countTitled("Hijacked")).toBe(0);
    const unknown = await ask(UPDATE, { id: "00000000-0000-4000-8000-000000000000", input: { title: "X" } }, staff);
    expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});

describe("cancelEvent", () => {
  it("cancels once (closing registration, leaving the default calendar), by an admin only", async () => {
    const event = await created({ startsAt: "2032-02-02T10:00:00Z", endsAt: "2032-02-02T12:00:00Z" });
    const refused = await ask(CANCEL, { id: event.id }, seattleAdmin);
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anonymous = await ask(CANCEL, { id: event.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect((await db.query(`SELECT cancelled_at FROM events.event WHERE id = $1`, [event.id])).rows[0].cancelled_at).toBeNull();

    const { data } = await ask(CANCEL, { id: event.id, reason: "Venue flooded." }, minneapolisAdmin);
    expect(data.cancelEvent).toMatchObject({ cancellationReason: "Venue flooded.", registrationOpen: false });
    const again = await ask(CANCEL, { id: event.id, reason: "Other." }, staff);
    expect(again.data.cancelEvent).toEqual(data.cancelEvent);

    const window = `{ from: "2032-02-02T00:00:00Z", to: "2032-02-03T00:00:00Z" }`;
    const hidden = await ask(`{ events(filter: ${window}) { edges { node { id } } } }`);
    expect(hidden.data.events.edges.map((e: any) => e.node.id)).not.toContain(event.id);
    const shown = await ask(`{ events(filter: { from: "2032-02-02T00:00:00Z", to: "2032-02-03T00:00:00Z", includeCancelled: true }) { edges { node { id } } } }`);
    expect(shown.data.events.edges.map((e: any) => e.node.id)).toContain(event.id);
    const update = await ask(UPDATE, { id: event.id, input: { registrationOpen: true } }, staff);
    expect(update.errors?.[0].extensions?.code).toBe("CONFLICT");
  });
});
