package be.parcours.web;

import be.parcours.shared.ApiStatusException;
import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.InvalidInputException;
import be.parcours.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Refusals inside the workplace pages become pages (the API's JSON errors stay with
 * {@code be.parcours.shared.ApiExceptionHandler}): unknown dossier → 404 page, not allowed → 403
 * page, a refused value the form did not catch → 400 page with the service's message.
 */
@ControllerAdvice(basePackageClasses = PageExceptionHandler.class, basePackages = "be.parcours.privacy.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageExceptionHandler {

  @ExceptionHandler(NotFoundException.class)
  String notFound(HttpServletResponse response, Model model) {
    response.setStatus(404);
    model.addAttribute("status", 404);
    return "error";
  }

  @ExceptionHandler(AccessDeniedException.class)
  String denied(HttpServletResponse response, Model model) {
    response.setStatus(403);
    model.addAttribute("status", 403);
    return "error";
  }

  @ExceptionHandler({InvalidInputException.class, BusinessRuleException.class, ApiStatusException.class})
  String refused(RuntimeException e, HttpServletResponse response, Model model) {
    int status = e instanceof ApiStatusException a ? a.status() : e instanceof BusinessRuleException ? 422 : 400;
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("detail", PageErrors.message(e));
    return "error";
  }

  @ExceptionHandler(be.parcours.shared.AccessRestrictedException.class)
  String restricted(HttpServletResponse response, Model model) {
    response.setStatus(403);
    model.addAttribute("status", 403);
    return "error";
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception e, HttpServletResponse response, Model model) throws Exception {
    if (e instanceof org.springframework.web.servlet.resource.NoResourceFoundException) {
      throw e;
    }
    org.slf4j.LoggerFactory.getLogger(PageExceptionHandler.class).error("page failed", e);
    response.setStatus(500);
    model.addAttribute("status", 500);
    return "error";
  }
}
