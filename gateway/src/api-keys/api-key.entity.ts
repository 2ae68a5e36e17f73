import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/** A partner site's key. Only its SHA-256 hash is stored; the key itself is shown once, at creation. */
@Entity({ name: "api_key" })
export class ApiKey {
  @PrimaryColumn({ type: "uuid" })
  id: string;

  @Column({ type: "text" })
  name: string;

  /** The first characters of the key, so an operator can tell keys apart without the secret. */
  @Column({ type: "text" })
  prefix: string;

  @Index("api_key_hash_key", { unique: true })
  @Column({ type: "text", name: "key_hash" })
  keyHash: string;

  /** Browser origins allowed to use the key (CORS answers only these). */
  @Column({ type: "text", array: true, default: () => "'{}'" })
  origins: string[];

  /** Operation-cost points per minute. */
  @Column({ type: "int", name: "rate_limit_points" })
  rateLimitPoints: number;

  /** Ids of the trusted operations this key may run; null: every trusted operation. */
  @Column({ type: "text", array: true, name: "trusted_operations", nullable: true })
  trustedOperations: string[] | null;

  /** Whether the key may send free-form (not pre-approved) operations. */
  @Column({ type: "boolean", name: "allow_free_form", default: false })
  allowFreeForm: boolean;

  @Column({ type: "timestamptz", name: "created_at", default: () => "now()" })
  createdAt: Date;

  @Column({ type: "timestamptz", name: "revoked_at", nullable: true })
  revokedAt: Date | null;
}
