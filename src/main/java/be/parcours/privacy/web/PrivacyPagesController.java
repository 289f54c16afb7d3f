package be.parcours.privacy.web;

import be.parcours.privacy.ErasureOnRequest;
import be.parcours.privacy.PersonExport;
import be.parcours.privacy.RetentionService;
import be.parcours.privacy.SubjectAccessExport;

import be.parcours.dossier.Viewer;
import be.parcours.dossier.Viewers;
import be.parcours.web.Formats;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The GDPR pages: the person's data export from the dossier page (printable page, PDF, JSON
 * download — supervisors and the dossier's referent) and the retention's dry run (supervisors and
 * administrators).
 */
@Controller
class PrivacyPagesController {

  /**
   * One fact of a dossier, flattened: {@code sponsor.monthlyNetIncome} → {@code 2400.0}; on the page
   * with its label and as typed (« Revenu mensuel net » → « 2 400,00 € »).
   */
  record Fact(String path, String value, String label) {
    Fact(String path, String value) {
      this(path, value, path);
    }
  }

  /** One finding of a verdict as the caseworker read it. */
  record Finding(String criterion, String result, String message) {}

  private final SubjectAccessExport export;
  private final RetentionService retention;
  private final SpringTemplateEngine templates;
  private final ApplicationContext context;
  private final ObjectMapper mapper;
  private final org.springframework.context.MessageSource messages;
  private final Formats fmt;
  private final ErasureOnRequest erasure;

  PrivacyPagesController(SubjectAccessExport export, RetentionService retention, SpringTemplateEngine templates,
      ApplicationContext context, ObjectMapper mapper, org.springframework.context.MessageSource messages,
      Formats fmt, ErasureOnRequest erasure) {
    this.erasure = erasure;
    this.messages = messages;
    this.fmt = fmt;
    this.export = export;
    this.retention = retention;
    this.templates = templates;
    this.context = context;
    this.mapper = mapper;
  }

  @GetMapping("/dossiers/{id}/export")
  String page(@PathVariable long id, Authentication auth, Model model) {
    model.addAllAttributes(model(export.export(id, Viewers.of(auth)), false));
    model.addAttribute("dossierId", id);
    return "privacy/export";
  }

  @GetMapping(value = "/dossiers/{id}/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable long id, Authentication auth) {
    PersonExport e = export.export(id, Viewers.of(auth));
    Context ctx = new Context(LocaleContextHolder.getLocale());
    ctx.setVariables(model(e, true));
    ctx.setVariable("dossierId", id);
    ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(context, context.getBeanProvider(ConversionService.class).getIfUnique()));
    String html = templates.process("privacy/export", ctx).replace('\u202f', ' ').replace('\u00a0', ' ');
    var out = new ByteArrayOutputStream();
    var builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException ex) {
      throw new IllegalStateException("the export could not be rendered as PDF", ex);
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName(e) + ".pdf").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .contentType(MediaType.APPLICATION_PDF).body(out.toByteArray());
  }

  @GetMapping(value = "/dossiers/{id}/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> json(@PathVariable long id, Authentication auth) throws IOException {
    PersonExport e = export.export(id, Viewers.of(auth));
    byte[] body = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(e);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(fileName(e) + ".json").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .contentType(MediaType.APPLICATION_JSON).body(body);
  }

  @GetMapping("/dossiers/{id}/erase")
  String erasePage(@PathVariable long id, Authentication auth, Model model) {
    model.addAttribute("s", erasure.subject(id, Viewers.of(auth)));
    model.addAttribute("form", new ErasureOnRequest.Request("", ""));
    return "privacy/erase";
  }

  /** A supervisor erases a closed dossier at the person's request; refused input comes back in the form (422). */
  @PostMapping("/dossiers/{id}/erase")
  String erase(@PathVariable long id, @RequestParam(required = false) String reason,
      @RequestParam(required = false) String confirmation, Authentication auth, Model model,
      jakarta.servlet.http.HttpServletResponse response, RedirectAttributes flash) {
    Viewer viewer = Viewers.of(auth);
    var request = new ErasureOnRequest.Request(reason, confirmation);
    try {
      var done = erasure.erase(id, request, viewer);
      flash.addFlashAttribute("flashSuccess", messages.getMessage("privacy.erase.done",
          new Object[] {done.reference()}, LocaleContextHolder.getLocale()));
      return "redirect:/dossiers/" + id;
    } catch (ErasureOnRequest.Refused refused) {
      response.setStatus(422);
      Map<String, String> errors = new java.util.LinkedHashMap<>();
      refused.errors().forEach((field, key) -> errors.put(field,
          messages.getMessage(key, null, key, LocaleContextHolder.getLocale())));
      model.addAttribute("s", erasure.subject(id, viewer));
      model.addAttribute("form", request);
      model.addAttribute("errors", errors);
      return "privacy/erase";
    }
  }

  @GetMapping("/privacy/retention")
  String retention(Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    if (!viewer.in("superviseurs") && !viewer.in("camunda-admin")) {
      throw new AccessDeniedException("the retention list is for supervisors and administrators");
    }
    model.addAttribute("years", retention.closedYears());
    model.addAttribute("enabled", retention.enabled());
    model.addAttribute("toConfirm", retention.durationToConfirm());
    model.addAttribute("today", retention.today());
    model.addAttribute("candidates", retention.candidates());
    return "privacy/retention";
  }

  /** The labels of the law's codes (the eligibility module's bundle: « conjoint », not SPOUSE), and yes / no. */
  private Map<String, String> codes() {
    java.util.Locale locale = LocaleContextHolder.getLocale();
    Map<String, String> labels = new java.util.HashMap<>();
    try {
      var bundle = java.util.ResourceBundle.getBundle("i18n/eligibility", locale,
          java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
      for (String key : bundle.keySet()) {
        if (key.startsWith("label.")) {
          labels.put(key.substring(6), bundle.getString(key));
        }
      }
    } catch (java.util.MissingResourceException ignored) {
      // no labels: the codes are shown
    }
    labels.put("true", messages.getMessage("privacy.export.yes", null, "oui", locale));
    labels.put("false", messages.getMessage("privacy.export.no", null, "non", locale));
    return labels;
  }

  private Map<String, Object> model(PersonExport e, boolean pdf) {
    Map<String, String> codes = codes();
    List<List<Fact>> facts = new ArrayList<>();
    List<List<Finding>> findings = new ArrayList<>();
    List<Map<String, String>> documentLabels = new ArrayList<>();
    java.util.Locale locale = LocaleContextHolder.getLocale();
    for (var d : e.dossiers()) {
      List<Fact> f = new ArrayList<>();
      flatten("", d.dossier().facts(), f);
      facts.add(f.stream().map(x -> new Fact(x.path(), shown(x, codes),
          messages.getMessage("history.field.facts." + x.path(), null, x.path(), locale))).toList());
      Map<String, String> docs = new java.util.HashMap<>();
      if (d.dossier().documents() != null) {
        for (var doc : d.dossier().documents()) {
          Map<String, String> byLang = doc.labels();
          String text = byLang == null ? null
              : byLang.getOrDefault(locale.getLanguage(), byLang.get("fr"));
          docs.put(doc.code(), text == null ? doc.code() : text);
        }
      }
      documentLabels.add(docs);
      List<Finding> lines = new ArrayList<>();
      if (d.dossier().eligibility() != null && d.dossier().eligibility().verdict() != null) {
        for (JsonNode n : d.dossier().eligibility().verdict().path("findings")) {
          lines.add(new Finding(n.path("criterion").asText(""), n.path("result").asText(""),
              n.path("message").asText("")));
        }
      }
      findings.add(lines);
    }
    return Map.of("x", e, "facts", facts, "findings", findings, "pdf", pdf, "codes", codes,
        "documentLabels", documentLabels, "nationality", String.valueOf(country(e.person().nationality(), locale)));
  }

  /** A fact's value as typed: dates {@code jj/mm/aaaa}, the income {@code 2 400,00 €}, codes as labels. */
  private String shown(Fact fact, Map<String, String> codes) {
    String v = fact.value();
    if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        return fmt.date(java.time.LocalDate.parse(v));
      } catch (java.time.DateTimeException notADate) {
        return v;
      }
    }
    if (fact.path().endsWith("monthlyNetIncome") && v.matches("-?\\d+(\\.\\d+)?")) {
      return fmt.money(new java.math.BigDecimal(v));
    }
    String leaf = fact.path().substring(fact.path().lastIndexOf('.') + 1);
    String prefix = FACT_VALUE_LABELS.get(leaf);
    if (prefix != null) {
      java.util.Locale locale = LocaleContextHolder.getLocale();
      List<String> out = new ArrayList<>();
      for (String part : v.split(", ")) {
        out.add(messages.getMessage(prefix + part, null, codes.getOrDefault(part, part), locale));
      }
      return String.join(", ", out);
    }
    return label(codes, v);
  }

  /** Facts whose values are codes, and the prefix of their labels in the facts form's bundle. */
  private static final Map<String, String> FACT_VALUE_LABELS = Map.of("kind", "facts.sponsorKind.",
      "euResidenceBasis", "facts.euResidenceBasis.", "residence", "facts.residence.", "incomeKinds",
      "facts.incomeKind.", "relationship", "facts.relationship.", "location", "facts.location.");

  /** « Congo (République démocratique du) » for {@code CD}, in the page's language; other text as it is. */
  static String country(String code, java.util.Locale locale) {
    if (code == null || !code.matches("[A-Z]{2}")) {
      return code;
    }
    String name = new java.util.Locale("", code).getDisplayCountry(locale);
    return name.isEmpty() || name.equals(code) ? code : name;
  }

  /** "EMPLOYMENT, PENSION" → « emploi, pension »; a value that is no code stays as it is. */
  static String label(Map<String, String> codes, String value) {
    List<String> out = new ArrayList<>();
    for (String part : value.split(", ")) {
      out.add(codes.getOrDefault(part, part));
    }
    return String.join(", ", out);
  }

  static void flatten(String prefix, JsonNode node, List<Fact> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        var e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        return;
      }
      boolean scalars = true;
      for (JsonNode n : node) {
        scalars &= n.isValueNode();
      }
      if (scalars) {
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        out.add(new Fact(prefix, String.join(", ", values)));
      } else {
        for (int i = 0; i < node.size(); i++) {
          flatten(prefix + "[" + (i + 1) + "]", node.get(i), out);
        }
      }
    } else {
      out.add(new Fact(prefix, node.asText()));
    }
  }

  private static String fileName(PersonExport e) {
    String ref = e.dossiers().isEmpty() ? "dossier" : e.dossiers().get(0).dossier().reference();
    return "donnees-personnelles-" + ref;
  }
}
