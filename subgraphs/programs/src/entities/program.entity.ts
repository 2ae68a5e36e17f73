import { ActiveArea, AgeGroup, DateScalar, Provenance, ProvenanceConstraints } from "@scg/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, PrimaryColumn } from "typeorm";
import { ProgramStatus, statusOn } from "./program-status.js";

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A cultural, educational, youth, municipal, business or humanitarian program that runs inside one sister-city partnership.",
})
@Entity({ name: "program" })
@ProvenanceConstraints("program", { indexed: true })
@Index("program_starts_on_id_idx", ["startsOn", "id"])
@Index("program_partnership_idx", ["partnershipId", "startsOn"])
// The title order's index (title COLLATE "C", id); created by its migration (TypeORM cannot express it).
@Index("program_title_order_idx", { synchronize: false })
@Check("program_dates_check", `"ends_on" IS NULL OR "ends_on" >= "starts_on"`)
@Check("program_community_ids_check", `cardinality("community_ids") = 2`)
export class Program {
  @Field(() => ID, { description: "Stable id (a UUID derived from the partnership, the title and the start date)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  /** The partnership it runs in; `partnership` resolves it (a reference into the partnerships subgraph). */
  @Column({ type: "uuid", name: "partnership_id" })
  partnershipId: string;

  /**
   * The partnership's two communities (US side first for imported rows), copied from the
   * partnerships subgraph when the program is created: a partnership's communities never change,
   * and exchanges must travel between exactly these two.
   */
  @Column({ type: "uuid", array: true, name: "community_ids" })
  communityIds: string[];

  /** The two communities' ISO country codes: what the `countryCode` filter matches. */
  @Index("program_country_codes_idx", { synchronize: false }) // GIN, created by the migration
  @Column({ type: "text", array: true, name: "country_codes" })
  countryCodes: string[];

  /** The organizing organization, if any; `organizer` resolves it. */
  @Index("program_organizer_idx")
  @Column({ type: "uuid", name: "organizer_id", nullable: true })
  organizerId: string | null;

  @Field({ description: 'What the program is called: "Seattle–Kobe High School Exchange".' })
  @Column({ type: "text" })
  title: string;

  @Field({ description: "What the program does, for whom, in a few sentences." })
  @Column({ type: "text" })
  description: string;

  @Field(() => [ActiveArea], { description: "The active areas the program belongs to (at least one)." })
  @Index("program_areas_idx", { synchronize: false }) // GIN, created by the migration
  @Column({ type: "text", array: true })
  areas: ActiveArea[];

  @Field(() => [AgeGroup], { description: "The age groups the program serves (at least one)." })
  @Index("program_age_groups_idx", { synchronize: false }) // GIN, created by the migration
  @Column({ type: "text", array: true, name: "age_groups" })
  ageGroups: AgeGroup[];

  @Field(() => DateScalar, { description: "First day of the program." })
  @Column({ type: "date", name: "starts_on" })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the program; null while it is open-ended." })
  @Column({ type: "date", name: "ends_on", nullable: true })
  endsOn: string | null;

  @Field(() => ProgramStatus, { description: "Planned, running or completed, as of today (derived from the dates)." })
  get status(): ProgramStatus {
    return statusOn(this.startsOn, this.endsOn);
  }

  @Field(() => Provenance, { description: "Where this record comes from: SAMPLE for the generated sample (there is no public record of individual programs), ENTERED for programs members published (who and when)." })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field({ description: "Where this record comes from, in words (the same as `provenance.source`).", deprecationReason: "Use `provenance` (kind, source, URL, licence, dates)." })
  get source(): string {
    return this.provenance.source;
  }
}
