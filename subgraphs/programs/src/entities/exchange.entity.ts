import { AgeGroup, DateScalar, Provenance, ProvenanceConstraints } from "@scg/shared";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Program } from "./program.entity.js";

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    "One trip that carries a program out: a delegation, a group of students, visiting artists, travelling from one side of the partnership to the other.",
})
@Entity({ name: "exchange" })
@ProvenanceConstraints("exchange")
@Index("exchange_program_departs_idx", ["programId", "departsOn"])
@Check("exchange_dates_check", `"returns_on" >= "departs_on"`)
@Check("exchange_participants_check", `"participant_count" > 0`)
@Check("exchange_direction_check", `"from_community_id" <> "to_community_id"`)
export class Exchange {
  @Field(() => ID, { description: "Stable id (a UUID derived from the program, the travelling community and the departure date)." })
  @PrimaryColumn({ type: "uuid" })
  id: string;

  /** The program it belongs to; `program` resolves it. */
  @Column({ type: "uuid", name: "program_id" })
  programId: string;

  // Declared so the schema builder knows the foreign key the migration creates; never loaded (the loaders batch instead).
  @ManyToOne(() => Program, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "program_id", foreignKeyConstraintName: "exchange_program_fkey" })
  program?: Program;

  /** The community the group travels from (one side of the partnership). */
  @Index("exchange_from_community_idx")
  @Column({ type: "uuid", name: "from_community_id" })
  fromCommunityId: string;

  /** The community the group travels to (the other side). */
  @Index("exchange_to_community_idx")
  @Column({ type: "uuid", name: "to_community_id" })
  toCommunityId: string;

  @Field(() => DateScalar, { description: "Day the group leaves home." })
  @Column({ type: "date", name: "departs_on" })
  departsOn: string;

  @Field(() => DateScalar, { description: "Day the group comes back (on or after `departsOn`)." })
  @Column({ type: "date", name: "returns_on" })
  returnsOn: string;

  @Field(() => Int, { description: "How many people travel (at least one)." })
  @Column({ type: "int", name: "participant_count" })
  participantCount: number;

  @Field(() => [AgeGroup], { description: "The age groups of the travellers (among the program's age groups)." })
  @Column({ type: "text", array: true, name: "age_groups" })
  ageGroups: AgeGroup[];

  @Field(() => String, { nullable: true, description: "Who travels and why, in a sentence." })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => Provenance, { description: "Where this record comes from: SAMPLE for the generated sample, ENTERED for exchanges members scheduled (who and when)." })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field({ description: "Where this record comes from, in words (the same as `provenance.source`).", deprecationReason: "Use `provenance` (kind, source, URL, licence, dates)." })
  get source(): string {
    return this.provenance.source;
  }
}
