package be.parcours.web;

import be.parcours.reporting.CollectiveSessionService;
import be.parcours.reporting.ReportPeriod;
import be.parcours.reporting.SessionKind;
import be.parcours.security.Groups;
import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Collective sessions (information sessions, visa workshops): the list of a year and a form to
 * record one, through the reporting module's service (the same as {@code /api/sessions}). Who may
 * do what follows the API: caseworkers and reception record, supervisors also read.
 */
@Controller
class SessionPagesController {

  record SessionForm(String date, String kind, String participants, String note) implements java.io.Serializable {}

  private final CollectiveSessionService sessions;
  private final MessageSource messages;
  private final Clock clock;

  SessionPagesController(CollectiveSessionService sessions, MessageSource messages, Clock clock) {
    this.sessions = sessions;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/sessions")
  String list(@RequestParam(required = false) Integer year, Authentication auth, Model model) {
    CurrentUser me = CurrentUser.of(auth, auth.getName());
    if (!me.canOpenDossiers() && !me.isSupervisor()) {
      throw new AccessDeniedException("sessions: caseworkers, reception and supervisors");
    }
    int y = year == null ? LocalDate.now(clock).getYear() : Math.max(1900, Math.min(2100, year));
    var list = new java.util.ArrayList<>(sessions.list(new ReportPeriod(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31))));
    java.util.Collections.reverse(list); // the latest first
    model.addAttribute("year", y);
    model.addAttribute("sessions", list);
    model.addAttribute("total", list.stream().mapToInt(CollectiveSessionService.SessionView::participants).sum());
    model.addAttribute("kinds", SessionKind.values());
    model.addAttribute("mayRecord", me.canOpenDossiers());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", new SessionForm(Formats.DATE.format(LocalDate.now(clock)),
          SessionKind.INFO_SESSION_FAMILY_REUNIFICATION.name(), "", ""));
    }
    return "sessions";
  }

  @PostMapping("/sessions")
  String record(@ModelAttribute SessionForm form, Authentication auth, RedirectAttributes redirect) {
    CurrentUser me = CurrentUser.of(auth, auth.getName());
    if (!me.in(Groups.CASEWORKERS) && !me.in(Groups.RECEPTION)) {
      throw new AccessDeniedException("sessions: caseworkers and reception record them");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate date = null;
    try {
      date = Formats.parseDate(form.date());
      if (date == null) {
        errors.put("date", text("form.error.required"));
      }
    } catch (Formats.DateInputException e) {
      errors.put("date", text(e.key()));
    }
    SessionKind kind = null;
    try {
      kind = SessionKind.valueOf(form.kind());
    } catch (RuntimeException e) {
      errors.put("kind", text("sessions.error.kind"));
    }
    int participants = 0;
    try {
      participants = Integer.parseInt(form.participants() == null ? "" : form.participants().strip());
      if (participants < 1 || participants > 10_000) {
        errors.put("participants", text("sessions.error.participants"));
      }
    } catch (NumberFormatException e) {
      errors.put("participants", text("sessions.error.participants"));
    }
    if (form.note() != null && form.note().length() > 1000) {
      errors.put("note", text("form.error.note"));
    }
    if (errors.isEmpty()) {
      try {
        sessions.record(date, kind, participants, form.note() == null || form.note().isBlank() ? null
            : form.note().strip(), null, null, auth.getName());
        redirect.addFlashAttribute("flashSuccess", text("sessions.recorded", Formats.DATE.format(date)));
        return "redirect:/sessions?year=" + date.getYear();
      } catch (InvalidInputException | BusinessRuleException e) {
        errors.put("global", PageErrors.message(e));
      }
    }
    redirect.addFlashAttribute("form", form);
    redirect.addFlashAttribute("errors", errors);
    redirect.addFlashAttribute("flashError", text("form.error.summary"));
    return "redirect:/sessions";
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, WebConfig.supported(LocaleContextHolder.getLocale()));
  }
}
