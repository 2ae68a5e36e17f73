import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { communityId, organizationId, type Identity } from "@scg/shared";
import { graphqlRequest, testServiceEnv, QueryCounter } from "@scg/shared/testing";
import { loadConfig as directoryConfig, startSubgraph as startDirectory } from "@scg/directory";
import { parse } from "graphql";
import { loadConfig, startSubgraph } from "../src/index.js";

export type EventsServer = Awaited<ReturnType<typeof startSubgraph>>;

export const MINNEAPOLIS = communityId("minneapolis-mn-us");
export const SEATTLE = communityId("seattle-wa-us");
export const SCI = organizationId("sister-cities-international");
/** A program id the fake programs subgraph knows. */
export const KNOWN_PROGRAM = "7d1f4c1e-0a51-5c3e-9a0f-3b7f1e2d4c5a";

export const staff: Identity = { subject: "staff-1", roles: ["STAFF"], communityIds: [], organizationIds: [] };
export const minneapolisAdmin: Identity = { subject: "mpls-admin", roles: ["MEMBER_ADMIN"], communityIds: [MINNEAPOLIS], organizationIds: [] };
export const seattleAdmin: Identity = { subject: "sea-admin", roles: ["MEMBER_ADMIN"], communityIds: [SEATTLE], organizationIds: [] };
export const sciAdmin: Identity = { subject: "sci-admin", roles: ["MEMBER_ADMIN"], communityIds: [], organizationIds: [SCI] };
export const analyst: Identity = { subject: "analyst-1", roles: ["ANALYST"], communityIds: [], organizationIds: [] };

/** Sends a request through "the gateway" on behalf of `identity` (null: anonymous). */
export function asker(server: () => { url: string }) {
  return (query: string, variables: Record<string, unknown> = {}, identity: Identity | null = null) =>
    graphqlRequest(server().url, query, { variables, asGateway: { identity } });
}

/**
 * A stand-in programs subgraph: resolves `Program` references for KNOWN_PROGRAM only
 * (the real one is built in parallel; this keeps the events tests independent of it).
 */
export async function startFakePrograms(): Promise<{ url: string; stop(): Promise<void> }> {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Program @key(fields: "id") { id: ID! title: String! }
        type Query { programCount: Int! }`),
      resolvers: {
        Query: { programCount: () => 1 },
        Program: { __resolveReference: (ref: { id: string }) => (ref.id === KNOWN_PROGRAM ? { id: ref.id, title: "Known program" } : null) },
      } as never,
    },
  ]);
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: 0 } });
  return { url, stop: () => server.stop() };
}

/**
 * The events pool: 20 connections against a real Postgres server, so parallel requests really
 * run in parallel there. Against the embedded PGlite it must be 1: PGlite is one session, and
 * pglite-socket (0.2.17) queues client messages one protocol message at a time, so the
 * Parse/Bind/Execute of two connections outside a transaction interleave ("bind message supplies
 * 1 parameters, but prepared statement requires 2"). One connection keeps each statement whole;
 * the parallel HTTP requests then queue on the pool, and the outcome must be the same.
 */
export const EVENTS_POOL_SIZE = process.env.TEST_DATABASE_KIND === "embedded" ? "1" : "20";

/** The directory (in-process), a fake programs subgraph and the events subgraph wired to them. */
export async function startStack(extra: Record<string, string> = {}) {
  const directory = await startDirectory(directoryConfig(testServiceEnv({ DIRECTORY_PORT: "0" })));
  const programs = await startFakePrograms();
  const events = await startSubgraph(
    loadConfig(testServiceEnv({ EVENTS_PORT: "0", DIRECTORY_URL: directory.url, PROGRAMS_URL: programs.url, DATABASE_POOL_SIZE: EVENTS_POOL_SIZE, ...extra })),
    { queryLogger: new QueryCounter() },
  );
  return {
    directory,
    programs,
    events,
    async stop() {
      await events.stop();
      await programs.stop();
      await directory.stop();
    },
  };
}

export const CREATE_EVENT = `mutation CreateEvent($input: CreateEventInput!) {
  createEvent(input: $input) { id title kind startsAt endsAt capacity seatsLeft host { id } version registrationOpen }
}`;

export const REGISTER = `mutation RegisterForEvent($eventId: ID!, $attendee: AttendeeInput!) {
  registerForEvent(eventId: $eventId, attendee: $attendee) { id event { id seatsLeft } }
}`;

let counter = 0;
/** A valid createEvent input for an event hosted by Minneapolis, a week from now unless told otherwise. */
export function eventInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  return {
    title: `Test event ${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    kind: "DELEGATION_VISIT",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    timezone: "America/Chicago",
    hostCommunityId: MINNEAPOLIS,
    capacity: 40,
    ...overrides,
  };
}
