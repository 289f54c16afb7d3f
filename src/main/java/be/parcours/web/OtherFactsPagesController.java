package be.parcours.web;

import be.parcours.dossier.DossierAccess;
import be.parcours.dossier.DossierCorrection;
import be.parcours.dossier.DossierReading;
import be.parcours.dossier.Procedure;
import be.parcours.dossier.Viewer;
import be.parcours.dossier.Viewers;
import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.InvalidInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The caseworker records or corrects the facts of a nationality declaration or of a visa on the
 * dossier page (full access only), through the audited {@code PATCH} path: the verdict is evaluated
 * again. A refused value: the page again (422) with what was typed and a message beside the field;
 * nothing is saved.
 */
@Controller
class OtherFactsPagesController {

  private final DossierPagesController pages;
  private final DossierAccess access;
  private final DossierReading reading;
  private final DossierCorrection correction;
  private final MessageSource messages;
  private final ObjectMapper mapper;
  private final Clock clock;

  OtherFactsPagesController(DossierPagesController pages, DossierAccess access, DossierReading reading,
      DossierCorrection correction, MessageSource messages, ObjectMapper mapper, Clock clock) {
    this.pages = pages;
    this.access = access;
    this.reading = reading;
    this.correction = correction;
    this.messages = messages;
    this.mapper = mapper;
    this.clock = clock;
  }

  @PostMapping("/dossiers/{id}/facts/nationality")
  String nationality(@PathVariable long id, @ModelAttribute("natForm") NationalityIntakeFacts.Form form,
      Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    return save(id, Procedure.NATIONALITY, "natErrors", facts -> NationalityIntakeFacts.read(form, today(), facts),
        NationalityIntakeFacts::formField, auth, model, redirect, response);
  }

  @PostMapping("/dossiers/{id}/facts/visa")
  String visa(@PathVariable long id, @ModelAttribute("visaFactsForm") VisaIntakeFacts.Form form,
      Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    return save(id, Procedure.VISA, "visaErrors", facts -> VisaIntakeFacts.read(form, today(), facts),
        VisaIntakeFacts::formField, auth, model, redirect, response);
  }

  private String save(long id, Procedure procedure, String errorsName, Function<ObjectNode, Map<String, String>> read,
      Function<String, String> formField, Authentication auth, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    Viewer viewer = Viewers.of(auth);
    access.requireFull(id, viewer);
    Map<String, String> errors = new LinkedHashMap<>();
    ObjectNode facts = mapper.createObjectNode();
    read.apply(facts).forEach((field, key) -> errors.put(field, text(key)));
    if (reading.view(id, viewer).procedure() != procedure) {
      errors.put("global", text("facts.error.otherProcedure"));
    }
    if (errors.isEmpty()) {
      ObjectNode body = mapper.createObjectNode();
      body.set("facts", facts);
      try {
        correction.correct(id, body, viewer);
        redirect.addFlashAttribute("flashSuccess", text("facts.saved"));
        return "redirect:/dossiers/" + id + "#verdict";
      } catch (InvalidInputException | BusinessRuleException e) {
        String field = formField.apply(e instanceof InvalidInputException i ? i.field()
            : ((BusinessRuleException) e).field());
        errors.put(field == null ? "global" : field, PageErrors.message(e));
      }
    }
    model.addAttribute(errorsName, errors);
    model.addAttribute("flashError", text("form.error.summary"));
    response.setStatus(422); // Unprocessable Content: the page again, nothing saved
    return pages.dossier(id, auth, model, response);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private String text(String key) {
    return messages.getMessage(key, null, WebConfig.supported(LocaleContextHolder.getLocale()));
  }
}
