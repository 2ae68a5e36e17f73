import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Check, Column, Index } from "typeorm";
import { DateScalar, DateTimeScalar } from "./scalars.js";

/** Where a record comes from (DESIGN, "Provenance on every record"). */
export enum ProvenanceKind {
  REAL = "REAL",
  SAMPLE = "SAMPLE",
  SYNTHETIC = "SYNTHETIC",
  ENTERED = "ENTERED",
}

registerEnumType(ProvenanceKind, {
  name: "ProvenanceKind",
  description: "Where a record comes from: a public source, a generated illustration, scale-test data, or a person using the API.",
  valuesConfig: {
    REAL: { description: "Imported from a public source (named in `source`, with its URL and licence)." },
    SAMPLE: { description: "A generated illustration (development profile only): not the record, never open for registration." },
    SYNTHETIC: { description: "Scale-test data (`npm run seed:scale`): made from the real data's distributions, not a real record." },
    ENTERED: { description: "Created through the API by a signed-in person (who and when are recorded)." },
  },
});

/**
 * A record's provenance, stored with the record (TypeORM embedded columns `provenance_*`) and
 * served as the `Provenance` type. The same value type in every subgraph, hence shareable.
 */
@Directive("@shareable")
@ObjectType({ description: "Where a record comes from, under which licence, and when it was retrieved and last verified." })
export class Provenance {
  @Field(() => ProvenanceKind, { description: "Public source, generated sample, scale-test data, or entered through the API." })
  @Column({ type: "text", name: "provenance_kind" })
  kind: ProvenanceKind;

  @Field({ description: 'The source in words: "English Wikipedia, \\"List of twin towns and sister cities in Japan\\"", "Entered through the API".' })
  @Column({ type: "text", name: "provenance_source" })
  source: string;

  @Field(() => String, { nullable: true, description: "Where the source can be read, when it is online." })
  @Column({ type: "text", name: "provenance_url", nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'The licence the data is used under ("CC BY-SA 4.0"), when the source has one.' })
  @Column({ type: "text", name: "provenance_licence", nullable: true })
  licence: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the source was retrieved (for imported records)." })
  @Column({ type: "date", name: "provenance_retrieved_on", nullable: true })
  retrievedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day a person or a check last confirmed the record against its source; null when nobody has." })
  @Column({ type: "date", name: "provenance_last_verified_on", nullable: true })
  lastVerifiedOn: string | null;

  @Field(() => String, { nullable: true, description: "Who entered the record (the signed-in user's id), for ENTERED records." })
  @Column({ type: "text", name: "provenance_entered_by", nullable: true })
  enteredBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the record was entered, for ENTERED records." })
  @Column({ type: "timestamptz", name: "provenance_entered_at", nullable: true })
  enteredAt: Date | null;
}

/**
 * The table-level parts of a provenance the migrations create (see db/provenance-columns.ts):
 * the check on its kind and, where lists filter by it, its index. Put on the entity class.
 */
export function ProvenanceConstraints(table: string, { indexed = false } = {}): ClassDecorator {
  return (target) => {
    Check(`${table}_provenance_kind_check`, `"provenance_kind" IN ('REAL', 'SAMPLE', 'SYNTHETIC', 'ENTERED')`)(target);
    if (indexed) Index(`${table}_provenance_kind_idx`, { synchronize: false })(target);
  };
}

/** A public source, as importers record it. */
export interface SourceReference {
  source: string;
  url: string | null;
  licence: string | null;
  retrievedOn: string | null;
}

/** Provenance of a record imported from `reference` (REAL unless said otherwise). */
export function imported(reference: SourceReference, options: { kind?: ProvenanceKind; lastVerifiedOn?: string | null } = {}): Provenance {
  return Object.assign(new Provenance(), {
    kind: options.kind ?? ProvenanceKind.REAL,
    ...reference,
    lastVerifiedOn: options.lastVerifiedOn ?? null,
    enteredBy: null,
    enteredAt: null,
  });
}

/** Provenance of a record a signed-in person created through the API, now. */
export function entered(subject: string, at = new Date()): Provenance {
  return Object.assign(new Provenance(), {
    kind: ProvenanceKind.ENTERED,
    source: "Entered through the Sister Cities Graph API",
    url: null,
    licence: null,
    retrievedOn: null,
    lastVerifiedOn: null,
    enteredBy: subject,
    enteredAt: at,
  });
}

/** Every list filter's `provenance` field says this. */
export const PROVENANCE_FILTER_DESCRIPTION = "Only records of any of these provenance kinds (omitted or empty: every kind).";

/** The distinct kinds a filter asks for, or null when it does not narrow. */
export const provenanceKinds = (kinds: readonly ProvenanceKind[] | null | undefined): ProvenanceKind[] | null => (kinds?.length ? [...new Set(kinds)] : null);
