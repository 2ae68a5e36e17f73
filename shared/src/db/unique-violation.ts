import { QueryFailedError } from "typeorm";

/** Postgres refused a row because a unique index already holds its key (SQLSTATE 23505): a concurrent twin won. */
export function isUniqueViolation(error: unknown): error is QueryFailedError & { constraint?: string } {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === "23505";
}
