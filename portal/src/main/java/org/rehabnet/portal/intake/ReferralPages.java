package org.rehabnet.portal.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.rehabnet.portal.web.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A referral: its lifecycle steps, the pre-admission assessment with its figures computed as they are
 * typed (by intake's own rules, through the preview endpoint: the portal holds no copy of a score),
 * and the way to the bed board.
 */
@Controller
class ReferralPages {

  private final Gateway gateway;
  private final Sites sites;

  ReferralPages(Gateway gateway, Sites sites) {
    this.gateway = gateway;
    this.sites = sites;
  }

  @GetMapping("/intake/referrals/{referralId}")
  String referral(@PathVariable String referralId, Model model) {
    Map<String, Object> referral = gateway.get("/api/intake/v1/referrals/{id}", referralId);
    model.addAttribute("referral", referral);
    model.addAttribute("referralId", referralId);
    model.addAttribute("form", AssessmentForm.OPTIONS);
    try {
      model.addAttribute("assessment", gateway.get("/api/intake/v1/referrals/{id}/assessment", referralId));
    } catch (GatewayProblem none) {
      if (!none.notFound()) {
        throw none;
      }
    }
    return "intake/referral";
  }

  @PostMapping("/intake/referrals/{referralId}/{step:screening|acceptance|withdrawal}")
  String step(@PathVariable String referralId, @PathVariable String step) {
    gateway.post("/api/intake/v1/referrals/{id}/" + step, null, referralId);
    return "redirect:/intake/referrals/" + referralId;
  }

  /** The figures as typed (htmx, on every change). */
  @PostMapping("/intake/referrals/{referralId}/assessment/scores")
  String scores(@PathVariable String referralId, @RequestParam MultiValueMap<String, String> form,
      @RequestParam String site, Model model) {
    AssessmentForm typed = new AssessmentForm(form, sites.zone(site));
    try {
      model.addAttribute("scores", gateway.post("/api/intake/v1/referrals/{id}/assessment/preview", typed.draft(),
          referralId));
    } catch (GatewayProblem refused) {
      if (refused.status() != 400) {
        throw refused;
      }
      model.addAttribute("scoreProblems", refused.fieldErrors());
    }
    return "intake/referral :: scores";
  }

  @PostMapping("/intake/referrals/{referralId}/assessment")
  String assess(@PathVariable String referralId, @RequestParam MultiValueMap<String, String> form,
      @RequestParam String site, Model model, HttpServletResponse response) {
    AssessmentForm typed = new AssessmentForm(form, sites.zone(site));
    List<String> problems = typed.missing();
    if (problems.isEmpty()) {
      try {
        gateway.put("/api/intake/v1/referrals/{id}/assessment", typed.assessment(), referralId);
        return "redirect:/intake/referrals/" + referralId + "#assessment";
      } catch (GatewayProblem refused) {
        if (refused.status() != 400 && refused.status() != 422) {
          throw refused;
        }
        problems = refused.fieldErrors().isEmpty() ? List.of(String.valueOf(refused.detail())) : refused.fieldErrors();
      }
    }
    response.setStatus(400);
    referral(referralId, model);
    model.addAttribute("assessmentProblems", problems);
    return "intake/referral";
  }
}
