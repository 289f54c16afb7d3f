package be.parcours.eligibility;

import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.InvalidInputException;
import be.parcours.shared.NotFoundException;
import be.parcours.shared.TimeConfig;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The legal staff's workbench page ({@code /rules}): the version in force and its history, the
 * legal values in force, the files, the proposals (edit a table in the page, upload files),
 * their checks and impact, approval by another jurist at once or on a date, what is scheduled,
 * differences, the scenarios. Supervisors read; only jurists change.
 */
@Controller
@RequestMapping("/rules")
public class RulesPageController {

  private static final String READERS = "hasAnyAuthority('GROUP_juristes', 'GROUP_superviseurs')";
  private static final String JURISTS = "hasAuthority('GROUP_juristes')";
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  private static final Pattern DATE_INPUT = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
  /** Columns a jurist edits in the page (the rule's name, code and regime are kept for an existing row). */
  static final List<String> EDITABLE = List.of(ParameterTables.VALUE, ParameterTables.FROM, ParameterTables.UNTIL,
      ParameterTables.BASIS, ParameterTables.SOURCE, ParameterTables.TO_CONFIRM);
  static final List<String> NEW_ROW = List.of(ParameterTables.NAME, ParameterTables.CODE, ParameterTables.REGIME,
      ParameterTables.VALUE, ParameterTables.FROM, ParameterTables.UNTIL, ParameterTables.BASIS,
      ParameterTables.SOURCE, ParameterTables.TO_CONFIRM);

  private final RulesWorkbench workbench;
  private final Clock clock;

  RulesPageController(RulesWorkbench workbench, Clock clock) {
    this.workbench = workbench;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(TimeConfig.BRUSSELS));
  }

  /** A cell as the page shows it: ISO dates as jj/mm/aaaa, decimal point as a comma. */
  public static String show(String cell) {
    if (cell == null) {
      return "";
    }
    if (cell.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(cell).format(DMY);
    }
    if (cell.matches("-?\\d+\\.\\d+")) {
      return cell.replace('.', ',');
    }
    return cell;
  }

  @GetMapping
  @PreAuthorize(READERS)
  String workbench(Model model) {
    String active = workbench.activeVersion();
    List<RulesWorkbench.ProposalView> proposals = workbench.proposals();
    Map<String, List<RulesWorkbench.ParameterView>> parameters = new TreeMap<>();
    for (var p : workbench.parameters(today())) {
      parameters.computeIfAbsent(p.procedure(), k -> new ArrayList<>()).add(p);
    }
    model.addAttribute("active", active);
    model.addAttribute("activeRow", workbench.versionRow(active));
    model.addAttribute("versions", workbench.versions());
    model.addAttribute("scheduled", proposals.stream().filter(p -> "SCHEDULED".equals(p.status())).toList());
    model.addAttribute("pending", proposals.stream().filter(p -> "PENDING".equals(p.status())
        || "INVALID".equals(p.status())).toList());
    model.addAttribute("recent", proposals.stream().limit(10).toList());
    model.addAttribute("parameters", parameters);
    model.addAttribute("files", workbench.activeFiles().keySet());
    model.addAttribute("nodes", workbench.nodes());
    model.addAttribute("incidents", workbench.nodes().stream().filter(RulesWorkbench.NodeView::incident).toList());
    model.addAttribute("audit", workbench.audit().stream().limit(15).toList());
    model.addAttribute("today", today());
    model.addAttribute("show", new Shower());
    return "rules/workbench";
  }

  /** For the templates: {@code ${show.cell(x)}}. */
  public static final class Shower {
    public String cell(String c) {
      return show(c);
    }

    /** What the form sent for a field, else the table's value (the page shown again keeps what was typed). */
    public String v(Map<String, String> form, String name, String fallback) {
      return form != null && form.containsKey(name) ? form.get(name) : fallback;
    }

    public String procedure(String path) {
      int slash = path.indexOf('/');
      return slash < 0 ? "" : path.substring(0, slash);
    }
  }

  // ---- a parameter table edited in the page -----------------------------------------------------

  /**
   * The parameter table of a folder of the rules: {@code <folder>/legal-parameters.drl.csv}, else its
   * other table with column titles (alerts/alert-parameters.drl.csv); the base amounts have their own part of the page.
   */
  String tablePath(String procedure) {
    Map<String, String> files = workbench.activeFiles();
    String preferred = procedure + "/legal-parameters.drl.csv";
    if (files.containsKey(preferred)) {
      return preferred;
    }
    return files.keySet().stream()
        .filter(p -> p.startsWith(procedure + "/") && p.indexOf('/') == procedure.length() && p.endsWith(".drl.csv")
            && !p.endsWith("/base-amounts.drl.csv") && ParameterTables.read(p, files.get(p)) != null)
        .findFirst().orElseThrow(() -> new NotFoundException("no parameter table for " + procedure));
  }

  /** The procedure's table of indexed base amounts (RMMMG, RIS), or null when it has none. */
  String baseAmountsPath(String procedure) {
    String path = procedure + "/base-amounts.drl.csv";
    return workbench.activeFiles().containsKey(path) ? path : null;
  }

  @GetMapping("/tables/{procedure}")
  @PreAuthorize(JURISTS)
  String editTable(@PathVariable String procedure, Model model) {
    tableModel(procedure, Map.of(), false, model);
    return "rules/table";
  }

  /**
   * The page of a procedure's tables: the base amounts (with the indexation form), the derived
   * thresholds they give (now, and with the edits when previewed), the legal parameters.
   */
  private void tableModel(String procedure, Map<String, String> form, boolean preview, Model model) {
    String path = tablePath(procedure);
    Map<String, String> active = workbench.activeFiles();
    var table = ParameterTables.read(path, active.get(path));
    model.addAttribute("procedure", procedure);
    model.addAttribute("path", path);
    model.addAttribute("table", table);
    model.addAttribute("editable", EDITABLE);
    model.addAttribute("newRow", newRow(table));
    String basePath = baseAmountsPath(procedure);
    model.addAttribute("basePath", basePath);
    if (basePath != null) {
      var baseTable = ParameterTables.read(basePath, active.get(basePath));
      model.addAttribute("baseTable", baseTable);
      model.addAttribute("baseCodes", BaseAmountIndexation.codes(baseTable));
      model.addAttribute("baseNewRow", newRow(baseTable));
    }
    Map<String, String> after = preview ? edited(procedure, form) : active;
    var rowsBefore = ThresholdPreview.rows(active, procedure);
    var rowsAfter = ThresholdPreview.rows(after, procedure);
    model.addAttribute("preview", preview);
    model.addAttribute("thresholds", ThresholdPreview.lines(rowsBefore, rowsAfter,
        ThresholdPreview.days(rowsBefore, rowsAfter, today())));
    model.addAttribute("form", form);
    model.addAttribute("show", new Shower());
    model.addAttribute("today", today());
  }

  /** The columns of a new row, those of the table only ("Montant de base" where the table has it). */
  static List<String> newRow(ParameterTables.Table table) {
    List<String> titles = new ArrayList<>(NEW_ROW);
    if (table.column(BASE) > 0) {
      titles.add(BASE);
    }
    return titles.stream().filter(t -> table.column(t) > 0).toList();
  }

  static final String BASE = "Montant de base";

  /** The procedure's tables as the form edits them: path → text, the unchanged ones included. */
  Map<String, String> edited(String procedure, Map<String, String> form) {
    Map<String, String> files = new TreeMap<>(workbench.activeFiles());
    String path = tablePath(procedure);
    files.put(path, editedTable(path, files.get(path), form));
    String basePath = baseAmountsPath(procedure);
    if (basePath != null) {
      String base = editedTable(basePath, files.get(basePath), form, "b");
      var ix = BaseAmountIndexation.read(form);
      files.put(basePath, ix == null ? base : BaseAmountIndexation.apply(basePath, base, ix));
    }
    return files;
  }

  @PostMapping("/tables/{procedure}")
  @PreAuthorize(JURISTS)
  String proposeTable(@PathVariable String procedure, @RequestParam Map<String, String> form, Principal principal,
      Model model, RedirectAttributes flash) {
    String path = tablePath(procedure);
    boolean preview = "preview".equals(form.get("action"));
    try {
      if (preview) {
        tableModel(procedure, form, true, model);
        return "rules/table";
      }
      Map<String, String> active = workbench.activeFiles();
      Map<String, String> edited = edited(procedure, form);
      List<RulesWorkbench.Upload> uploads = new ArrayList<>();
      for (String p : new String[] {baseAmountsPath(procedure), path}) {
        if (p != null && !edited.get(p).equals(active.get(p))) {
          uploads.add(new RulesWorkbench.Upload(p, edited.get(p).getBytes(StandardCharsets.UTF_8)));
        }
      }
      if (uploads.isEmpty()) {
        uploads.add(new RulesWorkbench.Upload(path, edited.get(path).getBytes(StandardCharsets.UTF_8)));
      }
      var p = workbench.propose(principal.getName(), uploads, null, form.get("note"));
      flash.addFlashAttribute(p.valid() ? "flashSuccess" : "flashError", p.valid()
          ? "Proposition " + p.id() + " enregistrée : elle attend l'approbation d'un autre juriste."
          : "Proposition " + p.id() + " enregistrée, mais elle n'est pas valide : voyez les erreurs ci-dessous.");
      return "redirect:/rules/proposals/" + p.id();
    } catch (BusinessRuleException | InvalidInputException e) {
      // the page again, with what was typed, and the French message
      tableModel(procedure, form, false, model);
      model.addAttribute("flashError", e.getMessage());
      return "rules/table";
    }
  }

  static String editedTable(String path, String text, Map<String, String> form) {
    return editedTable(path, text, form, "");
  }

  /** The table with the cells of the form: {@code r<line>_<column>} for a row, {@code n<i>_<column>} for a new one. */
  static String editedTable(String path, String text, Map<String, String> form, String prefix) {
    var table = ParameterTables.read(path, text);
    List<RuleCsv.Row> rows = RuleCsv.parse(text, ',');
    int lastParamLine = table.rows().isEmpty() ? table.headerLine() : table.rows().get(table.rows().size() - 1).line();
    StringBuilder out = new StringBuilder();
    for (RuleCsv.Row row : rows) {
      List<String> cells = new ArrayList<>(row.cells());
      boolean isParam = table.rows().stream().anyMatch(r -> r.line() == row.line());
      if (isParam) {
        for (String title : EDITABLE) {
          String value = form.get(prefix + "r" + row.line() + "_" + table.column(title));
          int i = table.column(title) - 1;
          if (value != null && i >= 0) {
            while (cells.size() <= i) {
              cells.add("");
            }
            cells.set(i, SpreadsheetNormalizer.cell(value.strip())); // 2 100,50 → 2100.50, 01/04/2026 → 2026-04-01
          }
        }
      }
      out.append(RuleCsv.line(cells, ',')).append('\n');
      if (row.line() == lastParamLine) {
        for (int n = 0; n < 5; n++) {
          Map<String, String> added = new LinkedHashMap<>();
          for (String title : newRow(table)) {
            String v = form.get(prefix + "n" + n + "_" + table.column(title));
            if (v != null && !v.isBlank()) {
              added.put(title, SpreadsheetNormalizer.cell(v.strip()));
            }
          }
          if (added.isEmpty()) {
            continue;
          }
          List<String> cellsNew = new ArrayList<>();
          for (String title : table.titles()) {
            cellsNew.add(added.getOrDefault(title, switch (title) {
              case ParameterTables.ACTIVE -> "oui";
              case ParameterTables.PRIORITY -> "1000";
              case ParameterTables.REGIME -> "*";
              default -> "";
            }));
          }
          out.append(RuleCsv.line(cellsNew, ',')).append('\n');
        }
      }
    }
    return out.toString();
  }

  // ---- scenarios: the table, and a row to add ---------------------------------------------------

  @GetMapping("/scenarios/{procedure}")
  @PreAuthorize(READERS)
  String scenarios(@PathVariable String procedure, Model model) {
    String path = "scenarios/" + procedure + ".csv";
    String text = workbench.activeFiles().get(path);
    if (text == null) {
      throw new NotFoundException("no scenarios " + path);
    }
    List<RuleCsv.Row> rows = RuleCsv.parse(text, ';').stream().filter(r -> !r.comment() && !r.blank()).toList();
    model.addAttribute("procedure", procedure);
    model.addAttribute("path", path);
    model.addAttribute("header", rows.isEmpty() ? List.of() : rows.get(0).cells());
    model.addAttribute("rows", rows.size() < 2 ? List.of() : rows.subList(1, rows.size()));
    model.addAttribute("show", new Shower());
    return "rules/scenarios";
  }

  @PostMapping("/scenarios/{procedure}")
  @PreAuthorize(JURISTS)
  String addScenario(@PathVariable String procedure, @RequestParam Map<String, String> form, Principal principal,
      RedirectAttributes flash) {
    String path = "scenarios/" + procedure + ".csv";
    String text = workbench.activeFile(path);
    List<RuleCsv.Row> rows = RuleCsv.parse(text, ';').stream().filter(r -> !r.comment() && !r.blank()).toList();
    List<String> header = rows.get(0).cells();
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      cells.add(form.getOrDefault("c" + i, "").strip());
    }
    if (cells.stream().allMatch(String::isEmpty)) {
      flash.addFlashAttribute("flashError", "Le scénario est vide.");
      return "redirect:/rules/scenarios/" + procedure;
    }
    String added = (text.endsWith("\n") ? text : text + "\n") + RuleCsv.line(cells, ';') + "\n";
    return propose(principal, List.of(new RulesWorkbench.Upload(path, added.getBytes(StandardCharsets.UTF_8))),
        form.get("note"), "/rules/scenarios/" + procedure, flash);
  }

  // ---- upload, proposals, decisions --------------------------------------------------------------

  @PostMapping("/upload")
  @PreAuthorize(JURISTS)
  String upload(@RequestParam("path") String path, @RequestParam("file") MultipartFile file,
      @RequestParam(value = "note", required = false) String note, Principal principal, RedirectAttributes flash)
      throws java.io.IOException {
    if (file.isEmpty()) {
      flash.addFlashAttribute("flashError", "Choisissez un fichier.");
      return "redirect:/rules";
    }
    return propose(principal, List.of(new RulesWorkbench.Upload(path, file.getBytes())), note, "/rules", flash);
  }

  private String propose(Principal principal, List<RulesWorkbench.Upload> uploads, String note, String back,
      RedirectAttributes flash) {
    try {
      var p = workbench.propose(principal.getName(), uploads, null, note);
      flash.addFlashAttribute(p.valid() ? "flashSuccess" : "flashError", p.valid()
          ? "Proposition " + p.id() + " enregistrée : elle attend l'approbation d'un autre juriste."
          : "Proposition " + p.id() + " enregistrée, mais elle n'est pas valide : voyez les erreurs ci-dessous.");
      return "redirect:/rules/proposals/" + p.id();
    } catch (BusinessRuleException | InvalidInputException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
      return "redirect:" + back;
    }
  }

  @GetMapping("/proposals/{id}")
  @PreAuthorize(READERS)
  String proposal(@PathVariable long id, Model model) {
    var p = workbench.proposal(id);
    model.addAttribute("p", p);
    Map<String, String> after = workbench.proposalFiles(id);
    Map<String, String> before;
    try {
      before = p.baseVersion() == null ? Map.of() : workbench.files(p.baseVersion());
    } catch (RuntimeException e) {
      before = Map.of();
    }
    model.addAttribute("diff", RulesWorkbench.diff(before, after));
    model.addAttribute("thresholds", changedThresholds(p.changedFiles(), before, after));
    model.addAttribute("show", new Shower());
    return "rules/proposal";
  }

  /** The derived thresholds on the days a proposal changes one, for each procedure whose tables it changes. */
  private List<ThresholdPreview.Line> changedThresholds(List<String> changedFiles, Map<String, String> before,
      Map<String, String> after) {
    List<ThresholdPreview.Line> lines = new ArrayList<>();
    for (String procedure : RuleSetCompiler.PROCEDURES) {
      if (changedFiles == null || changedFiles.stream().noneMatch(f -> f.startsWith(procedure + "/")
          && ParameterTables.isParameterTable(f))) {
        continue;
      }
      var rowsBefore = ThresholdPreview.rows(before, procedure);
      var rowsAfter = ThresholdPreview.rows(after, procedure);
      var all = ThresholdPreview.lines(rowsBefore, rowsAfter, ThresholdPreview.days(rowsBefore, rowsAfter, today()));
      var days = all.stream().filter(ThresholdPreview.Line::changed).map(ThresholdPreview.Line::day)
          .collect(java.util.stream.Collectors.toSet());
      all.stream().filter(l -> days.contains(l.day())).forEach(lines::add);
    }
    return lines;
  }

  @PostMapping("/proposals/{id}/approve")
  @PreAuthorize(JURISTS)
  String approve(@PathVariable long id, @RequestParam(value = "activateOn", required = false) String activateOn,
      Principal principal, RedirectAttributes flash) {
    try {
      LocalDate day = parseDate(activateOn);
      var p = workbench.approve(id, principal.getName(), day);
      flash.addFlashAttribute("flashSuccess", "SCHEDULED".equals(p.status())
          ? "Approuvée : la version " + p.version() + " sera active le " + p.activateOn().format(DMY)
              + " à 00:00 (heure de Bruxelles), sur tous les serveurs."
          : "Approuvée : la version " + p.version() + " est active.");
    } catch (RulesWorkbench.FourEyesException | BusinessRuleException | InvalidInputException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
    } catch (org.springframework.dao.OptimisticLockingFailureException e) {
      flash.addFlashAttribute("flashError", "Cette proposition a déjà été traitée.");
    }
    return "redirect:/rules/proposals/" + id;
  }

  @PostMapping("/proposals/{id}/reject")
  @PreAuthorize(JURISTS)
  String reject(@PathVariable long id, @RequestParam(value = "reason", required = false) String reason,
      Principal principal, RedirectAttributes flash) {
    try {
      workbench.reject(id, principal.getName(), reason);
      flash.addFlashAttribute("flashSuccess", "Proposition " + id + " refusée.");
    } catch (InvalidInputException e) {
      flash.addFlashAttribute("flashError", "Indiquez la raison du refus.");
    } catch (org.springframework.dao.OptimisticLockingFailureException e) {
      flash.addFlashAttribute("flashError", "Cette proposition a déjà été traitée.");
    }
    return "redirect:/rules/proposals/" + id;
  }

  @PostMapping("/versions/reactivate")
  @PreAuthorize(JURISTS)
  String reactivate(@RequestParam String version, Principal principal, RedirectAttributes flash) {
    try {
      var p = workbench.reactivate(principal.getName(), version);
      flash.addFlashAttribute("flashSuccess", "Retour à la version " + version + " proposé : un autre juriste doit "
          + "l'approuver.");
      return "redirect:/rules/proposals/" + p.id();
    } catch (BusinessRuleException e) {
      flash.addFlashAttribute("flashError", e.getMessage());
      return "redirect:/rules";
    }
  }

  @GetMapping("/diff")
  @PreAuthorize(READERS)
  String diff(@RequestParam String a, @RequestParam String b, Model model) {
    model.addAttribute("d", workbench.diff(a, b));
    model.addAttribute("show", new Shower());
    return "rules/diff";
  }

  // ---- downloads --------------------------------------------------------------------------------

  @GetMapping("/files/{*path}")
  @PreAuthorize(READERS)
  ResponseEntity<byte[]> file(@PathVariable String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.equals("regles.zip")) {
      return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("regles.zip").build()
              .toString())
          .body(workbench.zip(workbench.activeFiles()));
    }
    String text = workbench.activeFile(p);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.endsWith(".csv") ? "text/csv;charset=UTF-8"
            : "text/plain;charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(p.substring(p.lastIndexOf('/') + 1), StandardCharsets.UTF_8).build().toString())
        .body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** jj/mm/aaaa (or ISO) → a date; empty → null (at once). */
  static LocalDate parseDate(String input) {
    if (input == null || input.isBlank()) {
      return null;
    }
    String s = input.strip();
    try {
      if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(s);
      }
      Matcher m = DATE_INPUT.matcher(s);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
      }
    } catch (DateTimeException e) {
      // below
    }
    throw new InvalidInputException("activateOn", "« " + s + " » n'est pas une date (jj/mm/aaaa)");
  }
}
