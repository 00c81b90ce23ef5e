package org.rehabnet.intake.safety;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rehabnet.intake.patient.PatientIdentity;
import org.rehabnet.intake.patient.PatientRegistry;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.platform.events.clinical.AlertKind;
import org.rehabnet.platform.events.clinical.AlertSeverity;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lists a site's intake safety alerts, open ones first, and records who acknowledged one. */
@Service
class SafetyAlertService {

  static final int MAX_PAGE_SIZE = 50;

  private final IntakeSafetyAlerts alerts;
  private final JdbcClient jdbc;
  private final PatientRegistry patients;
  private final Sites sites;
  private final Clock clock;
  private final AuditTrail audit;

  SafetyAlertService(IntakeSafetyAlerts alerts, JdbcClient jdbc, PatientRegistry patients, Sites sites, Clock clock,
      AuditTrail audit) {
    this.alerts = alerts;
    this.jdbc = jdbc;
    this.patients = patients;
    this.sites = sites;
    this.clock = clock;
    this.audit = audit;
  }

  /** Read-write, so the audit rows (one per patient shown) commit with the read and hold no second connection. */
  @Transactional
  SafetyAlertPage list(String site, int page, int size, Caller caller) {
    SiteScope.readableSite(site, sites.exists(site), caller);
    if (page < 0) {
      throw new InvalidField("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidField("size", "must be 1.." + MAX_PAGE_SIZE);
    }
    Counts counts = jdbc.sql("""
            SELECT count(*) AS total, count(*) FILTER (WHERE acknowledged_at IS NULL) AS open
            FROM intake_safety_alert WHERE site = :site
            """)
        .param("site", site)
        .query(Counts.class)
        .single();
    List<Row> rows = jdbc.sql("""
            SELECT id, referral_id, patient_id, site, kind, severity, reason, raised_at, raised_by, acknowledged_at,
                   acknowledged_by
            FROM intake_safety_alert WHERE site = :site
            ORDER BY (acknowledged_at IS NULL) DESC, raised_at DESC, id
            LIMIT :size OFFSET :offset
            """)
        .param("site", site)
        .param("size", size)
        .param("offset", (long) page * size)
        .query(Row.class)
        .list();
    Map<UUID, PatientIdentity> who = patients.identities(rows.stream().map(Row::patientId).collect(Collectors.toSet()));
    List<SafetyAlertView> items = rows.stream().map(r -> view(r, who.get(r.patientId()))).toList();
    for (Row row : rows) {
      audit.read("SafetyAlert", row.id(), row.patientId(), site);
    }
    return new SafetyAlertPage(items, page, size, counts.total(), counts.open());
  }

  /** The site's care team (intake coordinator, nurse, physician) or the clinical lead takes the alert on. */
  @Transactional
  SafetyAlertView acknowledge(UUID alertId, Caller caller) {
    IntakeSafetyAlert alert = SiteScope.answerable(alerts.findById(alertId), IntakeSafetyAlert::site, caller,
        "Safety alert", alertId);
    alert.acknowledge(caller.username(), clock.instant());
    IntakeSafetyAlert saved = alerts.save(alert);
    audit.wrote(AuditAction.UPDATE, "SafetyAlert", saved.id(), saved.patientId(), saved.site());
    PatientIdentity patient = patients.identities(java.util.Set.of(saved.patientId())).get(saved.patientId());
    return view(new Row(saved.id(), saved.referralId(), saved.patientId(), saved.site(), saved.kind(),
        saved.severity(), saved.reason(), saved.raisedAt().atOffset(java.time.ZoneOffset.UTC), saved.raisedBy(),
        saved.acknowledgedAt() == null ? null : saved.acknowledgedAt().atOffset(java.time.ZoneOffset.UTC),
        saved.acknowledgedBy()), patient);
  }

  private static SafetyAlertView view(Row r, @Nullable PatientIdentity patient) {
    if (patient == null) {
      throw new IllegalStateException("Safety alert " + r.id() + " names no registered patient");
    }
    return new SafetyAlertView(r.id(), r.referralId(),
        new SafetyAlertView.Patient(patient.patientId(), patient.mrn(), patient.givenName(), patient.familyName()),
        r.site(), r.kind(), r.severity(), r.reason(),
        r.acknowledgedAt() == null ? SafetyAlertView.Status.OPEN : SafetyAlertView.Status.ACKNOWLEDGED,
        r.raisedAt().toInstant(), r.raisedBy(), r.acknowledgedAt() == null ? null : r.acknowledgedAt().toInstant(),
        r.acknowledgedBy());
  }

  private record Counts(long total, long open) {}

  private record Row(UUID id, UUID referralId, UUID patientId, String site, AlertKind kind, AlertSeverity severity,
      String reason, OffsetDateTime raisedAt, String raisedBy, @Nullable OffsetDateTime acknowledgedAt,
      @Nullable String acknowledgedBy) {}
}
