import { Client } from "pg";
import { testServiceEnv } from "@scg/shared/testing";
import { asker, CREATE_EVENT, eventInput, minneapolisAdmin, REGISTER, seattleAdmin, staff, startStack, sciAdmin, SCI } from "./harness.js";

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

async function createEvent(overrides: Record<string, unknown> = {}): Promise<string> {
  const { data, errors } = await ask(CREATE_EVENT, { input: eventInput(overrides) }, staff);
  expect(errors).toBeUndefined();
  return data.createEvent.id;
}

async function seats(eventId: string): Promise<{ seatsLeft: number | null; active: number; total: number }> {
  const event = await db.query(`SELECT seats_left FROM events.event WHERE id = $1`, [eventId]);
  const regs = await db.query(
    `SELECT count(*) FILTER (WHERE cancelled_at IS NULL)::int AS active, count(*)::int AS total FROM events.registration WHERE event_id = $1`,
    [eventId],
  );
  return { seatsLeft: event.rows[0].seats_left, active: regs.rows[0].active, total: regs.rows[0].total };
}

const register = (eventId: string, name: string, email: string) => ask(REGISTER, { eventId, attendee: { name, email } });

describe("generated (SAMPLE) events", () => {
  it("never take a registration, and cannot be opened for one", async () => {
    const { rows } = await db.query(`SELECT id, title FROM events.event WHERE provenance_kind = 'SAMPLE' AND starts_at > now() LIMIT 1`);
    expect(rows).toHaveLength(1);
    const [sample] = rows;
    const response = await register(sample.id, "Would Be", "would.be@example.org");
    expect(response.errors?.[0].extensions?.code).toBe("EVENT_NOT_OPEN");
    expect(response.errors?.[0].message).toBe(`"${sample.title}" is a generated sample event (development data), not a real one; it takes no registrations.`);
    const opened = await ask(`mutation($id: ID!) { updateEvent(id: $id, input: { registrationOpen: true }) { id } }`, { id: sample.id }, staff);
    expect(opened.errors?.[0].extensions?.code).toBe("EVENT_NOT_OPEN");
    expect((await db.query(`SELECT count(*)::int AS n FROM events.registration WHERE event_id = $1`, [sample.id])).rows[0].n).toBe(0);
  });
});

describe("registerForEvent", () => {
  it("never oversells: 50 parallel registrations for 10 seats give 10 registrations and 40 EVENT_FULL", async () => {
    const eventId = await createEvent({ capacity: 10 });
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => register(eventId, `Attendee ${i}`, `attendee${i}@example.org`)));
    const ok = responses.filter((r) => r.data?.registerForEvent);
    const full = responses.filter((r) => r.errors?.[0]?.extensions?.code === "EVENT_FULL");
    expect(ok).toHaveLength(10);
    expect(full).toHaveLength(40);
    expect(full[0].errors![0].message).toMatch(/is full/);
    expect(await seats(eventId)).toEqual({ seatsLeft: 0, active: 10, total: 10 });
    const { data } = await ask(`query($id: ID!) { event(id: $id) { capacity seatsLeft } }`, { id: eventId });
    expect(data.event).toEqual({ capacity: 10, seatsLeft: 0 });
    // A repeat by someone who got a seat returns their registration, even now that the event is full.
    const winner = ok[0].data.registerForEvent;
    const index = responses.indexOf(ok[0]);
    const repeat = await register(eventId, `Attendee ${index}`, `ATTENDEE${index}@Example.org`);
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data.registerForEvent.id).toBe(winner.id);
    expect(await seats(eventId)).toEqual({ seatsLeft: 0, active: 10, total: 10 });
  });

  it("is idempotent per (event, email): repeats, also in parallel, take one seat", async () => {
    const eventId = await createEvent({ capacity: 5 });
    const responses = await Promise.all(Array.from({ length: 12 }, () => register(eventId, "Ana Lima", "ana.lima@example.org")));
    for (const response of responses) expect(response.errors).toBeUndefined();
    expect(new Set(responses.map((r) => r.data.registerForEvent.id)).size).toBe(1);
    expect(await seats(eventId)).toEqual({ seatsLeft: 4, active: 1, total: 1 });
    expect(responses.at(-1)!.data.registerForEvent.event).toEqual({ id: eventId, seatsLeft: 4 });
  });

  it("keeps seatsLeft equal to capacity minus active registrations under mixed parallel registrations and cancellations", async () => {
    const eventId = await createEvent({ capacity: 8 });
    const first = await Promise.all(Array.from({ length: 8 }, (_, i) => register(eventId, `P${i}`, `p${i}@example.org`)));
    const ids = first.map((r) => r.data.registerForEvent.id);
    const mixed = await Promise.all([
      ...ids.slice(0, 4).map((id, i) => ask(`mutation($id: ID!, $email: String) { cancelRegistration(id: $id, email: $email) { id active } }`, { id, email: `p${i}@example.org` })),
      ...Array.from({ length: 10 }, (_, i) => register(eventId, `Q${i}`, `q${i}@example.org`)),
    ]);
    for (const response of mixed.slice(0, 4)) expect(response.data.cancelRegistration.active).toBe(false);
    const state = await seats(eventId);
    expect(state.active).toBeLessThanOrEqual(8);
    expect(state.seatsLeft).toBe(8 - state.active);
    expect(mixed.slice(4).filter((r) => r.data?.registerForEvent).length).toBe(state.active - 4);
  });

  it("unlimited events take any number of registrations", async () => {
    const eventId = await createEvent({ capacity: null });
    const responses = await Promise.all(Array.from({ length: 5 }, (_, i) => register(eventId, `U${i}`, `u${i}@example.org`)));
    for (const response of responses) expect(response.data.registerForEvent.event.seatsLeft).toBeNull();
    expect(await seats(eventId)).toEqual({ seatsLeft: null, active: 5, total: 5 });
  });

  it.each([
    ["closed", { registrationOpen: false }, "CONFLICT", "REGISTRATION_CLOSED", /closed/],
    ["started", { startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() }, "CONFLICT", "EVENT_STARTED", /already started/],
  ])("refuses an event that is %s, writing nothing", async (_label, overrides, code, reason, message) => {
    const eventId = await createEvent(overrides);
    const response = await register(eventId, "Late Comer", "late@example.org");
    expect(response.errors?.[0].extensions).toMatchObject({ code, reason });
    expect(response.errors?.[0].message).toMatch(message);
    expect(await seats(eventId)).toEqual({ seatsLeft: 40, active: 0, total: 0 });
  });

  it("refuses a cancelled event, and an unknown one", async () => {
    const eventId = await createEvent();
    await ask(`mutation($id: ID!) { cancelEvent(id: $id, reason: "Storm warning.") { id } }`, { id: eventId }, staff);
    const response = await register(eventId, "Someone", "someone@example.org");
    expect(response.errors?.[0].extensions).toMatchObject({ code: "CONFLICT", reason: "EVENT_CANCELLED" });
    expect(await seats(eventId)).toEqual({ seatsLeft: 40, active: 0, total: 0 });
    const unknown = await register("00000000-0000-4000-8000-000000000000", "Someone", "someone@example.org");
    expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });

  it.each([
    ["an empty name", { name: "   ", email: "a@example.org" }, /name must not be empty/],
    ["a name too long", { name: "x".repeat(201), email: "a@example.org" }, /at most 200/],
    ["a malformed email", { name: "Ana", email: "not-an-email" }, /is not an email address/],
    ["two emails", { name: "Ana", email: "a@example.org, b@example.org" }, /is not an email address/],
  ])("refuses %s with BAD_USER_INPUT, writing nothing", async (_label, attendee, message) => {
    const eventId = await createEvent();
    const response = await ask(REGISTER, { eventId, attendee });
    expect(response.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(response.errors?.[0].message).toMatch(message);
    expect(await seats(eventId)).toEqual({ seatsLeft: 40, active: 0, total: 0 });
  });
});

describe("cancelRegistration", () => {
  const CANCEL = `mutation($id: ID!, $email: String) { cancelRegistration(id: $id, email: $email) { id active cancelledAt event { seatsLeft } } }`;

  it("frees the seat once, for the registrant (by email) or an admin, and lets the email register again", async () => {
    const eventId = await createEvent({ capacity: 2 });
    const a = (await register(eventId, "Ana", "ana@example.org")).data.registerForEvent.id;
    const b = (await register(eventId, "Bo", "bo@example.org")).data.registerForEvent.id;
    expect((await register(eventId, "Cy", "cy@example.org")).errors?.[0].extensions?.code).toBe("EVENT_FULL");

    const byRegistrant = await ask(CANCEL, { id: a, email: "ANA@example.org" });
    expect(byRegistrant.data.cancelRegistration).toMatchObject({ id: a, active: false, event: { seatsLeft: 1 } });
    const again = await ask(CANCEL, { id: a, email: "ana@example.org" });
    expect(again.data.cancelRegistration.event.seatsLeft).toBe(1); // no second seat freed
    const byAdmin = await ask(CANCEL, { id: b }, minneapolisAdmin);
    expect(byAdmin.data.cancelRegistration.event.seatsLeft).toBe(2);
    expect(await seats(eventId)).toEqual({ seatsLeft: 2, active: 0, total: 2 });

    const back = await register(eventId, "Ana", "ana@example.org");
    expect(back.data.registerForEvent.id).not.toBe(a);
    expect(await seats(eventId)).toEqual({ seatsLeft: 1, active: 1, total: 3 });
  });

  it("refuses a wrong email, a missing one, or another community's admin, changing nothing", async () => {
    const eventId = await createEvent({ capacity: 3 });
    const id = (await register(eventId, "Ana", "ana2@example.org")).data.registerForEvent.id;
    const wrong = await ask(CANCEL, { id, email: "someone.else@example.org" });
    expect(wrong.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anonymous = await ask(CANCEL, { id });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const otherAdmin = await ask(CANCEL, { id }, seattleAdmin);
    expect(otherAdmin.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await seats(eventId)).toEqual({ seatsLeft: 2, active: 1, total: 1 });
    const unknown = await ask(CANCEL, { id: "00000000-0000-4000-8000-000000000000", email: "x@example.org" });
    expect(unknown.errors?.[0].extensions?.code).toBe("NOT_FOUND");
  });
});

describe("attendee privacy", () => {
  const SEE = `query($id: ID!) { event(id: $id) { registrations { id attendee { name email } } } }`;

  it("never shows an attendee's name or email to the public, nor to the registrant", async () => {
    const eventId = await createEvent();
    const response = await ask(`mutation($eventId: ID!, $attendee: AttendeeInput!) {
      registerForEvent(eventId: $eventId, attendee: $attendee) { id attendee { name email } event { id } } }`,
    { eventId, attendee: { name: "Private Person", email: "private@example.org" } });
    expect(response.errors).toBeUndefined();
    expect(response.data.registerForEvent.attendee).toBeNull();
    expect(JSON.stringify(response)).not.toContain("private@example.org");

    const anonymous = await ask(SEE, { id: eventId });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(anonymous)).not.toContain("private@example.org");
    const other = await ask(SEE, { id: eventId }, seattleAdmin);
    expect(other.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(other)).not.toContain("private@example.org");
  });

  it("shows them to staff and to the admins of the host community and of the organizer", async () => {
    const eventId = await createEvent({ organizerId: SCI });
    await register(eventId, "Visible Person", "visible@example.org");
    for (const identity of [staff, minneapolisAdmin, sciAdmin]) {
      const { data, errors } = await ask(SEE, { id: eventId }, identity);
      expect(errors).toBeUndefined();
      expect(data.event.registrations).toEqual([{ id: expect.any(String), attendee: { name: "Visible Person", email: "visible@example.org" } }]);
    }
  });

  it("lists the registrations of many events with one SQL statement", async () => {
    const ids = [await createEvent(), await createEvent(), await createEvent()];
    for (const id of ids) await register(id, "Batch Person", "batch@example.org");
    stack.events.queries.reset();
    const { data, errors } = await ask(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Event { registrations { attendee { email } event { id } } } } }`,
      { reps: ids.map((id) => ({ __typename: "Event", id })) },
      staff,
    );
    expect(errors).toBeUndefined();
    expect(data._entities.map((e: any) => e.registrations.length)).toEqual([1, 1, 1]);
    expect(stack.events.queries.matching(/FROM "events"\."registration"/)).toHaveLength(1);
    expect(stack.events.queries.matching(/FROM "events"\."event"/)).toHaveLength(1);
  });
});
