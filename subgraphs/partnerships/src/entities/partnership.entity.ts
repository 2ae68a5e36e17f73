import { ActiveArea, DateScalar, Provenance, ProvenanceConstraints } from "@scg/shared";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, PrimaryColumn } from "typeorm";
import { PartnershipStatus } from "./partnership-status.js";

/**
 * A partnership between exactly two communities in two different countries.
 *
 * Each side is stored as the directory's community id plus that community's country code and
 * region code (US state). The codes are copied on purpose — validated against the directory at
 * import and on proposal — so that `partnerships(filter: { countryCode, regionCode })`,
 * `Country.partnerships` and the counts run as one indexed SQL query here, without asking the
 * directory which communities lie in which country. A community never moves country, so the
 * copy cannot go stale in practice; names, coordinates and the rest stay in the directory.
 *
 * Side A is the US side for imported pairs, the first community of the proposal for new ones.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: "A sister-city partnership: two communities in two different countries, and the agreement between them." })
@Entity({ name: "partnership" })
@ProvenanceConstraints("partnership", { indexed: true })
@Check("partnership_status_check", `"status" IN ('PROPOSED', 'ACTIVE', 'INACTIVE', 'TERMINATED')`)
@Check("partnership_two_communities_check", `"community_a_id" <> "community_b_id"`)
@Check("partnership_two_countries_check", `"community_a_country" <> "community_b_country"`)
@Check("partnership_established_year_check", `"established_year" BETWEEN 1800 AND 2200`)
@Index("partnership_a_country_region_idx", ["communityACountry", "communityARegion", "id"])
@Index("partnership_b_country_region_idx", ["communityBCountry", "communityBRegion", "id"])
@Index("partnership_status_idx", ["status", "id"])
// At most one open (proposed or active) partnership per pair of communities, whatever the order of
// the two sides: an expression index TypeORM cannot express, created by the migration.
@Index("partnership_open_pair_key", { synchronize: false })
// Expression indexes of the country page's order (partner name), created by their migration.
@Index("partnership_a_country_partner_name_idx", { synchronize: false })
@Index("partnership_b_country_partner_name_idx", { synchronize: false })
@Index("partnership_partner_name_idx", { synchronize: false })
export class Partnership {
  @Field(() => ID, { description: "Stable id (for imported pairs, a UUID derived from the two communities' slugs)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Field(() => PartnershipStatus, { description: "Where the partnership stands in its lifecycle." })
  @Column({ type: "text" })
  status: PartnershipStatus;

  /** Side A: the US side of an imported pair, or the first community of a proposal. */
  @Index("partnership_community_a_idx")
  @Column({ type: "uuid", name: "community_a_id" })
  communityAId: string;

  @Column({ type: "char", length: 2, name: "community_a_country" })
  communityACountry: string;

  @Column({ type: "text", name: "community_a_region", nullable: true })
  communityARegion: string | null;

  @Index("partnership_community_b_idx")
  @Column({ type: "uuid", name: "community_b_id" })
  communityBId: string;

  @Column({ type: "char", length: 2, name: "community_b_country" })
  communityBCountry: string;

  @Column({ type: "text", name: "community_b_region", nullable: true })
  communityBRegion: string | null;

  /** Each side's name folded for ordering (see foldText), copied like its codes; the directory owns the name itself. */
  @Column({ type: "text", name: "community_a_sort_name", nullable: true })
  communityASortName: string | null;

  @Column({ type: "text", name: "community_b_sort_name", nullable: true })
  communityBSortName: string | null;

  /** Each side's world region ("Asia", "Europe", …), copied like its codes, for the facets. */
  @Column({ type: "text", name: "community_a_world_region", nullable: true })
  communityAWorldRegion: string | null;

  @Column({ type: "text", name: "community_b_world_region", nullable: true })
  communityBWorldRegion: string | null;

  @Field(() => Int, { nullable: true, description: "Year the partnership was established, where known." })
  @Column({ type: "int", name: "established_year", nullable: true })
  establishedYear: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Day the partnership became active: the later of the two signatures. Null for imported partnerships." })
  @Column({ type: "date", name: "established_on", nullable: true })
  establishedOn: string | null;

  @Field(() => [ActiveArea], { description: "The active areas the partnership works in." })
  @Index("partnership_focus_areas_idx", { synchronize: false }) // GIN, created by the migration
  @Column({ type: "text", array: true, name: "focus_areas", default: () => "'{}'" })
  focusAreas: ActiveArea[];

  @Field(() => Provenance, { description: "Where the record comes from: for imported pairs, the English Wikipedia list(s) naming it, with URL, licence and retrieval day; for proposals, who entered it and when." })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field(() => String, { nullable: true, description: "Where the record comes from, in words (the same as `provenance.source`)." })
  get source(): string | null {
    return this.provenance.source;
  }

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "updated_at", default: () => "now()" })
  updatedAt: Date;

  /**
   * Bumped by every write. Updates are conditional on it (`WHERE id = $1 AND version = $2`), so two
   * concurrent changes can never silently overwrite each other (a plain @VersionColumn would not do that).
   */
  @Field(() => Int, { description: "Revision number, bumped by every change; pass it as `expectedVersion` to update only what you have seen." })
  @Column({ type: "int", default: 1 })
  version: number;

  /** The two community ids, side A first. */
  get communityIds(): [string, string] {
    return [this.communityAId, this.communityBId];
  }

  /** The other side of the partnership, seen from `communityId`. */
  partnerOf(communityId: string): string {
    return communityId === this.communityAId ? this.communityBId : this.communityAId;
  }

  /** The folded name of the other side, seen from `communityId` (for ordering sister cities by name). */
  partnerSortNameOf(communityId: string): string {
    return (communityId === this.communityAId ? this.communityBSortName : this.communityASortName) ?? "";
  }
}
