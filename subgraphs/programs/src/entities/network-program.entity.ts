import { ActiveArea, AgeGroup, DateScalar, Provenance, ProvenanceConstraints } from "@scg/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, PrimaryColumn } from "typeorm";
import { ProgramStatus, statusOn } from "./program-status.js";

/**
 * A program the network runs for young people and members of many partnerships at once, such as
 * Sister Cities International's Youth Leadership Summit. It is not a `Program`: the contract
 * promises every `Program` a partnership (`partnership: Partnership!`), and a network-wide
 * program has none — attaching it to an arbitrary partnership would misstate the record.
 */
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "A program an organization runs for the whole network rather than inside one partnership, such as Sister Cities International's Youth Leadership Summit.",
})
@Entity({ name: "network_program" })
@ProvenanceConstraints("network_program")
@Index("network_program_starts_on_id_idx", ["startsOn", "id"])
@Check("network_program_dates_check", `"ends_on" IS NULL OR "ends_on" >= "starts_on"`)
export class NetworkProgram {
  @Field(() => ID, { description: "Stable id (a UUID derived from the organizer and the program's natural name)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  /** The organization that runs it; `organizer` resolves it. */
  @Index("network_program_organizer_idx")
  @Column({ type: "uuid", name: "organizer_id" })
  organizerId: string;

  /** Where it takes place, when it has one host community; `host` resolves it. */
  @Column({ type: "uuid", name: "host_community_id", nullable: true })
  hostCommunityId: string | null;

  @Field({ description: 'What it is called: "Youth Leadership Summit 2025".' })
  @Column({ type: "text" })
  title: string;

  @Field({ description: "What it does, for whom, in a few sentences." })
  @Column({ type: "text" })
  description: string;

  @Field(() => [ActiveArea], { description: "The active areas it belongs to." })
  @Index("network_program_areas_idx", { synchronize: false }) // GIN, created by the migration
  @Column({ type: "text", array: true })
  areas: ActiveArea[];

  @Field(() => [AgeGroup], { description: "The age groups it serves." })
  @Index("network_program_age_groups_idx", { synchronize: false }) // GIN, created by the migration
  @Column({ type: "text", array: true, name: "age_groups" })
  ageGroups: AgeGroup[];

  @Field(() => DateScalar, { description: "First day." })
  @Column({ type: "date", name: "starts_on" })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day, where the record gives it." })
  @Column({ type: "date", name: "ends_on", nullable: true })
  endsOn: string | null;

  @Field(() => ProgramStatus, { description: "Planned, running or completed, as of today (derived from the dates)." })
  get status(): ProgramStatus {
    return statusOn(this.startsOn, this.endsOn);
  }

  @Field(() => Provenance, { description: "Where this record comes from: the public page that states it." })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field({ description: "Where this record comes from, in words (the same as `provenance.source`).", deprecationReason: "Use `provenance` (kind, source, URL, licence, dates)." })
  get source(): string {
    return this.provenance.source;
  }
}
