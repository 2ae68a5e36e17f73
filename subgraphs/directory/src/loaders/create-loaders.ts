import { createGroupLoader, createKeyLoader } from "@scg/shared";
import { In, type DataSource } from "typeorm";
import { Community } from "../entities/community.entity.js";
import { Country } from "../entities/country.entity.js";
import { Organization } from "../entities/organization.entity.js";

/** One loader per access path; a new set for every request (never shared across callers). */
export function createLoaders(dataSource: DataSource) {
  const communities = dataSource.getRepository(Community);
  const countries = dataSource.getRepository(Country);
  const organizations = dataSource.getRepository(Organization);
  return {
    countryByCode: createKeyLoader(
      (codes: readonly string[]) => countries.findBy({ code: In([...codes]) }),
      (country) => country.code,
    ),
    communityById: createKeyLoader(
      (ids: readonly string[]) => communities.findBy({ id: In([...ids]) }),
      (community) => community.id,
    ),
    communityBySlug: createKeyLoader(
      (slugs: readonly string[]) => communities.findBy({ slug: In([...slugs]) }),
      (community) => community.slug,
    ),
    organizationBySlug: createKeyLoader(
      (slugs: readonly string[]) => organizations.findBy({ slug: In([...slugs]) }),
      (organization) => organization.slug,
    ),
    organizationById: createKeyLoader(
      (ids: readonly string[]) => organizations.findBy({ id: In([...ids]) }),
      (organization) => organization.id,
    ),
    organizationsByCommunityId: createGroupLoader(
      (ids: readonly string[]) => organizations.find({ where: { communityId: In([...ids]) }, order: { name: "ASC" } }),
      (organization) => organization.communityId!,
    ),
  };
}

export type DirectoryLoaders = ReturnType<typeof createLoaders>;
