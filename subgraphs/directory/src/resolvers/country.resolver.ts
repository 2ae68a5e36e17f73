import { badUserInput } from "@scg/shared";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { DirectoryContext } from "../context.js";
import { Country } from "../entities/country.entity.js";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: 'One country by ISO code ("JP"); null when the directory has none with that code.' })
  country(@Ctx() { loaders }: DirectoryContext, @Arg("code", () => ID, { description: 'ISO 3166-1 alpha-2 code, such as "JP".' }) code: string): Promise<Country | null> {
    const normalized = code.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(normalized)) {
      throw badUserInput(`"${code}" is not a country code; use an ISO 3166-1 alpha-2 code such as "JP".`, { argument: "code" });
    }
    return loaders.countryByCode.load(normalized);
  }

  @Query(() => [Country], { description: "Every country with a community in the directory, by name; optionally one region's." })
  countries(
    @Ctx() { dataSource }: DirectoryContext,
    @Arg("region", () => String, { nullable: true, description: 'A region such as "Asia" (case-insensitive).' }) region?: string | null,
  ): Promise<Country[]> {
    const q = dataSource.getRepository(Country).createQueryBuilder("country").orderBy("country.name", "ASC");
    if (region) q.where("lower(country.region) = lower(:region)", { region });
    return q.getMany();
  }
}
