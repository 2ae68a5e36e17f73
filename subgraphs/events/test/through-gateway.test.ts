import { readFileSync } from "node:fs";
import { join } from "node:path";
import { communityId } from "@scg/shared";
import { graphqlRequest } from "@scg/shared/testing";
import { startNetwork, type Network } from "@scg/scripts/testing";

/** The contract's operations, as the gateway package keeps them (never the handbook's folder). */
const operation = (name: string) => readFileSync(join(__dirname, "..", "..", "..", "gateway", "operations", `${name}.graphql`), "utf8");

let network: Network;
let authorization: string;
const ask = (query: string, variables: Record<string, unknown>) =>
  graphqlRequest(network.gatewayUrl, query, { variables, headers: { authorization } });

beforeAll(async () => {
  network = await startNetwork();
  authorization = `Bearer ${await network.tokenFor({ subject: "analyst", roles: ["ANALYST"], communityIds: [], organizationIds: [] })}`;
});
afterAll(() => network?.stop());

describe("the events subgraph through the gateway", () => {
  it("runs CommunityProfile clean across all four subgraphs, with Minneapolis's events", async () => {
    const { status, data, errors } = await ask(operation("CommunityProfile"), { slug: "minneapolis-mn-us" });
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(data.community.slug).toBe("minneapolis-mn-us");
    // A community page lists what is coming (issue 13): at most five events, none over.
    expect(data.community.events.length).toBeLessThanOrEqual(5);
    for (const event of data.community.events) expect(Date.parse(event.endsAt)).toBeGreaterThanOrEqual(Date.now() - 1000);
    const all = await ask(`query($slug: String!) { community(slug: $slug) { events(when: ALL, first: 100) { title kind startsAt } } }`, { slug: "minneapolis-mn-us" });
    expect(all.errors).toBeUndefined();
    expect(all.data.community.events).toContainEqual({
      title: "59th Annual Conference and Youth Leadership Summit", kind: "ANNUAL_CONFERENCE", startsAt: "2015-07-16T14:00:00.000Z",
    });
  });

  it("runs UpcomingEvents clean, with each host's directory data", async () => {
    const { data, errors } = await ask(operation("UpcomingEvents"), {
      filter: { from: "2015-07-01T00:00:00Z", to: "2015-07-31T23:59:59Z" },
      first: 10,
    });
    expect(errors).toBeUndefined();
    const conference = data.events.edges.map((e: any) => e.node).find((e: any) => e.title.startsWith("59th Annual Conference"));
    expect(conference).toMatchObject({
      kind: "ANNUAL_CONFERENCE", startsAt: expect.stringMatching(/^2015-07-16/),
      host: { slug: "minneapolis-mn-us", name: "Minneapolis", regionCode: "MN", country: { code: "US" } },
    });
  });

  it("runs YouthPrograms clean, with each program's events", async () => {
    const { data, errors } = await ask(operation("YouthPrograms"), { filter: { ageGroups: ["TEENS"] }, first: 20 });
    expect(errors).toBeUndefined();
    expect(data.programs.edges.length).toBeGreaterThan(0);
    // Each program's upcoming events; every event of these programs when asked for all.
    const events = data.programs.edges.flatMap((e: any) => e.node.events);
    const viaPrograms = await ask(`query($filter: ProgramFilter) { programs(filter: $filter, first: 20) { edges { node { events(when: ALL) { id } } } } }`, { filter: { ageGroups: ["TEENS"] } });
    expect(viaPrograms.errors).toBeUndefined();
    const everyEvent = viaPrograms.data.programs.edges.flatMap((e: any) => e.node.events);
    expect(everyEvent.length).toBeGreaterThan(0);
    expect(everyEvent.length).toBeGreaterThanOrEqual(events.length);
  });

  it("lets a host community's admin create an event and anyone register for it", async () => {
    const admin = `Bearer ${await network.tokenFor({ subject: "mpls", roles: ["MEMBER_ADMIN"], communityIds: [communityId("minneapolis-mn-us")], organizationIds: [] })}`;
    const created = await graphqlRequest(network.gatewayUrl, operation("CreateEvent"), {
      headers: { authorization: admin },
      variables: { input: { title: "Gateway test visit", kind: "DELEGATION_VISIT", startsAt: "2031-09-01T14:00:00Z", endsAt: "2031-09-01T20:00:00Z", timezone: "America/Chicago", hostCommunityId: communityId("minneapolis-mn-us"), capacity: 40 } },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data.createEvent).toMatchObject({ capacity: 40, seatsLeft: 40, host: { slug: "minneapolis-mn-us" } });
    const registered = await graphqlRequest(network.gatewayUrl, operation("RegisterForEvent"), {
      variables: { eventId: created.data.createEvent.id, attendee: { name: "Gateway Guest", email: "guest@example.org" } },
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data.registerForEvent.event).toEqual({ id: created.data.createEvent.id, seatsLeft: 39 });
  });
});
