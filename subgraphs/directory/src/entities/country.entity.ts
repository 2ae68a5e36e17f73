import { Provenance, ProvenanceConstraints } from "@scg/shared";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";

@Directive('@key(fields: "code")')
@ObjectType({ description: "A country, by its ISO 3166-1 alpha-2 code." })
@Entity({ name: "country" })
@ProvenanceConstraints("country")
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code ("XK" for Kosovo).' })
  @PrimaryColumn({ type: "char", length: 2 })
  code: string;

  @Field({ description: "Common English name." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: 'Continent-level region ("Asia", "Europe", "Americas", …).' })
  @Index("country_region_idx")
  @Column({ type: "text", nullable: true })
  region: string | null;

  @Field(() => String, { nullable: true, description: 'Sub-region ("Eastern Asia", "Northern America", …).' })
  @Column({ type: "text", nullable: true })
  subregion: string | null;

  @Field(() => Provenance, { description: "Where this record comes from." })
  @Column(() => Provenance, { prefix: false })
  provenance: Provenance;

  @Field({ description: "Where this record comes from, in words (the same as `provenance.source`).", deprecationReason: "Use `provenance` (kind, source, URL, licence, dates)." })
  get source(): string {
    return this.provenance.source;
  }
}
