package be.parcours.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The French login page (Spring Security handles {@code POST /login}; one login for pages, Tasklist, Cockpit). */
@Controller
class LoginController {

  @GetMapping("/login")
  String login(Authentication authentication) {
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)) {
      return "redirect:/";
    }
    return "login";
  }
}
