import { partnershipId } from "@scg/shared";
import { generateSamplePrograms, readSisterCityPairs, resolveCommunities } from "@scg/shared/data";
import { testServiceEnv } from "@scg/shared/testing";
import { createProgramsDataSource } from "../src/index.js";
import { importPrograms } from "../src/seed/import-programs.js";
import { SAMPLE_SEED } from "../src/seed/import-programs.js";
import { NETWORK_PROGRAMS } from "../src/seed/network-programs.js";

const sample = generateSamplePrograms(SAMPLE_SEED);

describe("the generated sample", () => {
  it("is deterministic: the same seed gives the same rows, another seed other rows", () => {
    expect(generateSamplePrograms(SAMPLE_SEED)).toEqual(sample);
    expect(generateSamplePrograms(SAMPLE_SEED + 1).map((p) => p.id)).not.toEqual(sample.map((p) => p.id));
  });

  it("covers part of the real partnerships (about one program per 3–4), every row marked sample", () => {
    const pairs = readSisterCityPairs();
    const { sides } = resolveCommunities(pairs);
    const real = new Set(sides.map((s) => partnershipId(s.usSlug, s.partnerSlug)));
    const used = new Set(sample.map((p) => p.partnershipId));
    for (const id of used) expect(real.has(id)).toBe(true);
    expect(real.size / sample.length).toBeGreaterThan(3);
    expect(real.size / sample.length).toBeLessThan(4);
    expect(new Set(sample.map((p) => p.id)).size).toBe(sample.length);
    expect(sample.every((p) => p.source === "sample" && p.exchanges.every((e) => e.source === "sample"))).toBe(true);
    expect(sample.some((p) => p.startsOn > "2026-11-27")).toBe(true);
  });

  it("keeps every program and exchange consistent with the rules the API enforces", () => {
    for (const p of sample) {
      expect(p.areas.length).toBeGreaterThan(0);
      expect(p.ageGroups.length).toBeGreaterThan(0);
      if (p.endsOn) expect(p.endsOn >= p.startsOn).toBe(true);
      for (const e of p.exchanges) {
        expect([e.fromCommunityId, e.toCommunityId].sort()).toEqual([...p.communityIds].sort());
        expect(e.returnsOn >= e.departsOn).toBe(true);
        expect(e.departsOn >= p.startsOn).toBe(true);
        if (p.endsOn) expect(e.returnsOn <= p.endsOn).toBe(true);
        expect(e.participantCount).toBeGreaterThan(0);
        for (const group of e.ageGroups) expect(p.ageGroups).toContain(group);
      }
    }
  });

  it("imports idempotently: a second import changes no row", async () => {
    const dataSource = createProgramsDataSource(testServiceEnv().DATABASE_URL, { poolSize: 1 });
    await dataSource.initialize();
    try {
      const count = async () =>
        (await dataSource.query(`SELECT (SELECT count(*) FROM "programs"."program" WHERE provenance_kind = 'SAMPLE') AS programs,
           (SELECT count(*) FROM "programs"."exchange" WHERE provenance_kind = 'SAMPLE') AS exchanges,
           (SELECT count(*) FROM "programs"."network_program") AS network`))[0];
      const before = await count();
      const report = await importPrograms(dataSource, { info: () => undefined }, { sample: true });
      expect(report).toEqual({ programs: sample.length, exchanges: sample.flatMap((p) => p.exchanges).length, networkPrograms: NETWORK_PROGRAMS.length });
      expect(await count()).toEqual(before);
      expect(Number(before.programs)).toBe(sample.length);
    } finally {
      await dataSource.destroy();
    }
  });
});
