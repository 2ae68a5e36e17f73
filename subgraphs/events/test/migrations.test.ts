import { migrate } from "@scg/shared";
import { testServiceEnv } from "@scg/shared/testing";
import { createEventsDataSource, EVENTS_SCHEMA } from "../src/data-source.js";

describe("events migrations", () => {
  it("create exactly the tables, columns, indexes and constraints the entities declare", async () => {
    const dataSource = createEventsDataSource(testServiceEnv().DATABASE_URL, { poolSize: 1 });
    await dataSource.initialize();
    try {
      await migrate(dataSource, EVENTS_SCHEMA); // idempotent: the global setup already migrated
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
