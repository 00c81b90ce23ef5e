package org.rehabnet.portal.intake;

import jakarta.servlet.http.HttpServletResponse;
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

/**
 * The bed board of a site: every bed with its state, and for a referral being admitted only the free
 * beds as choices (no trial and error: an occupied or out-of-service bed is never offered). Intake
 * still refuses a bed taken meanwhile, and the page says so. Beds go out of service and back here
 * (site admin, intake coordinator), and the site admin adds wards and beds and renames beds. Also
 * the waiting list.
 */
@Controller
class BedBoard {

  private final Gateway gateway;

  BedBoard(Gateway gateway) {
    this.gateway = gateway;
  }

  @GetMapping("/intake/sites/{site}/beds")
  String beds(@PathVariable String site, @RequestParam(required = false) @Nullable String referralId, Model model) {
    List<Map<String, Object>> beds = gateway.list("/api/intake/v1/sites/{site}/beds", site);
    model.addAttribute("site", site);
    model.addAttribute("beds", beds);
    model.addAttribute("free", beds.stream().filter(bed -> "FREE".equals(bed.get("status"))).toList());
    model.addAttribute("referralId", referralId);
    if (Staff.current().administersSite()) {
      model.addAttribute("wards", gateway.list("/api/intake/v1/sites/{site}/wards", site));
    }
    return "intake/beds";
  }

  @PostMapping("/intake/sites/{site}/beds/{bed}/out-of-service")
  String outOfService(@PathVariable String site, @PathVariable String bed, @RequestParam String reason, Model model,
      HttpServletResponse response) {
    return change(site, model, response, () -> gateway.post("/api/intake/v1/sites/{site}/beds/{bed}/out-of-service",
        Map.of("reason", reason.strip()), site, bed));
  }

  @PostMapping("/intake/sites/{site}/beds/{bed}/in-service")
  String inService(@PathVariable String site, @PathVariable String bed, Model model, HttpServletResponse response) {
    return change(site, model, response,
        () -> gateway.post("/api/intake/v1/sites/{site}/beds/{bed}/in-service", null, site, bed));
  }

  @PostMapping("/intake/sites/{site}/beds/{bed}/rename")
  String rename(@PathVariable String site, @PathVariable String bed, @RequestParam String code, Model model,
      HttpServletResponse response) {
    return change(site, model, response, () -> gateway.post("/api/intake/v1/sites/{site}/beds/{bed}/rename",
        Map.of("code", code.strip()), site, bed));
  }

  @PostMapping("/intake/sites/{site}/bed-additions")
  String addBed(@PathVariable String site, @RequestParam String ward, @RequestParam String code,
      @RequestParam(required = false) @Nullable UUID idempotencyKey, Model model, HttpServletResponse response) {
    return change(site, model, response, () -> gateway.postOnce(FormKeys.orFresh(idempotencyKey),
        "/api/intake/v1/sites/{site}/wards/{ward}/beds", Map.of("code", code.strip()), site, ward));
  }

  @PostMapping("/intake/sites/{site}/wards")
  String addWard(@PathVariable String site, @RequestParam String code, @RequestParam String name,
      @RequestParam(required = false) @Nullable UUID idempotencyKey, Model model, HttpServletResponse response) {
    return change(site, model, response, () -> gateway.postOnce(FormKeys.orFresh(idempotencyKey),
        "/api/intake/v1/sites/{site}/wards", Map.of("code", code.strip(), "name", name.strip()), site));
  }

  /** A change to the board; refused, the board again with what intake said, in place. */
  private String change(String site, Model model, HttpServletResponse response, Runnable change) {
    try {
      change.run();
      return "redirect:/intake/sites/" + site + "/beds#bed-board";
    } catch (GatewayProblem refused) {
      if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
        throw refused;
      }
      response.setStatus(refused.status());
      beds(site, null, model);
      model.addAttribute("bedProblem", refused);
      return "intake/beds";
    }
  }

  @PostMapping("/intake/sites/{site}/admissions")
  String admit(@PathVariable String site, @RequestParam String referralId, @RequestParam String bedCode,
      @RequestParam(required = false) @Nullable UUID idempotencyKey, Model model, HttpServletResponse response) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("referralId", referralId);
    body.put("bedCode", bedCode);
    try {
      Map<String, Object> admission = gateway.postOnce(FormKeys.orFresh(idempotencyKey), "/api/intake/v1/admissions", body);
      return "redirect:/intake/admissions/" + admission.get("admissionId");
    } catch (GatewayProblem refused) {
      if (refused.status() != 409 && refused.status() != 422 && refused.status() != 400) {
        throw refused;
      }
      response.setStatus(refused.status());
      beds(site, referralId, model);
      model.addAttribute("admitProblem", refused);
      return "intake/beds";
    }
  }

  @GetMapping("/intake/admissions/{admissionId}")
  String admission(@PathVariable String admissionId, Model model) {
    model.addAttribute("admission", gateway.get("/api/intake/v1/admissions/{id}", admissionId));
    return "intake/admission";
  }

  @GetMapping("/intake/sites/{site}/waiting-list")
  String waitingList(@PathVariable String site, Model model) {
    model.addAttribute("site", site);
    model.addAttribute("waiting", gateway.list("/api/intake/v1/sites/{site}/waiting-list", site));
    return "intake/waiting-list";
  }
}
