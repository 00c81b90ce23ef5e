package org.rehabnet.platform.web.security;

/** The realm roles of the rehabnet Keycloak realm. */
public final class Roles {

  public static final String INTAKE_COORDINATOR = "intake-coordinator";
  public static final String NURSE = "nurse";
  public static final String PHYSICIAN = "physician";
  public static final String COUNSELLOR = "counsellor";
  public static final String SITE_ADMIN = "site-admin";
  /** Reads across every site of the network. */
  public static final String CLINICAL_LEAD = "clinical-lead";
  public static final String AUDITOR = "auditor";
  /**
   * The network's records team: reviews possible duplicate registrations and links a patient into a
   * further site. Network-wide (no site attribute): a duplicate across sites is by nature seen from
   * both sides, which no one site's staff may do. Reads no clinical record.
   */
  public static final String RECORDS_OFFICER = "records-officer";
  /** A partner organisation's API client; reaches only the partner API. */
  public static final String PARTNER = "partner";

  /** Spring Security authority for a realm role. */
  public static String authority(String role) {
    return "ROLE_" + role;
  }

  private Roles() {}
}
