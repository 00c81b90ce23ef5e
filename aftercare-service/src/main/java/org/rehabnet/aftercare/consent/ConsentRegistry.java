package org.rehabnet.aftercare.consent;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.ConsentGranted;
import org.rehabnet.platform.events.intake.ConsentRevoked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aftercare's read model of consents, from intake's ConsentGranted / ConsentRevoked events, and the
 * question every disclosure must ask at the moment it happens: is there an active consent for this
 * recipient, purpose and kind of information? Expiry and revocation are judged at query time, so a
 * consent that lapses needs no event, and a revocation stops disclosure as soon as it is consumed.
 */
@Component
public class ConsentRegistry {

  private static final String SELECT = """
      SELECT c.consent_id, c.patient_id, c.site, c.recipient_type, c.recipient, c.purpose, c.data_categories,
             c.signed_on, c.expires_at, c.granted_at,
             -- a revocation counts from its own time or from when it reached us, whichever is earlier,
             -- so a clock ahead at intake cannot keep a revoked consent alive here
             LEAST(r.revoked_at, r.received_at) AS effective_revoked_at
        FROM consent c LEFT JOIN consent_revocation r ON r.consent_id = c.consent_id
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  ConsentRegistry(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The consent that allows disclosing this category of the patient's information to the partner for
   * the purpose at the given instant, if any.
   */
  @Transactional(readOnly = true)
  public Optional<ActiveConsent> activeConsent(UUID patientId, String partnerOrg, String category, String purpose,
      Instant at) {
    return jdbc.sql(SELECT + """
             WHERE c.patient_id = :patientId AND c.recipient = :recipient AND c.purpose = :purpose
               AND :category = ANY (c.data_categories)
             ORDER BY c.granted_at DESC
            """)
        .param("patientId", patientId)
        .param("recipient", partnerOrg)
        .param("purpose", purpose)
        .param("category", category)
        .query(ConsentRegistry::map)
        .list().stream()
        .filter(consent -> consent.isActiveAt(at))
        .findFirst();
  }

  /** Every consent the patient signed, active or not, newest first. */
  @Transactional(readOnly = true)
  public List<ActiveConsent> consentsOf(UUID patientId) {
    return jdbc.sql(SELECT + " WHERE c.patient_id = :patientId ORDER BY c.granted_at DESC")
        .param("patientId", patientId)
        .query(ConsentRegistry::map)
        .list();
  }

  /** A person some consent names the recipient for, since the first such consent was granted. */
  public record NamedPatient(UUID patientId, Instant firstNamedAt) {}

  // The partner's Patient search pages the people its consents name in a fixed order: by when the first of
  // them was granted, newest first, then by patient id. A later consent of a person already named does not
  // move them, so a walk through the pages meets each person once.
  private static final String NAMED = """
      SELECT patient_id, min(granted_at) AS first_named_at FROM consent WHERE recipient = :recipient
       GROUP BY patient_id
      """;
  private static final String NAMED_NEWEST_FIRST = " ORDER BY first_named_at DESC, patient_id DESC LIMIT :rows";

  /** The first {@code rows} people any consent naming the recipient is about, active or not. */
  @Transactional(readOnly = true)
  public List<NamedPatient> patientsNaming(String recipient, int rows) {
    return jdbc.sql(NAMED + NAMED_NEWEST_FIRST)
        .param("recipient", recipient)
        .param("rows", rows)
        .query(ConsentRegistry::named)
        .list();
  }

  /** The next {@code rows} of them after the person {@code afterPatient} first named at {@code afterAt}. */
  @Transactional(readOnly = true)
  public List<NamedPatient> patientsNamingAfter(String recipient, Instant afterAt, UUID afterPatient, int rows) {
    return jdbc.sql(NAMED + " HAVING (min(granted_at), patient_id) < (:afterAt, :afterPatient)" + NAMED_NEWEST_FIRST)
        .param("recipient", recipient)
        .param("afterAt", afterAt.atOffset(ZoneOffset.UTC))
        .param("afterPatient", afterPatient)
        .param("rows", rows)
        .query(ConsentRegistry::named)
        .list();
  }

  /** Every consent naming the recipient of these people, active or not, newest first. */
  @Transactional(readOnly = true)
  public List<ActiveConsent> consentsNaming(String recipient, Collection<UUID> patientIds) {
    if (patientIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " WHERE c.recipient = :recipient AND c.patient_id IN (:patientIds)"
            + " ORDER BY c.granted_at DESC")
        .param("recipient", recipient)
        .param("patientIds", List.copyOf(patientIds))
        .query(ConsentRegistry::map)
        .list();
  }

  /**
   * How many registered people a consent allows disclosing this category to the partner organisation for
   * the purpose at this instant: {@link ActiveConsent#covers} and {@link ActiveConsent#isActiveAt} in SQL,
   * for the total of a search whose pages are judged one consent at a time. It only counts; it allows
   * nothing.
   */
  @Transactional(readOnly = true)
  public long patientsAllowing(String partnerOrg, String category, String purpose, Instant at) {
    return jdbc.sql("""
            SELECT count(DISTINCT c.patient_id)
              FROM consent c LEFT JOIN consent_revocation r ON r.consent_id = c.consent_id
             WHERE c.recipient_type = 'PARTNER_ORGANISATION' AND c.recipient = :recipient
               AND c.purpose = :purpose AND :category = ANY (c.data_categories)
               AND (c.expires_at IS NULL OR c.expires_at > :at)
               AND (r.consent_id IS NULL OR LEAST(r.revoked_at, r.received_at) > :at)
               AND EXISTS (SELECT 1 FROM patient_identity i WHERE i.patient_id = c.patient_id)
            """)
        .param("recipient", partnerOrg)
        .param("purpose", purpose)
        .param("category", category)
        // Truncated, not rounded by PostgreSQL: stored times are whole microseconds, so "after the truncated
        // instant" is exactly "after the instant", as isActiveAt judges it.
        .param("at", at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
        .query(Long.class)
        .single();
  }

  /** Runs in the event inbox's transaction; a replay of the same grant changes nothing. */
  void granted(ConsentGranted event) {
    jdbc.sql("""
            INSERT INTO consent (consent_id, patient_id, site, recipient_type, recipient, purpose, data_categories,
                                 signed_on, expires_at, granted_at, received_at)
            VALUES (:consentId, :patientId, :site, :recipientType, :recipient, :purpose, :categories,
                    :signedOn, :expiresAt, :grantedAt, :receivedAt)
            ON CONFLICT (consent_id) DO NOTHING
            """)
        .param("consentId", event.consentId())
        .param("patientId", event.patientId())
        .param("site", event.site())
        .param("recipientType", event.recipientType())
        .param("recipient", event.recipient())
        .param("purpose", event.purpose())
        .param("categories", event.dataCategories().stream().sorted().toArray(String[]::new))
        .param("signedOn", event.signedOn())
        .param("expiresAt", timestamp(event.expiresAt()))
        .param("grantedAt", Timestamp.from(event.grantedAt()))
        .param("receivedAt", Timestamp.from(clock.instant()))
        .update();
  }

  /** Kept even when the grant has not arrived yet: a late grant is then born revoked. */
  void revoked(ConsentRevoked event) {
    jdbc.sql("""
            INSERT INTO consent_revocation (consent_id, patient_id, revoked_at, received_at)
            VALUES (:consentId, :patientId, :revokedAt, :receivedAt)
            ON CONFLICT (consent_id) DO NOTHING
            """)
        .param("consentId", event.consentId())
        .param("patientId", event.patientId())
        .param("revokedAt", Timestamp.from(event.revokedAt()))
        .param("receivedAt", Timestamp.from(clock.instant()))
        .update();
  }

  private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static ActiveConsent map(ResultSet rs, int row) throws SQLException {
    Array categories = rs.getArray("data_categories");
    return new ActiveConsent(rs.getObject("consent_id", UUID.class), rs.getObject("patient_id", UUID.class),
        rs.getString("site"), rs.getString("recipient_type"), rs.getString("recipient"), rs.getString("purpose"),
        Set.of((String[]) categories.getArray()), rs.getDate("signed_on").toLocalDate(),
        instant(rs.getTimestamp("expires_at")), rs.getTimestamp("granted_at").toInstant(),
        instant(rs.getTimestamp("effective_revoked_at")));
  }

  private static NamedPatient named(ResultSet rs, int row) throws SQLException {
    return new NamedPatient(rs.getObject("patient_id", UUID.class), rs.getTimestamp("first_named_at").toInstant());
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
