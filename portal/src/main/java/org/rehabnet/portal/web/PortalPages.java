package org.rehabnet.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rehabnet.portal.PortalProperties;
import org.rehabnet.portal.gateway.GatewayProblem;
import org.rehabnet.portal.security.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page knows (who is signed in, the idle logoff timing) and how a refusal from the gateway
 * is shown: another site's record is "not found" exactly like an unknown one, as the services answer.
 */
@ControllerAdvice
class PortalPages {

  private static final Logger log = LoggerFactory.getLogger(PortalPages.class);
  private final PortalProperties properties;

  PortalPages(PortalProperties properties) {
    this.properties = properties;
  }

  @ModelAttribute
  void common(Model model) {
    model.addAttribute("staff", Staff.current());
    model.addAttribute("idleSeconds", properties.idleTimeout().toSeconds());
    model.addAttribute("idleWarningSeconds", properties.idleWarning().toSeconds());
    model.addAttribute("pollSeconds", properties.censusPoll().toSeconds());
    model.addAttribute("formKeys", new FormKeys());
  }

  @ExceptionHandler(GatewayProblem.class)
  String refused(GatewayProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
    common(model);
    model.addAttribute("problem", problem);
    // Ids and statuses only: no patient data reaches the log.
    log.info("gateway answered {} ({}) for {} {}", problem.status(), problem.type(), request.getMethod(),
        request.getRequestURI());
    if (problem.status() == 401) {
      response.setStatus(401);
      response.setHeader("HX-Redirect", "/oauth2/authorization/keycloak");
      return "redirect:/oauth2/authorization/keycloak";
    }
    // The portal's own view of the gateway: unreachable (503) and too slow (504) as they are, any
    // other failure behind it a bad gateway answer (502).
    int status = problem.status() == 503 || problem.status() == 504 ? problem.status()
        : problem.status() >= 500 ? 502 : problem.status();
    response.setStatus(status);
    if (status == 503) {
      response.setHeader("Retry-After", "5");
    }
    return problem.notFound() ? "not-found" : "problem";
  }
}
