import { ActiveArea, AgeGroup, Provenance, ProvenanceConstraints } from "@scg/shared";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A member organization or citizen-diplomacy organization (a sister-city association, a national body, …)." })
@Entity({ name: "organization" })
@ProvenanceConstraints("organization")
export class Organization {
  @Field(() => ID, { description: "Stable id (a UUID derived from the slug)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Field({ description: 'URL-friendly unique name: "sister-cities-international".' })
  @Index("organization_slug_key", { unique: true })
  @Column({ type: "text" })
  slug: string;

  @Field({ description: "Full name." })
  @Column({ type: "text" })
  name: string;

  @Column({ type: "text", name: "search_text" })
  searchText: string;

  @Field(() => String, { nullable: true, description: "What the organization does, in its own words where quoted." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => [ActiveArea], { description: "The active areas the organization works in." })
  @Index("organization_active_areas_idx", { synchronize: false }) // GIN, created by the migration
  @Column({ type: "text", array: true, name: "active_areas", default: () => "'{}'" })
  activeAreas: ActiveArea[];

  @Field(() => [AgeGroup], { description: "The age groups it serves." })
  @Index("organization_age_groups_idx", { synchronize: false }) // GIN, created by the migration
  @Column({ type: "text", array: true, name: "age_groups", default: () => "'{}'" })
  ageGroups: AgeGroup[];

  /** The community the organization is based in (its `organizations` list). */
  @Index("organization_community_idx")
  @Column({ type: "uuid", name: "community_id", nullable: true })
  communityId: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  @Column({ type: "text", nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: "Telephone number, as the organization publishes it." })
  @Column({ type: "text", nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: "Email address, where the organization publishes one (null when its public sources give none)." })
  @Column({ type: "text", nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true, description: "Web site." })
  @Column({ type: "text", nullable: true })
  website: string | null;

  @Field(() => Int, { nullable: true, description: "How many countries the organization works with, as it says itself (not counted from the data)." })
  @Column({ type: "int", name: "countries_served", nullable: true })
  countriesServed: number | null;

  @Field(() => Int, { nullable: true, description: "Year the organization was founded." })
  @Column({ type: "int", name: "founded_year", nullable: true })
  foundedYear: number | null;

  @Field(() => Provenance, { description: "Where this record comes from." })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field({ description: "Where this record comes from, in words (the same as `provenance.source`).", deprecationReason: "Use `provenance` (kind, source, URL, licence, dates)." })
  get source(): string {
    return this.provenance.source;
  }
}
