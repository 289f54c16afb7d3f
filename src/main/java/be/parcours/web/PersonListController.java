package be.parcours.web;

import be.parcours.dossier.DeadlineStatus;
import be.parcours.dossier.DocumentView;
import be.parcours.dossier.DossierReading;
import be.parcours.dossier.DossierView;
import be.parcours.dossier.InterventionType;
import be.parcours.dossier.Viewers;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * "Hand the person their list": the documents still to bring, how each must be (original,
 * legalised or apostilled, sworn translation — {@code rules/documents/presentation.csv}), the next
 * appointment and the next legal deadline, in the person's language (the first of fr, nl, en among
 * their languages, or {@code ?in=}). A printable page and the same as PDF.
 */
@Controller
class PersonListController {

  record Line(String label, boolean original, boolean legalised, boolean translated, String status, String note) {}

  record ListView(String lang, Map<String, String> t, String person, String reference, String procedure,
      List<Line> lines, String appointment, String deadline, String printedOn) {}

  private final DossierReading reading;
  private final RuntimeService runtime;
  private final MessageSource messages;
  private final Labels labels;
  private final SpringTemplateEngine templates;
  private final Clock clock;
  private final Map<String, boolean[]> presentation;

  PersonListController(DossierReading reading, RuntimeService runtime, MessageSource messages, Labels labels,
      SpringTemplateEngine templates, Clock clock) throws IOException {
    this.reading = reading;
    this.runtime = runtime;
    this.messages = messages;
    this.labels = labels;
    this.templates = templates;
    this.clock = clock;
    this.presentation = readPresentation();
  }

  static Map<String, boolean[]> readPresentation() throws IOException {
    Map<String, boolean[]> map = new HashMap<>();
    try (InputStream in = PersonListController.class.getClassLoader()
        .getResourceAsStream("rules/documents/presentation.csv")) {
      if (in == null) {
        return map;
      }
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
      for (String line : lines) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("code;")) {
          continue;
        }
        String[] c = line.split(";");
        map.put(c[0].strip(), new boolean[] {"yes".equals(c[1].strip()), "yes".equals(c[2].strip()),
            "yes".equals(c[3].strip())});
      }
    }
    return map;
  }

  @GetMapping("/dossiers/{id}/list")
  String page(@PathVariable long id, @RequestParam(name = "in", required = false) String in, Authentication auth,
      Model model) {
    model.addAttribute("v", view(id, in, auth));
    model.addAttribute("pdf", false);
    model.addAttribute("dossierId", id);
    return "dossiers/list";
  }

  @GetMapping(value = "/dossiers/{id}/list.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(name = "in", required = false) String in,
      Authentication auth) throws IOException {
    ListView v = view(id, in, auth);
    Context context = new Context(Locale.forLanguageTag(v.lang()));
    context.setVariable("v", v);
    context.setVariable("pdf", true);
    String html = templates.process("dossiers/list", context)
        .replace('\u202f', ' ').replace('\u00a0', ' ');
    var out = new ByteArrayOutputStream();
    var builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    builder.run();
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(v.reference() + "-documents-" + v.lang() + ".pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .contentType(MediaType.APPLICATION_PDF).body(out.toByteArray());
  }

  ListView view(long id, String in, Authentication auth) {
    DossierView d = reading.view(id, Viewers.of(auth));
    if (d.documents() == null) {
      throw new org.springframework.security.access.AccessDeniedException("the documents need full access");
    }
    String lang = language(in, d);
    Locale locale = Locale.forLanguageTag(lang);
    LocalDate today = LocalDate.now(clock);
    List<Line> lines = new ArrayList<>();
    for (DocumentView doc : DossierPagesController.missing(d)) {
      boolean[] how = presentation.getOrDefault(doc.code(), new boolean[] {true, false, false});
      String label = doc.labels() != null && doc.labels().get(lang) != null ? doc.labels().get(lang)
          : Labels.readable(doc.code());
      lines.add(new Line(label, how[0], how[1] && !doc.legalised(), how[2] && !doc.translated(),
          msg("document.status." + doc.status().name(), locale), doc.note()));
    }
    String appointment = nextAppointment(d, today, locale);
    String deadline = d.deadlines() == null ? null : d.deadlines().stream()
        .filter(dl -> dl.status() == DeadlineStatus.PENDING && !dl.dueOn().isBefore(today))
        .min(Comparator.comparing(dl -> dl.dueOn()))
        .map(dl -> msg("list.deadline", locale, inLocale(locale, () -> labels.deadline(dl.code())),
            Formats.DATE.format(dl.dueOn())))
        .orElse(null);
    Map<String, String> t = new HashMap<>();
    for (String key : List.of("list.title", "list.intro", "list.document", "list.how", "list.original",
        "list.legalised", "list.translated", "list.none", "list.appointment", "list.noAppointment",
        "list.nextDeadline", "list.noDeadline", "list.footer", "list.print", "list.pdf", "list.status")) {
      t.put(key, msg(key, locale));
    }
    return new ListView(lang, t, d.beneficiary().firstName() + " " + d.beneficiary().lastName(), d.reference(),
        inLocale(locale, () -> labels.procedure(d.procedure())), lines, appointment, deadline,
        msg("list.printedOn", locale, Formats.DATE.format(today)));
  }

  private String nextAppointment(DossierView d, LocalDate today, Locale locale) {
    if (d.interventions() != null) {
      var next = d.interventions().stream().filter(i -> i.type() == InterventionType.APPOINTMENT)
          .filter(i -> !i.date().isBefore(today)).min(Comparator.comparing(i -> i.date()));
      if (next.isPresent()) {
        return Formats.DATE.format(next.get().date());
      }
    }
    for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(d.reference()).list()) {
      Object on = runtime.getVariable(instance.getId(), "appointmentOn");
      if (on != null) {
        try {
          LocalDate date = LocalDate.parse(on.toString().substring(0, 10));
          if (!date.isBefore(today)) {
            Object place = runtime.getVariable(instance.getId(), "appointmentPlace");
            return Formats.DATE.format(date) + (place == null ? "" : " — " + place);
          }
        } catch (RuntimeException e) {
          // not a date: no appointment to show
        }
      }
    }
    return null;
  }

  static String language(String in, DossierView d) {
    if (in != null && List.of("fr", "nl", "en").contains(in)) {
      return in;
    }
    for (String l : d.beneficiary().languages() == null ? List.<String>of() : d.beneficiary().languages()) {
      String s = l.strip().toLowerCase(Locale.ROOT);
      if (List.of("fr", "nl", "en").contains(s)) {
        return s;
      }
    }
    return "fr";
  }

  private String msg(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String inLocale(Locale locale, java.util.function.Supplier<String> s) {
    Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
    try {
      return s.get();
    } finally {
      org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
    }
  }
}
