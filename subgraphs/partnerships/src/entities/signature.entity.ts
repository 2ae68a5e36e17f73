import { DateScalar, DateTimeScalar, Provenance, ProvenanceConstraints } from "@scg/shared";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { Partnership } from "./partnership.entity.js";

/**
 * One side's signature of a partnership agreement. The primary key (partnership, community) is what
 * makes "signing twice for one side" impossible even under concurrency.
 */
@ObjectType({ description: "The signature of the highest elected or appointed official of one community." })
@Entity({ name: "signature" })
@ProvenanceConstraints("signature")
export class Signature {
  @PrimaryColumn({ type: "uuid", name: "partnership_id" })
  partnershipId: string;

  /** The signing community; `community` resolves it. */
  @PrimaryColumn({ type: "uuid", name: "community_id" })
  communityId: string;

  @ManyToOne(() => Partnership, { onDelete: "CASCADE" })
  @JoinColumn({ name: "partnership_id", foreignKeyConstraintName: "signature_partnership_fk" })
  partnership?: Partnership;

  @Field({ description: "Name of the official who signed." })
  @Column({ type: "text", name: "signatory_name" })
  signatoryName: string;

  @Field({ description: 'Title of the official who signed, such as "Mayor".' })
  @Column({ type: "text", name: "signatory_title" })
  signatoryTitle: string;

  @Field(() => DateScalar, { description: "Day the official signed." })
  @Column({ type: "date", name: "signed_on" })
  signedOn: string;

  @Field(() => Provenance, { description: "Entered through the API: who recorded the signature, and when." })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field(() => DateTimeScalar, { description: "When the signature was recorded here (the same as `provenance.enteredAt`)." })
  get recordedAt(): Date {
    return this.provenance.enteredAt!;
  }
}
