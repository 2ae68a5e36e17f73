import { CommunityKind, GEONAMES, imported, Provenance, ProvenanceConstraints, ProvenanceKind } from "@scg/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { GeoPoint } from "./geo-point.js";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A city, county or state: a member of the network or a partner abroad." })
@Entity({ name: "community" })
@ProvenanceConstraints("community", { indexed: true })
@Index("community_country_region_slug_idx", ["countryCode", "regionCode", "slug"])
// Trigram index for the accent-folded substring search and the name order's index (search_text
// COLLATE "C", id); created by migrations (TypeORM cannot express them).
@Index("community_search_trgm_idx", { synchronize: false })
@Index("community_name_order_idx", { synchronize: false })
export class Community {
  @Field(() => ID, { description: "Stable id (a UUID derived from the slug; the same in every subgraph and on every import)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Field({ description: 'URL-friendly unique name: "seattle-wa-us", "kobe-jp".' })
  @Index("community_slug_key", { unique: true })
  @Column({ type: "text" })
  slug: string;

  @Field({ description: "Name as the source gives it, diacritics kept." })
  @Column({ type: "text" })
  name: string;

  /** Lowercase, diacritics removed: what `search` matches (see foldText). */
  @Column({ type: "text", name: "search_text" })
  searchText: string;

  @Field(() => CommunityKind, { description: "City, county or state." })
  @Index("community_kind_idx")
  @Column({ type: "text" })
  kind: CommunityKind;

  /** The country's ISO code; `country` resolves it. */
  @Column({ type: "char", length: 2, name: "country_code" })
  countryCode: string;

  @Field(() => String, { nullable: true, description: "USPS state code for US communities; null elsewhere." })
  @Column({ type: "text", name: "region_code", nullable: true })
  regionCode: string | null;

  @Field(() => String, { nullable: true, description: "State, province or region name, where known." })
  @Column({ type: "text", nullable: true })
  region: string | null;

  /**
   * How many partnerships it has (any status), as the partnerships subgraph counts them: a copy kept
   * for ordering (`orderBy: PARTNERSHIP_COUNT`); the field clients read is partnerships' own
   * `partnershipCount`. Sent by the partnerships subgraph after each proposal; set by the import.
   */
  @Column({ type: "int", name: "partnership_count", default: 0 })
  @Index("community_partnership_count_idx", ["partnershipCount", "id"])
  partnershipCount: number;

  @Column({ type: "double precision", nullable: true })
  latitude: number | null;

  @Column({ type: "double precision", nullable: true })
  longitude: number | null;

  @Field(() => GeoPoint, { nullable: true, description: "Coordinates, where a gazetteer match was found." })
  get location(): GeoPoint | null {
    if (this.latitude === null || this.longitude === null) return null;
    // Every coordinate comes from GeoNames; a synthetic community's place is synthetic too.
    const provenance = this.provenance.kind === ProvenanceKind.REAL ? imported(GEONAMES) : imported({ ...GEONAMES, source: `Synthetic: a GeoNames place picked for scale-test data` }, { kind: this.provenance.kind });
    return { latitude: this.latitude, longitude: this.longitude, provenance };
  }

  @Field(() => Provenance, { description: "Where this record comes from: for imported communities, the Wikipedia list pages that name them." })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field({ description: "Where this record comes from, in words (the same as `provenance.source`).", deprecationReason: "Use `provenance` (kind, source, URL, licence, dates)." })
  get source(): string {
    return this.provenance.source;
  }
}
