package org.rehabnet.platform.web.audit;

/** What was done to the data. */
public enum AuditAction {
  READ,
  CREATE,
  UPDATE,
  DELETE,
  /** Shown to someone outside the program (a partner), under a consent. */
  DISCLOSE,
  /** A request that was refused before anything was read or written. */
  ACCESS
}
