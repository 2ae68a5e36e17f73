import "reflect-metadata";
import { DataSource } from "typeorm";
import { dataGenerationSql, ExactCounts } from "./exact-counts";

// A schema of its own in the run's test database; a sequence tells whether the COUNT ran.
const schema = `exact_counts_${process.pid}`;
let dataSource: DataSource;

beforeAll(async () => {
  dataSource = new DataSource({ type: "postgres", url: process.env.TEST_DATABASE_URL });
  await dataSource.initialize();
  await dataSource.query(`CREATE SCHEMA "${schema}"`);
  await dataSource.query(`CREATE TABLE "${schema}"."item" (id serial PRIMARY KEY, colour text NOT NULL)`);
  await dataSource.query(`CREATE SEQUENCE "${schema}"."counted"`);
  for (const statement of dataGenerationSql(schema, "item").up) await dataSource.query(statement);
  await dataSource.query(`INSERT INTO "${schema}"."item" (colour) VALUES ('red'), ('red'), ('blue')`);
});

afterAll(async () => {
  await dataSource?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await dataSource?.destroy();
});

/** Items of a colour; each row the COUNT reads advances the sequence. */
const itemsOf = (colour: string) =>
  dataSource.createQueryBuilder().from(`${schema}.item`, "i").where("i.colour = :colour", { colour }).andWhere(`nextval('"${schema}"."counted"') > 0`);
const countsRun = async () => Number((await dataSource.query(`SELECT last_value FROM "${schema}"."counted"`))[0].last_value);

describe("ExactCounts", () => {
  it("counts once, then answers from memory while the table is unchanged", async () => {
    const counts = new ExactCounts(schema, "item");
    expect(await counts.count(dataSource, itemsOf("red"))).toBe(2);
    const after = await countsRun();
    expect(await counts.count(dataSource, itemsOf("red"))).toBe(2);
    expect(await counts.count(dataSource, itemsOf("red"))).toBe(2);
    expect(await countsRun()).toBe(after);
  });

  it("counts again after any statement that changes the table: insert, update, delete", async () => {
    const counts = new ExactCounts(schema, "item");
    expect(await counts.count(dataSource, itemsOf("blue"))).toBe(1);
    await dataSource.query(`INSERT INTO "${schema}"."item" (colour) VALUES ('blue')`);
    expect(await counts.count(dataSource, itemsOf("blue"))).toBe(2);
    await dataSource.query(`UPDATE "${schema}"."item" SET colour = 'green' WHERE colour = 'blue'`);
    expect(await counts.count(dataSource, itemsOf("blue"))).toBe(0);
    await dataSource.query(`DELETE FROM "${schema}"."item" WHERE colour = 'green'`);
    expect(await counts.count(dataSource, itemsOf("green"))).toBe(0);
  });

  it("keeps each filter's count apart", async () => {
    const counts = new ExactCounts(schema, "item");
    const [red, blue] = [await counts.count(dataSource, itemsOf("red")), await counts.count(dataSource, itemsOf("blue"))];
    expect(red).toBe(Number((await dataSource.query(`SELECT count(*) FROM "${schema}"."item" WHERE colour = 'red'`))[0].count));
    expect(blue).toBe(Number((await dataSource.query(`SELECT count(*) FROM "${schema}"."item" WHERE colour = 'blue'`))[0].count));
  });

  it("counts a batch in one statement, each query with its own parameters, and recounts only what it must", async () => {
    const counts = new ExactCounts(schema, "item");
    const truth = async (colour: string) => Number((await dataSource.query(`SELECT count(*) FROM "${schema}"."item" WHERE colour = $1`, [colour]))[0].count);
    expect(await counts.countMany(dataSource, [itemsOf("red"), itemsOf("blue"), itemsOf("none")])).toEqual([await truth("red"), await truth("blue"), 0]);
    const after = await countsRun();
    expect(await counts.countMany(dataSource, [itemsOf("blue"), itemsOf("red")])).toEqual([await truth("blue"), await truth("red")]);
    expect(await countsRun()).toBe(after);
    await dataSource.query(`INSERT INTO "${schema}"."item" (colour) VALUES ('red')`);
    expect(await counts.countMany(dataSource, [itemsOf("red"), itemsOf("blue")])).toEqual([await truth("red"), await truth("blue")]);
  });

  it("says plainly when the table has no generation (its migration is missing)", async () => {
    await expect(new ExactCounts(schema, "missing").count(dataSource, itemsOf("red"))).rejects.toThrow(/data_generations has no row for missing/);
  });
});
