import { DateTimeScalar } from "@scg/shared";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { PartnershipStatus } from "./partnership-status.js";
import { Partnership } from "./partnership.entity.js";

/** One entry of a partnership's status history: who moved it from what to what, when, and why. */
@ObjectType("PartnershipStatusChange", { description: "One change of a partnership's status: who made it, when, from what, to what, and why." })
@Entity({ name: "status_change" })
@Index("status_change_partnership_idx", ["partnershipId", "changedAt"])
export class StatusChange {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "uuid", name: "partnership_id" })
  partnershipId: string;

  @ManyToOne(() => Partnership, { onDelete: "CASCADE" })
  @JoinColumn({ name: "partnership_id", foreignKeyConstraintName: "status_change_partnership_fk" })
  partnership?: Partnership;

  @Field(() => PartnershipStatus, { nullable: true, description: "The status before the change; null when the partnership was created." })
  @Column({ type: "text", name: "from_status", nullable: true })
  from: PartnershipStatus | null;

  @Field(() => PartnershipStatus, { description: "The status after the change." })
  @Column({ type: "text", name: "to_status" })
  to: PartnershipStatus;

  @Field({ description: 'Who made the change: the signed-in user\'s id, or "import" for the data import.' })
  @Column({ type: "text", name: "changed_by" })
  changedBy: string;

  @Field(() => DateTimeScalar, { description: "When the change was made." })
  @Column({ type: "timestamptz", name: "changed_at", default: () => "now()" })
  changedAt: Date;

  @Field(() => String, { nullable: true, description: "Why: the reason given, or what caused it (a signature, the import)." })
  @Column({ type: "text", nullable: true })
  reason: string | null;
}
