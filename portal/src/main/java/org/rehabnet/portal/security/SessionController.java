package org.rehabnet.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The idle warning's two answers: "stay signed in" (a user action) and "time is up". */
@Controller
class SessionController {

  private final IdleLogoff idleLogoff;

  SessionController(IdleLogoff idleLogoff) {
    this.idleLogoff = idleLogoff;
  }

  @PostMapping("/session/keep-alive")
  ResponseEntity<Void> keepAlive() {
    return ResponseEntity.noContent().build();
  }

  /** The page's own countdown ran out: the session ends now, whether or not the server's has yet. */
  @GetMapping("/session/idle")
  String idle(HttpServletRequest request) {
    if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken token) {
      idleLogoff.end(request, token);
    }
    return "redirect:/signed-out?idle";
  }
}
