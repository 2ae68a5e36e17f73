import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { INTERNAL_CREDENTIAL_HEADER, verifyInternalCredential } from "../auth/internal-credential";
import { createEntityLookup } from "./entity-lookup";

/** A stand-in subgraph that answers whatever the test says, and records what it was sent. */
let answer: (body: any) => { status: number; body: unknown } | "hang";
let seen: { body: any; credential: string | undefined }[] = [];
let server: Server;
let url: string;
const SECRET = "entity-lookup-test-secret";

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => (text += chunk));
    req.on("end", () => {
      const body = JSON.parse(text);
      seen.push({ body, credential: req.headers[INTERNAL_CREDENTIAL_HEADER] as string | undefined });
      const reply = answer(body);
      if (reply === "hang") return;
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => (seen = []));

const lookup = () => createEntityLookup({ caller: "events", target: "directory", url, internalSecret: SECRET, timeoutMs: 300 });
const KOBE = { __typename: "Community", id: "0e0c1f7a-34c2-5c8a-9d52-5a0b1b8f0c11" };
const PECS = { __typename: "Community", id: "8f3b7d2e-1a4c-5e6f-8a9b-0c1d2e3f4a5b" };
const entities = (list: unknown[]) => ({ status: 200, body: { data: { _entities: list } } });

describe("createEntityLookup", () => {
  it("asks _entities with the caller's identity in the credential and reads each answer in order, null where unknown", async () => {
    answer = () => entities([{ __typename: "Community", id: KOBE.id, slug: "kobe-jp", country: { code: "JP" } }, null]);
    const identity = { subject: "admin-1", roles: ["MEMBER_ADMIN" as const], communityIds: [], organizationIds: [] };
    const [kobe, pecs] = await lookup()([KOBE, PECS], "... on Community { id slug country { code } }", identity);
    expect([kobe?.string("slug"), kobe?.string("country.code"), pecs]).toEqual(["kobe-jp", "JP", null]);
    expect(seen[0].body.variables).toEqual({ representations: [KOBE, PECS] });
    expect(seen[0].body.query).toMatch(/_entities\(representations: \$representations\) \{ __typename \.\.\. on Community/);
    expect(await verifyInternalCredential(seen[0].credential, SECRET)).toMatchObject({ caller: "events", identity: { subject: "admin-1" } });
  });

  it("asks nothing for no references", async () => {
    expect(await lookup()([], "id", null)).toEqual([]);
    expect(seen).toHaveLength(0);
  });

  it.each([
    ["a list of another length", () => entities([null])],
    ["an entity of another id", () => entities([{ __typename: "Community", id: PECS.id }, null])],
    ["an entity of another type", () => entities([{ __typename: "Organization", id: KOBE.id }, null])],
    ["no _entities at all", () => ({ status: 200, body: { data: {} } })],
  ])("refuses %s as SERVICE_UNAVAILABLE", async (_label, reply) => {
    answer = reply;
    await expect(lookup()([KOBE, PECS], "... on Community { id }", null)).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" }, message: /cannot read/ });
  });

  it("refuses a field of the wrong shape when it is read", async () => {
    answer = () => entities([{ __typename: "Community", id: KOBE.id, country: { code: 81 } }]);
    const [kobe] = await lookup()([KOBE], "... on Community { id country { code } }", null);
    expect(() => kobe!.string("country.code")).toThrow(/cannot read/);
  });

  it("turns errors, failures and silence into SERVICE_UNAVAILABLE with a sentence", async () => {
    answer = () => ({ status: 200, body: { errors: [{ message: "boom" }] } });
    await expect(lookup()([KOBE], "id", null)).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" }, message: /could not answer \(HTTP 200\)/ });
    answer = () => ({ status: 502, body: {} });
    await expect(lookup()([KOBE], "id", null)).rejects.toMatchObject({ message: /could not answer \(HTTP 502\)/ });
    answer = () => "hang";
    await expect(lookup()([KOBE], "id", null)).rejects.toMatchObject({ message: /did not answer within 300 ms/ });
  });
});
