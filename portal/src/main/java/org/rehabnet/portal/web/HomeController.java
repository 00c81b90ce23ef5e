package org.rehabnet.portal.web;

import org.rehabnet.portal.security.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: the work of the signed-in role, one click away. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    Staff staff = Staff.current();
    if (staff.ward() && !staff.sites().isEmpty() && !staff.intake()) {
      return "redirect:/ward";
    }
    return "home";
  }

  @GetMapping("/signed-out")
  String signedOut() {
    return "signed-out";
  }
}
