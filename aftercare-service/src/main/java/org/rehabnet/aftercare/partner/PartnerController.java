package org.rehabnet.aftercare.partner;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.rehabnet.aftercare.groups.PartnerGroups.Presence;
import org.rehabnet.platform.web.paging.Cursor;
import org.rehabnet.platform.web.paging.Page;
import org.rehabnet.platform.web.paging.Position;
import org.rehabnet.platform.web.problem.InvalidField;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The partner API in FHIR R4 JSON: reads, and attendance at the partner's own groups. Only partner clients reach it (SecurityConfig), only
 * under a consent (PartnerReads); whatever no consent covers answers 404 like an unknown patient.
 */
@RestController
@RequestMapping("/partner/v1")
@SecurityRequirement(name = "keycloak")
class PartnerController {

  static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

  private final FhirContext fhir;
  private final PartnerReads reads;
  private final PartnerWrites writes;
  private final Clock clock;

  PartnerController(FhirContext fhir, PartnerReads reads, PartnerWrites writes, Clock clock) {
    this.fhir = fhir;
    this.reads = reads;
    this.writes = writes;
    this.clock = clock;
  }

  @GetMapping("/metadata")
  @PreAuthorize("hasRole('partner')")
  @Operation(summary = "FHIR CapabilityStatement of the partner API (partner)")
  ResponseEntity<String> metadata() {
    return fhirJson(FhirResources.capabilities(base(), Date.from(clock.instant())));
  }

  @GetMapping("/Patient")
  @PreAuthorize("hasRole('partner')")
  @Operation(summary = "Patients whose active consent names the caller for DEMOGRAPHICS and the purpose (partner)")
  @ApiResponse(responseCode = "400", description = "X-Purpose-Of-Use missing or unknown, _count not 1..200, or cursor "
      + "not one this search gave out")
  @ApiResponse(responseCode = "403", description = "not a partner organisation's client")
  ResponseEntity<String> patients(@RequestHeader(name = PurposeOfUse.HEADER, required = false) @Nullable String purpose,
      @RequestParam(name = SearchPage.COUNT, required = false) @Nullable String count,
      @RequestParam(name = SearchPage.CURSOR, required = false) @Nullable String cursor) {
    PurposeOfUse wanted = purpose(purpose);
    SearchPage page = SearchPage.of(count, cursor);
    return fhirJson(searchset("Patient", reads.patients(Caller.current(), wanted, page), page));
  }

  @GetMapping("/Patient/{id}")
  @PreAuthorize("hasRole('partner')")
  @Operation(summary = "A consenting patient's minimum identifying data (partner; consent: DEMOGRAPHICS)")
  @ApiResponse(responseCode = "404", description = "unknown, or no active consent covers it")
  ResponseEntity<String> patient(@PathVariable String id,
      @RequestHeader(name = PurposeOfUse.HEADER, required = false) @Nullable String purpose) {
    PurposeOfUse wanted = purpose(purpose);
    return fhirJson(reads.read(patientId(id), DataCategory.DEMOGRAPHICS, Caller.current(), wanted));
  }

  @GetMapping("/{type:EpisodeOfCare|CarePlan|Encounter|MedicationStatement|Consent}")
  @PreAuthorize("hasRole('partner')")
  @Operation(summary = "A consenting patient's EpisodeOfCare (EPISODES), CarePlan (AFTERCARE_PLAN), Encounter "
      + "(ATTENDANCE), MedicationStatement (MEDICATION) or Consent (CONSENTS) by ?patient= (partner)")
  @ApiResponse(responseCode = "400", description = "patient parameter or X-Purpose-Of-Use missing, _count not "
      + "1..200, or cursor not one this search gave out")
  @ApiResponse(responseCode = "404", description = "unknown patient, or no active consent covers the category")
  ResponseEntity<String> search(@PathVariable String type, @RequestParam(required = false) @Nullable String patient,
      @RequestHeader(name = PurposeOfUse.HEADER, required = false) @Nullable String purpose,
      @RequestParam(name = SearchPage.COUNT, required = false) @Nullable String count,
      @RequestParam(name = SearchPage.CURSOR, required = false) @Nullable String cursor) {
    PurposeOfUse wanted = purpose(purpose);
    if (patient == null || patient.isBlank()) {
      throw new InvalidField("patient", "is required (Patient/{id} or {id})");
    }
    // Judged before the consent: a bad page is the caller's mistake whatever the patient, and answering it
    // first tells nothing about whether a consent exists.
    SearchPage page = SearchPage.of(count, cursor);
    DataCategory category = Arrays.stream(DataCategory.values()).filter(c -> c.resourceType().equals(type))
        .findFirst().orElseThrow();
    String id = patient.startsWith("Patient/") ? patient.substring("Patient/".length()) : patient;
    return fhirJson(searchset(type, reads.search(patientId(id), category, Caller.current(), wanted, page), page));
  }

  @PostMapping("/Encounter")
  @PreAuthorize("hasRole('partner')")
  @Operation(summary = "Record a member's attendance at a session of a group the partner runs (partner; consent: "
      + "ATTENDANCE)")
  @ApiResponse(responseCode = "400", description = "not a valid Encounter, or the person is not enrolled")
  @ApiResponse(responseCode = "404", description = "unknown group or patient, or no active consent covers it")
  @ApiResponse(responseCode = "422", description = "the session has not taken place yet, or is not on the schedule")
  ResponseEntity<String> recordAttendance(@RequestBody String body,
      @RequestHeader(name = PurposeOfUse.HEADER, required = false) @Nullable String purpose) {
    PurposeOfUse wanted = purpose(purpose);
    Encounter encounter;
    try {
      encounter = fhir.newJsonParser().parseResource(Encounter.class, body);
    } catch (DataFormatException e) {
      throw new InvalidField("body", "is not a FHIR R4 Encounter");
    }
    String subject = encounter.getSubject().getReference();
    if (subject == null || !subject.startsWith("Patient/")) {
      throw new InvalidField("subject", "must reference Patient/{id}");
    }
    UUID patientId = patientId(subject.substring("Patient/".length()));
    String start = encounter.getPeriod().getStartElement().getValueAsString();
    if (start == null || start.length() < 10) {
      throw new InvalidField("period.start", "must be the session date");
    }
    // A date is the session's calendar day at the group's site; a time must carry its offset and is
    // turned into that site's calendar day (a 19:30 session in Chicago sent in UTC falls on the next day
    // in UTC, not at the site).
    LocalDate on = null;
    Instant at = null;
    try {
      if (start.length() == 10) {
        on = LocalDate.parse(start);
      } else {
        at = OffsetDateTime.parse(start).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new InvalidField("period.start", "must be the session date, or a time with its UTC offset");
    }
    Presence presence = switch (encounter.getStatus() == null ? "" : encounter.getStatus().toCode()) {
      case "finished" -> Presence.PRESENT;
      case "cancelled" -> Presence.ABSENT;
      default -> throw new InvalidField("status", "must be finished (present) or cancelled (absent)");
    };
    Extension group = encounter.getExtensionByUrl(FhirResources.GROUP_EXTENSION);
    if (group == null || !(group.getValue() instanceof Identifier identifier) || identifier.getValue() == null) {
      throw new InvalidField("extension", "must name the support group (" + FhirResources.GROUP_EXTENSION + ")");
    }
    UUID groupId;
    try {
      groupId = UUID.fromString(identifier.getValue());
    } catch (IllegalArgumentException e) {
      throw new NotFound("Support group", identifier.getValue());
    }
    Encounter recorded = writes.recordAttendance(groupId, patientId, on, at, presence, Caller.current(), wanted);
    return ResponseEntity.created(URI.create(base() + "/Encounter/" + recorded.getIdElement().getIdPart()))
        .contentType(FHIR_JSON).body(fhir.newJsonParser().encodeResourceToString(recorded));
  }

  /**
   * A page of a search as a searchset: {@code total} counts every match, not the page, and {@code next}
   * is this request again (its {@code patient} and all) with the cursor after the page's last entry.
   */
  private Bundle searchset(String type, Page<? extends Resource> page, SearchPage asked) {
    Bundle bundle = new Bundle();
    bundle.setId(UUID.randomUUID().toString());
    bundle.getMeta().setLastUpdated(Date.from(clock.instant()));
    bundle.setType(Bundle.BundleType.SEARCHSET);
    bundle.setTotal(Math.toIntExact(page.total()));
    bundle.addLink().setRelation("self").setUrl(ServletUriComponentsBuilder.fromCurrentRequest().toUriString());
    Position next = page.next();
    if (next != null) {
      bundle.addLink().setRelation("next").setUrl(ServletUriComponentsBuilder.fromCurrentRequest()
          .replaceQueryParam(SearchPage.COUNT, asked.count())
          .replaceQueryParam(SearchPage.CURSOR, Cursor.encode(next))
          .toUriString());
    }
    page.items().forEach(resource -> bundle.addEntry()
        .setFullUrl(base() + "/" + type + "/" + resource.getIdElement().getIdPart())
        .setResource(resource)
        .getSearch().setMode(Bundle.SearchEntryMode.MATCH));
    return Part2Labels.label(bundle);
  }

  private ResponseEntity<String> fhirJson(Resource resource) {
    return ResponseEntity.ok().contentType(FHIR_JSON).body(fhir.newJsonParser().encodeResourceToString(resource));
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().path("/partner/v1").toUriString();
  }

  /** The purpose the partner states; a read without one is refused before anything is looked at. */
  private static PurposeOfUse purpose(@Nullable String header) {
    PartnerReads.partnerOrg(Caller.current());
    if (header == null || header.isBlank()) {
      throw new InvalidField(PurposeOfUse.HEADER, "is required: one of " + List.of(PurposeOfUse.values()));
    }
    return PurposeOfUse.parse(header).orElseThrow(() -> new InvalidField(PurposeOfUse.HEADER,
        "must be one of " + List.of(PurposeOfUse.values())));
  }

  private static UUID patientId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFound("Patient", id);
    }
  }
}
