package be.parcours.web;

import be.parcours.dossier.AccessLevel;
import be.parcours.dossier.BeneficiaryInput;
import be.parcours.dossier.DocumentStatus;
import be.parcours.dossier.DocumentUpdateRequest;
import be.parcours.dossier.DocumentView;
import be.parcours.dossier.DossierAccess;
import be.parcours.dossier.DossierCorrection;
import be.parcours.dossier.DossierCreated;
import be.parcours.dossier.DossierDocuments;
import be.parcours.dossier.DossierFiles;
import be.parcours.dossier.DossierInterventions;
import be.parcours.dossier.DossierOpening;
import be.parcours.dossier.DossierReading;
import be.parcours.dossier.DossierSearch;
import be.parcours.dossier.DossierView;
import be.parcours.dossier.FileContent;
import be.parcours.dossier.InterventionRequest;
import be.parcours.dossier.InterventionType;
import be.parcours.dossier.OpenDossierCommand;
import be.parcours.dossier.Procedure;
import be.parcours.dossier.Viewer;
import be.parcours.dossier.Viewers;
import be.parcours.procedure.DecisionOutcome;
import be.parcours.procedure.DecisionService;
import be.parcours.procedure.NotificationMethod;
import be.parcours.shared.AccessRestrictedException;
import be.parcours.shared.ApiStatusException;
import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.InvalidInputException;
import be.parcours.shared.NotFoundException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dossier pages: open a dossier (with the duplicates first), find a person, the dossier page
 * and what is done on it (documents, scans, interventions, corrections, the authority's decision,
 * an exceptional access). Every action calls the dossier module's services as the logged-in user;
 * refusals come back in the page, in the user's language, with what they typed kept.
 */
@Controller
class DossierPagesController {

  static final int PAGE_SIZE = 20;

  private final DossierOpening opening;
  private final DossierSearch search;
  private final DossierReading reading;
  private final DossierCorrection correction;
  private final DossierDocuments documents;
  private final DossierFiles files;
  private final DossierInterventions interventions;
  private final DossierAccess access;
  private final DecisionService decisions;
  private final RuntimeService runtime;
  private final MessageSource messages;
  private final Validator validator;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final org.camunda.bpm.engine.IdentityService identity;
  private final Labels labels;
  private final Formats fmt;
  private final be.parcours.dossier.DossierRequestReader requests;
  private final OtherFactsModel otherFacts;

  DossierPagesController(be.parcours.dossier.DossierRequestReader requests, OtherFactsModel otherFacts,
      org.camunda.bpm.engine.IdentityService identity, DossierOpening opening, DossierSearch search, DossierReading reading,
      DossierCorrection correction, DossierDocuments documents, DossierFiles files, DossierInterventions interventions,
      DossierAccess access, DecisionService decisions, RuntimeService runtime,
      MessageSource messages, Validator validator, ObjectMapper mapper, Clock clock, Labels labels, Formats fmt) {
    this.requests = requests;
    this.otherFacts = otherFacts;
    this.identity = identity;
    this.labels = labels;
    this.fmt = fmt;
    this.opening = opening;
    this.search = search;
    this.reading = reading;
    this.correction = correction;
    this.documents = documents;
    this.files = files;
    this.interventions = interventions;
    this.access = access;
    this.decisions = decisions;
    this.runtime = runtime;
    this.messages = messages;
    this.validator = validator;
    this.mapper = mapper;
    this.clock = clock;
  }

  // ---- find a person ---------------------------------------------------------------------------

  @GetMapping("/dossiers")
  String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
      Authentication auth, Model model) {
    int p = Math.max(0, Math.min(page, 10_000));
    var result = search.search(q, null, null, p, PAGE_SIZE, Viewers.of(auth));
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("result", result);
    return "dossiers/search";
  }

  // ---- open a dossier --------------------------------------------------------------------------

  @GetMapping("/dossiers/new")
  String newDossier(Authentication auth, Model model) {
    Viewer viewer = Viewers.of(auth);
    requireOpener(viewer);
    model.addAttribute("form", DossierForms.PersonForm.empty(viewer.in("service-social") ? auth.getName() : ""));
    model.addAttribute("visaForm", new VisaIntakeFacts.Form("", "", "", "", ""));
    model.addAttribute("visaOptions", VisaIntakeFacts.Options.INSTANCE);
    model.addAttribute("procedures", Procedure.values());
    model.addAttribute("caseworkers", caseworkers());
    return "dossiers/new";
  }

  /** Dossiers are opened by caseworkers and reception (as {@code POST /api/dossiers}). */
  static void requireOpener(Viewer viewer) {
    if (!viewer.in("service-social") && !viewer.in("accueil")) {
      throw new org.springframework.security.access.AccessDeniedException("caseworkers and reception open dossiers");
    }
  }

  /** Who may be a dossier's referent: the caseworkers (id and name). */
  List<Map.Entry<String, String>> caseworkers() {
    return identity.createUserQuery().memberOfGroup("service-social").orderByUserLastName().asc().list().stream()
        .map(u -> Map.entry(u.getId(), ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
            + (u.getLastName() == null ? "" : u.getLastName())).strip()))
        .toList();
  }

  @PostMapping("/dossiers/new")
  String open(@ModelAttribute("form") DossierForms.PersonForm form,
      @ModelAttribute("visaForm") VisaIntakeFacts.Form visa, Authentication auth, Model model,
      RedirectAttributes redirect) {
    requireOpener(Viewers.of(auth));
    model.addAttribute("visaOptions", VisaIntakeFacts.Options.INSTANCE);
    model.addAttribute("procedures", Procedure.values());
    model.addAttribute("caseworkers", caseworkers());
    Map<String, String> errors = new LinkedHashMap<>();
    String referent = blankToNull(form.referent());
    if (referent != null && caseworkers().stream().noneMatch(c -> c.getKey().equals(referent))) {
      errors.put("referent", text("form.error.referent"));
    }
    Procedure procedure = null;
    try {
      procedure = Procedure.fromCode(form.procedure());
    } catch (IllegalArgumentException e) {
      errors.put("procedure", text("form.error.procedure"));
    }
    BeneficiaryInput person = person(form, errors, true);
    ObjectNode visaFacts = null;
    if (procedure == Procedure.VISA) {
      // a visa dossier says at once which visa: C and D are different procedures with their own clocks
      visaFacts = mapper.createObjectNode();
      var applicant = new VisaIntakeFacts.Form(visa.visaType(), visa.purpose(), form.birthDate(), form.nationality(),
          visa.sponsorKind());
      VisaIntakeFacts.read(applicant, LocalDate.now(clock), visaFacts).forEach((field, key) -> errors.putIfAbsent(
          switch (field) {
            case "applicantBirthDate" -> "birthDate";
            case "applicantNationality" -> "nationality";
            default -> field;
          }, text(key)));
    }
    if (!errors.isEmpty()) {
      model.addAttribute("errors", errors);
      return "dossiers/new";
    }
    Viewer viewer = Viewers.of(auth);
    if (!Boolean.TRUE.equals(form.confirmNew())) {
      var known = search.duplicates(person.firstName(), person.lastName(), person.birthDate(), viewer);
      if (!known.isEmpty()) {
        model.addAttribute("duplicates", known);
        model.addAttribute("errors", errors);
        return "dossiers/new";
      }
    }
    try {
      DossierCreated created = opening.open(visaFacts == null
          ? OpenDossierCommand.withoutFacts(procedure, person, referent)
          : requests.opening(procedure, person, visaFacts, referent), auth.getName());
      redirect.addFlashAttribute("flashSuccess", text("dossier.opened", created.reference()));
      return "redirect:/dossiers/" + created.id();
    } catch (InvalidInputException | BusinessRuleException | ApiStatusException e) {
      errors.put("global", PageErrors.message(e));
      model.addAttribute("errors", errors);
      return "dossiers/new";
    }
  }

  /** Identity and contact, checked as the API checks them, messages in the page's language. */
  private BeneficiaryInput person(DossierForms.PersonForm form, Map<String, String> errors, boolean namesRequired) {
    LocalDate birthDate = date(form.birthDate(), "birthDate", errors);
    if (birthDate != null && !birthDate.isBefore(LocalDate.now(clock))) {
      errors.put("birthDate", text("form.error.birthDate.future"));
    }
    String nationality = blankToNull(form.nationality());
    var input = new BeneficiaryInput(strip(form.firstName()), strip(form.lastName()), birthDate,
        nationality == null ? null : nationality.toUpperCase(Locale.ROOT), form.languageList(),
        blankToNull(form.phone()), blankToNull(form.email()));
    for (var v : validator.validate(input)) {
      String field = v.getPropertyPath().toString().replaceAll("\\[.*", "");
      if (!namesRequired && (field.equals("firstName") || field.equals("lastName")) && v.getInvalidValue() == null) {
        continue;
      }
      errors.putIfAbsent(field, text("form.error." + field));
    }
    return input;
  }

  // ---- the dossier page ------------------------------------------------------------------------

  @GetMapping("/dossiers/{id}")
  String dossier(@PathVariable long id, Authentication auth, Model model, HttpServletResponse response) {
    Viewer viewer = Viewers.of(auth);
    DossierView view;
    try {
      view = reading.view(id, viewer);
    } catch (AccessRestrictedException e) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("dossierId", id);
      model.addAttribute("mayRequest", viewer.in("service-social") || viewer.in("juristes"));
      return "dossiers/restricted";
    }
    model.addAttribute("d", view);
    model.addAttribute("full", view.access() == AccessLevel.FULL);
    if (view.access() == AccessLevel.FULL) {
      model.addAttribute("files", files.byDocument(id, viewer));
      model.addAttribute("history", IntakeFacts.readableHistory(reading.history(id, viewer), mapper, labels, fmt));
      model.addAttribute("findings", Verdicts.findings(view));
      model.addAttribute("missing", missing(view));
      model.addAttribute("waitingForDecision", waitingForDecision(view.reference()));
    }
    model.addAttribute("statuses", DocumentStatus.values());
    model.addAttribute("interventionTypes", InterventionType.values());
    model.addAttribute("outcomes", DecisionOutcome.values());
    model.addAttribute("maxFileBytes", files.maxSize().toBytes());
    if (!model.containsAttribute("personForm")) {
      var b = view.beneficiary();
      model.addAttribute("personForm", new DossierForms.PersonForm(view.procedure().code(), b.firstName(),
          b.lastName(), b.birthDate() == null ? "" : Formats.DATE.format(b.birthDate()), b.nationality(),
          b.languages() == null ? "" : String.join(", ", b.languages()), b.phone(), b.email(), null));
    }
    if (!model.containsAttribute("interventionForm")) {
      model.addAttribute("interventionForm", new DossierForms.InterventionForm("INTERVIEW",
          Formats.DATE.format(LocalDate.now(clock)), "", ""));
    }
    if (!model.containsAttribute("decisionForm")) {
      model.addAttribute("decisionForm", new DossierForms.DecisionForm("", "", "HAND"));
    }
    if (view.access() == AccessLevel.FULL && view.procedure() == Procedure.FAMILY_REUNIFICATION) {
      // the intake facts: what is recorded, and the form to complete or correct it
      IntakeFacts.Form recorded = IntakeFacts.Form.of(view.facts(),
          WebConfig.supported(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
      model.addAttribute("factsShown", recorded);
      model.addAttribute("factsIncome", view.facts() == null ? null
          : view.facts().path("sponsor").path("monthlyNetIncome").isNumber()
              ? view.facts().path("sponsor").path("monthlyNetIncome").decimalValue() : null);
      if (!model.containsAttribute("factsForm")) {
        model.addAttribute("factsForm", recorded);
      }
      model.addAttribute("factsOptions", IntakeFacts.Options.INSTANCE);
    }
    if (view.access() == AccessLevel.FULL) {
      otherFacts.addTo(model, view);
    }
    return "dossiers/dossier";
  }

  // ---- the intake facts ------------------------------------------------------------------------

  /**
   * The caseworker records or corrects the facts of a family reunification (full access only:
   * the referent, its task workers, supervisors); saved through the audited {@code PATCH} path, so
   * the verdict is evaluated again. A refused value: the page again (422) with what was typed and a
   * French message next to the field; nothing is saved.
   */
  @PostMapping("/dossiers/{id}/facts")
  String saveFacts(@PathVariable long id, @ModelAttribute("factsForm") IntakeFacts.Form form, Authentication auth,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Viewer viewer = Viewers.of(auth);
    access.requireFull(id, viewer);
    Map<String, String> errors = new LinkedHashMap<>();
    IntakeFacts.Result read = IntakeFacts.read(form, LocalDate.now(clock), mapper,
        WebConfig.supported(org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    read.errors().forEach((field, key) -> errors.put(field, text(key)));
    if (reading.view(id, viewer).procedure() != Procedure.FAMILY_REUNIFICATION) {
      errors.put("global", text("facts.error.procedure"));
    }
    if (errors.isEmpty()) {
      ObjectNode body = mapper.createObjectNode();
      body.set("facts", read.facts());
      try {
        correction.correct(id, body, viewer);
        redirect.addFlashAttribute("flashSuccess", text("facts.saved"));
        return "redirect:/dossiers/" + id + "#verdict";
      } catch (InvalidInputException | BusinessRuleException e) {
        String field = IntakeFacts.formField(e instanceof InvalidInputException i ? i.field()
            : ((BusinessRuleException) e).field());
        errors.put(field == null ? "global" : field, PageErrors.message(e));
      }
    }
    model.addAttribute("factsErrors", errors);
    model.addAttribute("flashError", text("form.error.summary"));
    response.setStatus(422); // Unprocessable Content: the page again, nothing saved
    return dossier(id, auth, model, response);
  }

  static List<DocumentView> missing(DossierView view) {
    if (view.documents() == null) {
      return List.of();
    }
    return view.documents().stream().filter(doc -> doc.status() == DocumentStatus.REQUIRED
        || doc.status() == DocumentStatus.REJECTED || doc.status() == DocumentStatus.EXPIRED).toList();
  }

  /** The procedure (or its called visa procedure) waits at the authority's decision. */
  boolean waitingForDecision(String reference) {
    for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
      if (runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventType("message")
          .eventName("DecisionReceived").count() > 0) {
        return true;
      }
      for (var sub : runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()) {
        if (runtime.createEventSubscriptionQuery().processInstanceId(sub.getId()).eventType("message")
            .eventName("DecisionReceived").count() > 0) {
          return true;
        }
      }
    }
    return false;
  }

  @PostMapping("/dossiers/{id}/access-requests")
  String requestAccess(@PathVariable long id, @ModelAttribute DossierForms.AccessRequestForm form,
      Authentication auth, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    String reason = form.reason() == null ? "" : form.reason().strip();
    if (reason.length() < 10 || reason.length() > 1000) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("dossierId", id);
      model.addAttribute("mayRequest", true);
      model.addAttribute("reason", form.reason());
      model.addAttribute("reasonError", text("access.reason.invalid"));
      return "dossiers/restricted";
    }
    access.requestExceptionalAccess(id, reason, Viewers.of(auth));
    redirect.addFlashAttribute("flashSuccess", text("access.granted"));
    return "redirect:/dossiers/" + id;
  }

  // ---- documents -------------------------------------------------------------------------------

  @PostMapping("/dossiers/{id}/documents/{code}")
  String updateDocument(@PathVariable long id, @PathVariable String code,
      @ModelAttribute DossierForms.DocumentForm form, Authentication auth, Model model,
      @RequestHeader(value = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
    Viewer viewer = Viewers.of(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    DocumentStatus status = null;
    try {
      status = DocumentStatus.valueOf(form.status());
    } catch (RuntimeException e) {
      errors.put("status", text("form.error.documentStatus"));
    }
    LocalDate expiresOn = date(form.expiresOn(), "expiresOn", errors);
    DocumentView saved = null;
    if (errors.isEmpty()) {
      try {
        saved = documents.update(id, code, new DocumentUpdateRequest(status, Boolean.TRUE.equals(form.legalised()),
            Boolean.TRUE.equals(form.translated()), expiresOn, blankToNull(form.note())), viewer);
      } catch (InvalidInputException | BusinessRuleException | ApiStatusException e) {
        errors.put("global", PageErrors.message(e));
      }
    }
    if (htmx == null) {
      if (!errors.isEmpty()) {
        redirect.addFlashAttribute("flashError", String.join(" ", errors.values()));
      } else {
        redirect.addFlashAttribute("flashSuccess", text("document.saved"));
      }
      return "redirect:/dossiers/" + id + "#documents";
    }
    DossierView view = reading.view(id, viewer);
    DocumentView doc = view.documents().stream().filter(dv -> dv.code().equals(code)).findFirst()
        .orElseThrow(() -> new NotFoundException("document " + code));
    model.addAttribute("d", view);
    model.addAttribute("doc", doc);
    model.addAttribute("docForm", errors.isEmpty() ? null : form);
    model.addAttribute("docErrors", errors);
    model.addAttribute("docSaved", saved != null);
    model.addAttribute("files", files.byDocument(id, viewer));
    model.addAttribute("statuses", DocumentStatus.values());
    model.addAttribute("maxFileBytes", files.maxSize().toBytes());
    return "dossiers/dossier :: documentRow";
  }

  // ---- scans -----------------------------------------------------------------------------------

  @PostMapping("/dossiers/{id}/documents/{code}/files")
  String upload(@PathVariable long id, @PathVariable String code, @RequestParam("file") MultipartFile file,
      Authentication auth, RedirectAttributes redirect) throws IOException {
    try {
      files.checkSize(file.getSize());
      var saved = files.upload(id, code, file.getOriginalFilename(), file.getBytes(), Viewers.of(auth));
      redirect.addFlashAttribute("flashSuccess", text("file.uploaded", saved.name()));
    } catch (InvalidInputException | BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", PageErrors.message(e));
    } catch (ApiStatusException e) {
      redirect.addFlashAttribute("flashError", e.status() == 415 ? text("file.type")
          : e.status() == 413 ? text("file.tooLarge", files.maxSize().toMegabytes()) : PageErrors.message(e));
    }
    return "redirect:/dossiers/" + id + "#doc-" + code;
  }

  @GetMapping("/dossiers/{id}/documents/{code}/files/{fileId}")
  ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String code, @PathVariable long fileId,
      @RequestParam(defaultValue = "false") boolean download, Authentication auth) {
    FileContent content = files.download(id, code, fileId, Viewers.of(auth));
    var disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
        .filename(content.name(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; object-src 'self'; sandbox")
        .contentType(MediaType.parseMediaType(content.contentType()))
        .body(content.bytes());
  }

  @PostMapping("/dossiers/{id}/documents/{code}/files/{fileId}/delete")
  String deleteFile(@PathVariable long id, @PathVariable String code, @PathVariable long fileId,
      Authentication auth, RedirectAttributes redirect) {
    files.delete(id, code, fileId, Viewers.of(auth));
    redirect.addFlashAttribute("flashSuccess", text("file.deleted"));
    return "redirect:/dossiers/" + id + "#doc-" + code;
  }

  // ---- interventions ---------------------------------------------------------------------------

  @PostMapping("/dossiers/{id}/interventions")
  String addIntervention(@PathVariable long id, @ModelAttribute DossierForms.InterventionForm form,
      Authentication auth, RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    InterventionType type = null;
    try {
      type = InterventionType.valueOf(form.type());
    } catch (RuntimeException e) {
      errors.put("type", text("form.error.interventionType"));
    }
    LocalDate date = date(form.date(), "date", errors);
    if (date == null && !errors.containsKey("date")) {
      errors.put("date", text("form.error.required"));
    } else if (date != null && date.isAfter(LocalDate.now(clock))) {
      errors.put("date", text("form.error.date.future"));
    }
    Integer minutes = null;
    if (form.minutes() != null && !form.minutes().isBlank()) {
      try {
        minutes = Integer.valueOf(form.minutes().strip());
        if (minutes < 0 || minutes > 1440) {
          errors.put("minutes", text("form.error.minutes"));
        }
      } catch (NumberFormatException e) {
        errors.put("minutes", text("form.error.minutes"));
      }
    }
    if (form.note() != null && form.note().length() > 4000) {
      errors.put("note", text("form.error.note"));
    }
    if (errors.isEmpty()) {
      try {
        interventions.add(id, new InterventionRequest(type, date, minutes, blankToNull(form.note())), Viewers.of(auth));
        redirect.addFlashAttribute("flashSuccess", text("intervention.added"));
        return "redirect:/dossiers/" + id + "#interventions";
      } catch (InvalidInputException | BusinessRuleException e) {
        errors.put("global", PageErrors.message(e));
      }
    }
    redirect.addFlashAttribute("interventionForm", form);
    redirect.addFlashAttribute("interventionErrors", errors);
    redirect.addFlashAttribute("flashError", text("form.error.summary"));
    return "redirect:/dossiers/" + id + "#interventions";
  }

  // ---- correct the person ----------------------------------------------------------------------

  @PostMapping("/dossiers/{id}/person")
  String correctPerson(@PathVariable long id, @ModelAttribute DossierForms.PersonForm form, Authentication auth,
      RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    BeneficiaryInput person = person(form, errors, true);
    if (errors.isEmpty()) {
      ObjectNode body = mapper.createObjectNode();
      ObjectNode b = body.putObject("beneficiary");
      b.put("firstName", person.firstName());
      b.put("lastName", person.lastName());
      b.put("birthDate", person.birthDate() == null ? null : person.birthDate().toString());
      b.put("nationality", person.nationality());
      var langs = b.putArray("languages");
      person.languages().forEach(langs::add);
      b.put("phone", person.phone());
      b.put("email", person.email());
      try {
        correction.correct(id, body, Viewers.of(auth));
        redirect.addFlashAttribute("flashSuccess", text("person.corrected"));
        return "redirect:/dossiers/" + id;
      } catch (InvalidInputException | BusinessRuleException e) {
        errors.put("global", PageErrors.message(e));
      }
    }
    redirect.addFlashAttribute("personForm", form);
    redirect.addFlashAttribute("personErrors", errors);
    redirect.addFlashAttribute("flashError", text("form.error.summary"));
    return "redirect:/dossiers/" + id + "#person";
  }

  // ---- the authority's decision ----------------------------------------------------------------

  @PostMapping("/dossiers/{id}/decision")
  String decision(@PathVariable long id, @ModelAttribute DossierForms.DecisionForm form, Authentication auth,
      RedirectAttributes redirect) {
    Viewer viewer = Viewers.of(auth);
    access.requireFull(id, viewer);
    Map<String, String> errors = new LinkedHashMap<>();
    DecisionOutcome outcome = null;
    try {
      outcome = DecisionOutcome.valueOf(form.outcome());
    } catch (RuntimeException e) {
      errors.put("outcome", text("form.error.outcome"));
    }
    LocalDate date = date(form.date(), "date", errors);
    if (date == null && !errors.containsKey("date")) {
      errors.put("date", text("form.error.required"));
    }
    DossierView view = reading.view(id, viewer);
    if (date != null && date.isAfter(LocalDate.now(clock))) {
      errors.put("date", text("decision.error.future"));
    } else if (date != null && date.isBefore(view.openedOn())) {
      errors.put("date", text("decision.error.beforeOpening", Formats.DATE.format(view.openedOn())));
    }
    NotificationMethod method = null;
    try {
      method = NotificationMethod.valueOf(form.mode());
    } catch (RuntimeException e) {
      errors.put("mode", text("form.error.mode"));
    }
    if (errors.isEmpty()) {
      boolean letter = method == NotificationMethod.REGISTERED_LETTER;
      try {
        var recorded = decisions.record(id, new DecisionService.Decision(outcome, method, letter ? null : date,
            letter ? date : null), auth.getName());
        redirect.addFlashAttribute("flashSuccess", letter
            ? text("decision.recorded.registered", Formats.DATE.format(date), Formats.DATE.format(recorded.notifiedOn()))
            : text("decision.recorded", Formats.DATE.format(recorded.notifiedOn())));
        return "redirect:/dossiers/" + id + "#deadlines";
      } catch (BusinessRuleException e) {
        errors.put("global", e.getMessage() != null && e.getMessage().contains("n'attend pas")
            ? text("decision.error.notWaiting") : PageErrors.message(e));
      }
    }
    redirect.addFlashAttribute("decisionForm", form);
    redirect.addFlashAttribute("decisionErrors", errors);
    redirect.addFlashAttribute("flashError", text("form.error.summary"));
    return "redirect:/dossiers/" + id + "#decision";
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private LocalDate date(String input, String field, Map<String, String> errors) {
    try {
      return Formats.parseDate(input);
    } catch (Formats.DateInputException e) {
      errors.put(field, text(e.key()));
      return null;
    }
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, WebConfig.supported(LocaleContextHolder.getLocale()));
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static List<String> languagesOf(DossierView view) {
    return view.beneficiary() == null || view.beneficiary().languages() == null ? List.of()
        : new ArrayList<>(view.beneficiary().languages());
  }
}
