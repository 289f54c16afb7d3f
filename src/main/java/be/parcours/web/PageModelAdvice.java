package be.parcours.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the user (name, groups) for the header, the current path, the language. */
@ControllerAdvice(basePackageClasses = PageModelAdvice.class)
class PageModelAdvice {

  private final IdentityService identityService;

  PageModelAdvice(IdentityService identityService) {
    this.identityService = identityService;
  }

  @ModelAttribute("me")
  CurrentUser me(Authentication auth) {
    if (auth == null || auth instanceof AnonymousAuthenticationToken) {
      return null;
    }
    var user = identityService.createUserQuery().userId(auth.getName()).singleResult();
    String name = user == null ? auth.getName()
        : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
            + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return CurrentUser.of(auth, name.isEmpty() ? auth.getName() : name);
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  @ModelAttribute("lang")
  String lang(Locale locale) {
    return WebConfig.supported(locale).getLanguage();
  }
}
