package org.rehabnet.intake.patient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.rehabnet.intake.site.Sites;
import org.rehabnet.intake.web.StaleVersion;
import org.rehabnet.platform.web.audit.AuditAction;
import org.rehabnet.platform.web.audit.AuditOutcome;
import org.rehabnet.platform.web.audit.AuditTrail;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.WrongSite;
import org.rehabnet.platform.web.security.Caller;
import org.rehabnet.platform.web.security.SiteScope;
import org.rehabnet.platform.web.trace.TraceContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers people with a network-wide id and medical record number, once within the sites a
 * caller may read: the same name and birth date there is the same person; a match elsewhere is the
 * records team's to resolve, unseen by the caller. Also knows at which sites a patient is known, which
 * decides who may find, read and correct the patient's identity.
 */
@Service
public class PatientRegistry {

  /** A page of search results holds at most this many patients. */
  static final int MAX_PAGE_SIZE = 50;

  private final Patients patients;
  private final PatientSearch search;
  private final Sites sites;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditTrail audit;
  private final PossibleDuplicates duplicates;

  PatientRegistry(Patients patients, PatientSearch search, Sites sites, JdbcClient jdbc, Clock clock,
      AuditTrail audit, PossibleDuplicates duplicates) {
    this.duplicates = duplicates;
    this.patients = patients;
    this.search = search;
    this.sites = sites;
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  @Transactional
  PatientView register(RegisterPatient person, Caller caller) {
    if (!sites.exists(person.site())) {
      throw new InvalidField("site", "is not a site of the network");
    }
    SiteScope.workingSite(person.site(), caller);
    String nameKey = PatientName.key(person.givenName(), person.familyName());
    lockIdentity(nameKey, person.dateOfBirth());
    List<Patient> hidden = refuseReadableDuplicate(nameKey, person.dateOfBirth(), null, person.site(), caller);
    long number = jdbc.sql("SELECT nextval('patient_mrn_seq')").query(Long.class).single();
    Patient patient = patients.save(Patient.register("RN-%07d".formatted(number), person, clock.instant()));
    enrolAt(patient.id(), person.site());
    audit.wrote(AuditAction.CREATE, "Patient", patient.id(), patient.id(), person.site());
    fileForRecordsTeam(patient.id(), hidden, person.site(), PossibleDuplicates.FoundBy.REGISTRATION);
    return PatientView.of(patient, List.of(person.site()));
  }

  @Transactional(readOnly = true)
  PatientView find(UUID patientId, Caller caller) {
    Patient patient = readable(patientId, caller);
    audit.read("Patient", patient.id(), patient.id(), null);
    return PatientView.of(patient, visibleSites(patient.id(), caller));
  }

  /**
   * Searches the caller's sites. Audited in the search's own transaction: one row for the search
   * (how it matched and how many, never the text typed, which is patient data) and one per patient
   * shown, sharing the search's id, so a patient's accounting of access lists the search too.
   */
  @Transactional
  PatientSearchResult search(PatientQuery query, int page, int size, Caller caller) {
    if (page < 0) {
      throw new InvalidField("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidField("size", "must be 1.." + MAX_PAGE_SIZE);
    }
    if ((long) page * size > 100_000) {
      throw new InvalidField("page", "is beyond any result; narrow the search");
    }
    PatientSearchResult result = search.find(query, page, size, caller);
    UUID searchId = UUID.randomUUID();
    audit.record(AuditAction.READ, "PatientSearch", searchId, null, null, AuditOutcome.SUCCESS,
        "kind=" + query.kind() + " matched=" + result.totalItems() + " returned=" + result.items().size()
            + " page=" + page + " size=" + size);
    for (PatientSearchResult.Item item : result.items()) {
      audit.record(AuditAction.READ, "PatientSearchResult", searchId, item.patientId(), null,
          AuditOutcome.SUCCESS, null);
    }
    return result;
  }

  /**
   * Corrects a patient's identity. Only staff of a site where the patient is known; the version read
   * must still be current (else 412), and the corrected identity must not be another registered
   * patient's (409, as at registration). Each changed field's old and new value goes to the
   * append-only correction history; the audit row names the fields only.
   */
  @Transactional
  PatientView correct(UUID patientId, CorrectPatient correction, long expectedVersion, Caller caller) {
    Patient patient = readable(patientId, caller);
    List<String> ownSites = SiteScope.writableOnly(sitesOf(patientId), site -> site, caller);
    if (ownSites.isEmpty()) {
      // A clinical lead who also holds a writing role reads every site but corrects only at their own.
      throw new WrongSite(String.join(",", sitesOf(patientId)));
    }
    if (correction.mrn() != null && !correction.mrn().equals(patient.mrn())) {
      throw new InvalidField("mrn", "the medical record number never changes");
    }
    if (patient.version() != expectedVersion) {
      throw new StaleVersion("Patient " + patientId, expectedVersion, patient.version());
    }
    String nameKey = PatientName.key(correction.givenName(), correction.familyName());
    lockIdentity(nameKey, correction.dateOfBirth());
    List<Patient> hidden = refuseReadableDuplicate(nameKey, correction.dateOfBirth(), patientId, ownSites.getFirst(),
        caller);
    Instant now = clock.instant();
    List<IdentityChange> changes = patient.correct(correction.givenName(), correction.familyName(),
        correction.dateOfBirth(),
        correction.administrativeGender() == null ? null : correction.administrativeGender().name(), now);
    if (changes.isEmpty()) {
      return PatientView.of(patient, visibleSites(patientId, caller));
    }
    Patient saved = patients.save(patient);
    UUID correctionId = UUID.randomUUID();
    for (IdentityChange change : changes) {
      jdbc.sql("""
              INSERT INTO patient_correction (correction_id, patient_id, patient_version, field, old_value,
                                              new_value, corrected_by, corrected_at, request_id)
              VALUES (:correction, :patient, :version, :field, :old, :new, :by, :at, :requestId)
              """)
          .param("correction", correctionId)
          .param("patient", patientId)
          .param("version", saved.version())
          .param("field", change.field())
          .param("old", change.oldValue())
          .param("new", change.newValue())
          .param("by", caller.username())
          .param("at", Timestamp.from(now))
          .param("requestId", TraceContext.currentRequestId())
          .update();
    }
    audit.record(AuditAction.UPDATE, "Patient", patientId, patientId, ownSites.getFirst(), AuditOutcome.SUCCESS,
        "corrected " + changes.stream().map(IdentityChange::field).collect(Collectors.joining(","))
            + " (correction " + correctionId + ")");
    fileForRecordsTeam(patientId, hidden, ownSites.getFirst(), PossibleDuplicates.FoundBy.CORRECTION);
    return PatientView.of(saved, visibleSites(patientId, caller));
  }

  public boolean exists(UUID patientId) {
    return patients.existsById(patientId);
  }

  /** Whether the patient is known (registered, referred or linked) at the site. */
  public boolean knownAt(UUID patientId, String site) {
    return jdbc.sql("SELECT count(*) FROM patient_site WHERE patient_id = :patient AND site = :site")
        .param("patient", patientId)
        .param("site", site)
        .query(Long.class).single() > 0;
  }

  /** Every site where the patient is known, for the records team (network-wide). */
  List<String> sitesOf(UUID patientId) {
    return jdbc.sql("SELECT site FROM patient_site WHERE patient_id = :patient ORDER BY site")
        .param("patient", patientId)
        .query(String.class)
        .list();
  }

  /** The medical record number, for views of other features. */
  public String mrnOf(UUID patientId) {
    return patients.findById(patientId).map(Patient::mrn)
        .orElseThrow(() -> new IllegalStateException("No patient " + patientId));
  }

  /** Name and MRN of several patients at once, for lists other features show (waiting list, alerts). */
  public java.util.Map<UUID, PatientIdentity> identities(Set<UUID> patientIds) {
    if (patientIds.isEmpty()) {
      return java.util.Map.of();
    }
    return jdbc.sql("SELECT id, mrn, given_name, family_name FROM patient WHERE id = ANY (:ids)")
        .param("ids", patientIds.toArray(UUID[]::new))
        .query((rs, row) -> new PatientIdentity(rs.getObject("id", UUID.class), rs.getString("mrn"),
            rs.getString("given_name"), rs.getString("family_name")))
        .list().stream()
        .collect(Collectors.toMap(PatientIdentity::patientId, identity -> identity));
  }

  /** The patient if known at a site the caller reads; otherwise the not-found an unknown id gets. */
  public Patient readable(UUID patientId, Caller caller) {
    return SiteScope.readableAtAnyOf(patients.findById(patientId), p -> sitesOf(p.id()), caller, "Patient", patientId);
  }

  /** The patient is now known at the site (a referral there); idempotent. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enrolAt(UUID patientId, String site) {
    jdbc.sql("INSERT INTO patient_site (patient_id, site, since) VALUES (:patient, :site, :now)"
            + " ON CONFLICT DO NOTHING")
        .param("patient", patientId)
        .param("site", site)
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  private List<String> visibleSites(UUID patientId, Caller caller) {
    return SiteScope.readableOnly(sitesOf(patientId), site -> site, caller);
  }

  /**
   * The duplicate check, without an existence oracle (42 CFR Part 2: whether a person is in
   * treatment anywhere in the network is itself protected). It matches only within the sites the
   * caller may read: such a match is refused with 409 naming the existing patient, whom the caller
   * may read anyway. A match only at sites the caller cannot read is not told to the caller at all:
   * the registration goes on exactly as if nothing matched, and the matches returned here become
   * possible-duplicate review items for the records team. Both outcomes are audited.
   *
   * @param self the patient being corrected (never its own duplicate), or null at registration
   */
  private List<Patient> refuseReadableDuplicate(String nameKey, java.time.LocalDate dateOfBirth,
      @Nullable UUID self, String site, Caller caller) {
    List<Patient> matches = patients.findSameIdentity(nameKey, dateOfBirth).stream()
        .filter(match -> !match.id().equals(self))
        .toList();
    for (Patient match : matches) {
      if (SiteScope.readsAnyOf(sitesOf(match.id()), caller)) {
        audit.record(self == null ? AuditAction.CREATE : AuditAction.UPDATE, "Patient", self, match.id(), site,
            AuditOutcome.REFUSED, "duplicate check matched a patient of the caller's sites");
        throw new DuplicatePatient(match.id());
      }
    }
    return matches;
  }

  /** Matches the caller may not learn of, left for the records team; audited under the matched patient. */
  private void fileForRecordsTeam(UUID patientId, List<Patient> hidden, String site, PossibleDuplicates.FoundBy foundBy) {
    for (Patient match : hidden) {
      UUID itemId = duplicates.file(patientId, match.id(), site, foundBy, clock.instant());
      audit.record(AuditAction.CREATE, "PossibleDuplicate", itemId, match.id(), site, AuditOutcome.SUCCESS,
          "duplicate check at " + foundBy.name().toLowerCase(java.util.Locale.ROOT)
              + " matched a patient only at sites the caller cannot read; not shown to the caller, filed for"
              + " the records team (new record " + patientId + ")");
    }
  }

  /**
   * Two sites registering (or correcting into) the same person at the same moment: serialise on the
   * identity so the second finds the first instead of creating a twin (the lock ends with the
   * transaction).
   */
  private void lockIdentity(String nameKey, java.time.LocalDate dateOfBirth) {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:identity, 0))")
        .param("identity", nameKey + "|" + dateOfBirth)
        .query(Object.class).single();
  }
}
