package org.rehabnet.platform.web.audit;

/** How an access ended. */
public enum AuditOutcome {
  /** The data was read or changed. */
  SUCCESS,
  /** Refused: no or bad token, wrong role, wrong site, no consent. */
  REFUSED,
  /** The request was invalid and changed nothing. */
  INVALID,
  /** Nothing matched (or the caller may not learn that it exists). */
  NOT_FOUND,
  /** The server failed. */
  ERROR
}
