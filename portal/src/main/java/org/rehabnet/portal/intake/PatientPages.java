package org.rehabnet.portal.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.rehabnet.portal.security.Staff;
import org.rehabnet.portal.web.FormKeys;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A patient at intake: registration, identity, open referrals, a new referral, §2.31 consents. */
@Controller
class PatientPages {

  private final Gateway gateway;

  PatientPages(Gateway gateway) {
    this.gateway = gateway;
  }

  @GetMapping("/intake/registration")
  String registrationForm(Model model) {
    model.addAttribute("sites", Staff.current().sites());
    return "intake/registration";
  }

  @PostMapping("/intake/registration")
  String register(@RequestParam String givenName, @RequestParam String familyName, @RequestParam String dateOfBirth,
      @RequestParam String site, @RequestParam(required = false) @Nullable String phone, @RequestParam(required = false) @Nullable UUID idempotencyKey,
      Model model, HttpServletResponse response) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("givenName", givenName.strip());
    body.put("familyName", familyName.strip());
    body.put("dateOfBirth", dateOfBirth);
    body.put("site", site);
    body.put("phone", IntakeController.blank(phone));
    try {
      Map<String, Object> registered = gateway.postOnce(FormKeys.orFresh(idempotencyKey), "/api/intake/v1/patients", body);
      return "redirect:/intake/patients/" + registered.get("patientId");
    } catch (GatewayProblem refused) {
      if (refused.status() == 409 && refused.member("existingPatientId") != null) {
        return "redirect:/intake/patients/" + refused.member("existingPatientId");
      }
      if (refused.status() != 400) {
        throw refused;
      }
      response.setStatus(400);
      model.addAttribute("problems", refused.fieldErrors());
      model.addAttribute("sites", Staff.current().sites());
      return "intake/registration";
    }
  }

  @GetMapping("/intake/patients/{patientId}")
  String patient(@PathVariable String patientId, Model model) {
    Map<String, Object> patient = gateway.get("/api/intake/v1/patients/{id}", patientId);
    model.addAttribute("patient", patient);
    model.addAttribute("patientId", patientId);
    model.addAttribute("referrals", openReferrals(patientId, patient));
    model.addAttribute("consents", gateway.list("/api/intake/v1/patients/{id}/consents", patientId));
    model.addAttribute("sites", Staff.current().sites());
    return "intake/patient";
  }

  @PostMapping("/intake/patients/{patientId}/referrals")
  String refer(@PathVariable String patientId, @RequestParam String site, @RequestParam String source,
      @RequestParam String urgency, @RequestParam(required = false) @Nullable UUID idempotencyKey) {
    Map<String, Object> referral = gateway.postOnce(FormKeys.orFresh(idempotencyKey), "/api/intake/v1/referrals",
        Map.of("patientId", patientId, "site", site, "source", source, "urgency", urgency));
    return "redirect:/intake/referrals/" + referral.get("referralId");
  }

  /** §2.31: recipient, purpose, kind of information, expiry, signature and its date; all required. */
  @PostMapping("/intake/patients/{patientId}/consents")
  String consent(@PathVariable String patientId, @RequestParam String site, @RequestParam String recipientType,
      @RequestParam String recipient, @RequestParam String purpose,
      @RequestParam(required = false) @Nullable List<String> dataCategories,
      @RequestParam(required = false) @Nullable String expiresOn,
      @RequestParam(required = false) @Nullable String expiryEvent, @RequestParam String signedOn,
      @RequestParam String signedBy, @RequestParam(required = false) @Nullable UUID idempotencyKey, Model model, HttpServletResponse response) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("site", site);
    body.put("recipientType", recipientType);
    body.put("recipient", recipient.strip());
    body.put("purpose", purpose);
    body.put("dataCategories", dataCategories == null ? List.of() : dataCategories);
    body.put("expiresAt", expiresOn == null || expiresOn.isBlank() ? null : expiresOn + "T23:59:59Z");
    body.put("expiryEvent", IntakeController.blank(expiryEvent));
    body.put("signedOn", signedOn);
    body.put("signedBy", signedBy);
    try {
      gateway.postOnce(FormKeys.orFresh(idempotencyKey), "/api/intake/v1/patients/{id}/consents", body, patientId);
      return "redirect:/intake/patients/" + patientId + "#consents";
    } catch (GatewayProblem refused) {
      if (refused.status() != 400 && refused.status() != 422) {
        throw refused;
      }
      response.setStatus(refused.status());
      patient(patientId, model);
      model.addAttribute("consentProblems", refused.fieldErrors().isEmpty() ? List.of(String.valueOf(refused.detail()))
          : refused.fieldErrors());
      return "intake/patient";
    }
  }

  /** The patient's open referrals, from the waiting lists of the sites the caller sees them at. */
  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> openReferrals(String patientId, Map<String, Object> patient) {
    List<Map<String, Object>> open = new ArrayList<>();
    for (Object site : (List<Object>) patient.getOrDefault("sites", List.of())) {
      if (!Staff.current().worksAt(site.toString())) {
        continue;
      }
      for (Map<String, Object> waiting : gateway.list("/api/intake/v1/sites/{site}/waiting-list", site)) {
        if (patientId.equals(String.valueOf(waiting.get("patientId")))) {
          open.add(waiting);
        }
      }
    }
    return open;
  }
}
