package org.rehabnet.portal.intake;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.rehabnet.portal.gateway.Gateway;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.rehabnet.portal.security.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Intake's start: patient search within the user's sites (name, birth date or MRN; intake audits
 * every search and never finds another site's patients), the waiting list and the bed board.
 */
@Controller
class IntakeController {

  private final Gateway gateway;

  IntakeController(Gateway gateway) {
    this.gateway = gateway;
  }

  @GetMapping("/intake")
  String intake(Model model) {
    Staff staff = Staff.current();
    model.addAttribute("sites", staff.sites());
    return "intake/intake";
  }

  @GetMapping("/intake/patients")
  String searchForm(Model model) {
    model.addAttribute("q", "");
    model.addAttribute("results", List.of());
    return "intake/search";
  }

  /**
   * The query is posted, never put in the portal's URL (a name or birth date must not land in history,
   * proxies or logs); the portal passes it to intake and does not log it.
   */
  @PostMapping("/intake/patients")
  String search(@RequestParam(defaultValue = "") String q, Model model, HttpServletResponse response) {
    model.addAttribute("q", q);
    model.addAttribute("results", List.of());
    if (!q.isBlank()) {
      try {
        Map<String, Object> page = gateway.get("/api/intake/v1/patients?q={q}&size=20", q.strip());
        model.addAttribute("results", page.getOrDefault("items", List.of()));
        model.addAttribute("total", page.get("totalItems"));
      } catch (GatewayProblem refused) {
        if (refused.status() != 400) {
          throw refused;
        }
        response.setStatus(400);
        model.addAttribute("searchProblem", refused.fieldErrors().isEmpty() ? refused.detail()
            : String.join("; ", refused.fieldErrors()));
      }
    }
    return "intake/search";
  }

  static @Nullable String blank(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
