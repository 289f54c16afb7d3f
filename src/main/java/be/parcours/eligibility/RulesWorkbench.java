package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import be.parcours.eligibility.RuleSetCompiler.RuleError;
import be.parcours.eligibility.RulesVersionStore.ProposalRow;
import be.parcours.shared.BusinessRuleException;
import be.parcours.shared.InvalidInputException;
import be.parcours.shared.NotFoundException;
import be.parcours.shared.TimeConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The legal staff's workbench: proposals of new rule sets (files, a zip, the rules folder, or a
 * roll back), checked when proposed (tables, compilation, every scenario, impact on the open
 * dossiers), approved by another jurist at once or for a date (00:00 Brussels), or rejected; the
 * versions, their files and their differences. Every node follows the database: {@link #sync()}
 * runs every few seconds, activates what is due and compiles what the database says is active or
 * scheduled; a node that cannot compile a version keeps serving the last good one and reports it.
 */
@Service
public class RulesWorkbench {

  private static final Logger log = LoggerFactory.getLogger(RulesWorkbench.class);

  /** A file sent by a jurist: its path in the set and its bytes (CSV, XLSX, DRL). */
  public record Upload(String path, byte[] content) {}

  /** An open dossier whose outcome the proposal would change, with the page to open it. */
  public record ImpactEntry(long dossierId, String reference, String procedure, LocalDate referenceDate,
      String currentOutcome, String candidateOutcome, String link, String error) {}

  /** What the checks of a proposal found (stored with it). */
  record Report(List<RuleError> errors, List<Scenarios.Failure> failedScenarios, List<ImpactEntry> impact,
      List<String> changedFiles, int scenariosPassed, int examined) {}

  /** A proposal as the API and the page show it. */
  public record ProposalView(long id, String kind, String author, Instant createdAt, String status, boolean valid,
      List<RuleError> errors, List<Scenarios.Failure> failedScenarios, List<ImpactEntry> impact,
      List<String> changedFiles, int scenariosPassed, int examined, String baseVersion, String note,
      String version, LocalDate activateOn, Instant effectiveAt, String decidedBy, Instant decidedAt,
      String reason) {}

  /** A line added or removed between two versions; cells for a table. */
  public record RowChange(String change, int lineBefore, int lineAfter, String text, List<String> cells) {}

  /** What changed in one file: ADDED, REMOVED or CHANGED, with its rows. */
  public record FileDiff(String path, String change, List<String> titles, List<RowChange> rows) {}

  public record Diff(String from, String to, List<FileDiff> files) {}

  /** A legal value of a parameter table, with the row it is on. */
  public record ParameterView(String procedure, String code, String regime, String value, LocalDate validFrom,
      LocalDate validUntil, String legalBasis, String source, boolean toConfirm, String file, int line,
      String rule) {}

  /** A node of the cluster: the version it serves, and the one it could not compile (an incident). */
  public record NodeView(String nodeId, String servingVersion, Instant seenAt, boolean incident,
      String failedVersion, String error, Instant errorAt) {}

  private final EligibilityService eligibility;
  private final RulesVersionStore store;
  private final TransactionTemplate transaction;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final String nodeId;
  private final Map<String, CompiledRuleSet> compiled = new ConcurrentHashMap<>();
  private final Map<String, String> failed = new ConcurrentHashMap<>();
  private final RulesIncidents incidents;
  private volatile String clocksVersion;
  /** The open dossiers, judged again when this node activates a version (the dossier module). */
  private volatile OpenVerdicts openVerdicts = OpenVerdicts.NONE;

  RulesWorkbench(EligibilityService eligibility, RulesVersionStore store, TransactionTemplate transaction,
      ObjectMapper mapper, Clock clock, String nodeId) {
    this(eligibility, store, transaction, mapper, clock, nodeId, RulesIncidents.NONE);
  }

  @org.springframework.beans.factory.annotation.Autowired
  RulesWorkbench(EligibilityService eligibility, RulesVersionStore store, TransactionTemplate transaction,
      ObjectMapper mapper, Clock clock, @Value("${parcours.rules.node-id:}") String nodeId, RulesIncidents incidents) {
    this.incidents = incidents;
    this.eligibility = eligibility;
    this.store = store;
    this.transaction = transaction;
    this.mapper = mapper;
    this.clock = clock;
    this.nodeId = nodeId == null || nodeId.isBlank() ? defaultNodeId() : nodeId;
  }

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setOpenVerdicts(OpenVerdicts openVerdicts) {
    this.openVerdicts = openVerdicts;
  }

  private static String defaultNodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "node";
    }
    return host + "-" + Long.toHexString(ProcessHandle.current().pid()) + "-"
        + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
  }

  public String nodeId() {
    return nodeId;
  }

  // ---- reading ----------------------------------------------------------------------------------

  /** The version in force now on this node (a scheduled one from its instant). */
  public String activeVersion() {
    return eligibility.activeVersion();
  }

  /** The files of a version (path → canonical text). */
  Map<String, String> files(String version) {
    var row = store.version(resolve(version));
    if (row.contentHash() == null) {
      throw new BusinessRuleException("Les fichiers de la version " + version
          + " n'ont pas été conservés (version antérieure au plan de travail)");
    }
    return store.contentFiles(row.contentHash());
  }

  Map<String, String> activeFiles() {
    return files(activeVersion());
  }

  String activeFile(String path) {
    String text = activeFiles().get(path);
    if (text == null) {
      throw new NotFoundException("no file " + path + " in the active rules");
    }
    return text;
  }

  byte[] zip(Map<String, String> files) {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      for (var e : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A version by its full name or the 7 characters of its content ("3f2a9c1"). */
  String resolve(String version) {
    if (version == null || version.isBlank()) {
      throw new NotFoundException("no rules version ''");
    }
    if (store.version(version) != null) {
      return version;
    }
    return store.newestFirst().stream().map(RulesVersionStore.VersionView::version)
        .filter(v -> v.endsWith("#" + version)).findFirst()
        .orElseThrow(() -> new NotFoundException("no rules version " + version));
  }

  /** A version with who approved it and when it last became active. */
  RulesVersionStore.VersionRow versionRow(String version) {
    return store.version(version);
  }

  List<RulesVersionStore.VersionView> versions() {
    return store.newestFirst();
  }

  List<ProposalView> proposals() {
    return store.proposals(50).stream().map(this::view).toList();
  }

  ProposalView proposal(long id) {
    ProposalRow row = store.proposal(id);
    if (row == null) {
      throw new NotFoundException("no rules proposal " + id);
    }
    return view(row);
  }

  List<RulesVersionStore.AuditRow> audit() {
    return store.audit(100);
  }

  List<NodeView> nodes() {
    List<NodeView> out = new ArrayList<>();
    for (var n : store.nodes()) {
      out.add(new NodeView(n.nodeId(), n.servingVersion(), n.seenAt(), n.failedVersion() != null, n.failedVersion(),
          n.error(), n.errorAt()));
    }
    return out;
  }

  /** The legal values of the active set valid on a day (every parameter table). */
  List<ParameterView> parameters(LocalDate day) {
    List<ParameterView> out = new ArrayList<>();
    for (ParameterView p : allParameters(activeFiles())) {
      if (!p.validFrom().isAfter(day) && (p.validUntil() == null || !p.validUntil().isBefore(day))) {
        out.add(p);
      }
    }
    return out;
  }

  static List<ParameterView> allParameters(Map<String, String> files) {
    List<ParameterView> out = new ArrayList<>();
    files.forEach((path, text) -> {
      if (!ParameterTables.isParameterTable(path)) {
        return;
      }
      var table = ParameterTables.read(path, text);
      if (table == null) {
        return;
      }
      String procedure = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
      for (var r : table.rows()) {
        try {
          out.add(new ParameterView(procedure, r.get(ParameterTables.CODE), r.get(ParameterTables.REGIME),
              r.get(ParameterTables.VALUE), LocalDate.parse(r.get(ParameterTables.FROM)),
              r.get(ParameterTables.UNTIL).isEmpty() ? null : LocalDate.parse(r.get(ParameterTables.UNTIL)),
              r.get(ParameterTables.BASIS), r.get(ParameterTables.SOURCE),
              "oui".equalsIgnoreCase(r.get(ParameterTables.TO_CONFIRM)), path, r.line(), r.get(ParameterTables.NAME)));
        } catch (RuntimeException e) {
          // a row the table check refuses is not a value in force
        }
      }
    });
    return out;
  }

  // ---- proposing --------------------------------------------------------------------------------

  /** Files changed or added (path + content pairs) on top of the active set, or a whole set as a zip. */
  public ProposalView propose(String author, List<Upload> uploads, byte[] zip, String note) {
    Map<String, String> base = activeFiles();
    Map<String, String> candidate;
    if (zip != null) {
      candidate = new TreeMap<>();
      for (Upload u : unzip(zip)) {
        var n = normalize(u);
        candidate.put(n.path(), n.content());
      }
      if (candidate.keySet().stream().noneMatch(RuleFiles::relevant)) {
        throw new InvalidInputException("zip", "le zip ne contient aucun fichier de règles");
      }
    } else {
      if (uploads == null || uploads.isEmpty()) {
        throw new InvalidInputException("file", "envoyez au moins un fichier (une partie path puis une partie file)");
      }
      candidate = new TreeMap<>(base);
      for (Upload u : uploads) {
        var n = normalize(u);
        candidate.put(n.path(), n.content());
      }
    }
    return propose("PROPOSAL", author, base, candidate, note);
  }

  /** The rules folder (PARCOURS_RULES_DIR, ./rules or the packaged rules) proposed as the next version. */
  public ProposalView importSeed(String author) {
    RuleFiles seed = eligibility.seedFiles().canonical();
    return propose("IMPORT", author, activeFiles(), seed.texts(), "import de " + seed.origin());
  }

  /** Roll back: an earlier version proposed again (approved like any proposal, by another jurist). */
  public ProposalView reactivate(String author, String version) {
    String v = resolve(version);
    if (v.equals(activeVersion())) {
      throw new BusinessRuleException("version", "La version " + v + " est déjà la version active");
    }
    return propose("ROLLBACK", author, activeFiles(), files(v), "retour à la version " + v);
  }

  private SpreadsheetNormalizer.Normalized normalize(Upload u) {
    String path = u.path() == null ? "" : SpreadsheetNormalizer.canonicalPath(u.path());
    if (path.isEmpty() || path.contains("..") || path.startsWith("/") || !RuleFiles.relevant(path)) {
      throw new InvalidInputException("path", "« " + u.path() + " » n'est pas un fichier de l'ensemble des règles "
          + "(par ex. family-reunification/legal-parameters.drl.csv, scenarios/visa.csv, clocks/legal-deadlines.csv)");
    }
    try {
      return SpreadsheetNormalizer.normalize(path, u.content());
    } catch (SpreadsheetNormalizer.UnreadableFile e) {
      throw new BusinessRuleException("file", "Fichier " + path + " : " + e.getMessage());
    }
  }

  private static List<Upload> unzip(byte[] zip) {
    List<Upload> out = new ArrayList<>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      long total = 0;
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        byte[] bytes = in.readNBytes(5_000_000);
        total += bytes.length;
        if (total > 20_000_000) {
          throw new InvalidInputException("zip", "le zip est trop grand");
        }
        String name = SpreadsheetNormalizer.canonicalPath(e.getName());
        if (RuleFiles.relevant(name) || name.endsWith(".csv")) {
          out.add(new Upload(name, bytes));
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException("zip", "le zip ne peut pas être lu");
    }
    return out;
  }

  private ProposalView propose(String kind, String author, Map<String, String> base, Map<String, String> candidate,
      String note) {
    List<String> changed = changedFiles(base, candidate);
    if (changed.isEmpty()) {
      throw new BusinessRuleException("Aucun changement : le contenu proposé est identique à la version active "
          + activeVersion());
    }
    RuleFiles files = RuleFiles.fromTexts("proposal", candidate);
    var check = eligibility.check(files, author);
    var impact = eligibility.impact(check);
    List<ImpactEntry> entries = impact.affected().stream().map(c -> new ImpactEntry(c.dossierId(), c.reference(),
        c.procedure(), c.referenceDate(), c.currentOutcome(), c.candidateOutcome(), "/dossiers/" + c.dossierId(),
        c.error())).toList();
    Report report = new Report(check.errors(), check.failedScenarios(), entries, changed,
        check.scenarios() == null ? 0 : check.scenarios().passed(), impact.examined());
    String baseVersion = activeVersion();
    Instant now = clock.instant();
    long id = transaction.execute(tx -> {
      store.storeContent(files, now);
      long pid = store.insertProposal(kind, author, now, files.fullHash(), baseVersion, note, check.valid(),
          json(report));
      store.audit(now, author, "PROPOSE", pid, null, kind + " : " + String.join(", ", changed)
          + (check.valid() ? "" : " (non valide : " + check.errors().size() + " erreur(s), "
              + check.failedScenarios().size() + " scénario(s) en échec)"));
      return pid;
    });
    log.info("Rules proposal {} by {} ({}): valid {}, changed {}", id, author, kind, check.valid(), changed);
    return proposal(id);
  }

  static List<String> changedFiles(Map<String, String> base, Map<String, String> candidate) {
    Set<String> paths = new LinkedHashSet<>();
    paths.addAll(new TreeMap<>(base).keySet());
    paths.addAll(new TreeMap<>(candidate).keySet());
    return paths.stream().filter(p -> !java.util.Objects.equals(base.get(p), candidate.get(p))).sorted().toList();
  }

  // ---- deciding ---------------------------------------------------------------------------------

  /** The author of a proposal tried to approve it: four eyes (403). */
  public static final class FourEyesException extends RuntimeException {
    FourEyesException(String message) {
      super(message);
    }
  }

  /**
   * Approves a proposal (another jurist than its author): active at once without a date or with
   * today's, scheduled for 00:00 Brussels on a later date.
   */
  public ProposalView approve(long id, String user, LocalDate activateOn) {
    ProposalRow p = store.proposal(id);
    if (p == null) {
      throw new NotFoundException("no rules proposal " + id);
    }
    if (p.author().equals(user)) {
      throw new FourEyesException("Quatre yeux : " + user + " est l'auteur de la proposition " + id
          + " ; un autre juriste doit l'approuver");
    }
    if (!p.valid()) {
      throw new BusinessRuleException("La proposition " + id + " n'est pas valide (erreurs ou scénarios en échec) : "
          + "elle ne peut pas être approuvée");
    }
    LocalDate today = LocalDate.now(clock.withZone(TimeConfig.BRUSSELS));
    if (activateOn != null && activateOn.isBefore(today)) {
      throw new BusinessRuleException("activateOn", "La date d'activation " + activateOn + " est passée");
    }
    boolean atOnce = activateOn == null || !activateOn.isAfter(today);
    Instant now = clock.instant();
    Instant effective = atOnce ? now : activateOn.atStartOfDay(TimeConfig.BRUSSELS).toInstant();
    transaction.executeWithoutResult(tx -> {
      ProposalRow locked = store.lockProposal(id);
      String active = store.lockActiveVersion();
      if (!"PENDING".equals(locked.status())) {
        throw new OptimisticLockingFailureException("proposal " + id + " is " + locked.status());
      }
      if (!"ROLLBACK".equals(locked.kind()) && locked.baseVersion() != null && !locked.baseVersion().equals(active)) {
        throw new BusinessRuleException("La version active a changé depuis cette proposition (" + locked.baseVersion()
            + " → " + active + ") : proposez à nouveau à partir de la version active");
      }
      RuleFiles files = RuleFiles.fromTexts("proposal", store.contentFiles(locked.contentHash()));
      String version = store.ensureVersion(files, locked.author(), now);
      store.approvedBy(version, user);
      if (atOnce) {
        store.decide(id, "PENDING", "APPROVED", user, now, null, today, effective, version);
        store.setActive(version, user, now);
        store.audit(now, user, "APPROVE", id, version, "approuvée, active immédiatement");
      } else {
        store.decide(id, "PENDING", "SCHEDULED", user, now, null, activateOn, effective, version);
        store.audit(now, user, "SCHEDULE", id, version, "approuvée, active le " + activateOn + " à 00:00 (Bruxelles)");
      }
    });
    sync();
    if (atOnce) {
      judgeOpenDossiersAgain("approbation de la proposition " + id + " par " + user);
    }
    return proposal(id);
  }

  /** The open dossiers judged by the rules now serving (a version activated by this node). */
  private void judgeOpenDossiersAgain(String reason) {
    try {
      openVerdicts.judgeAgain(eligibility.engine().active().version(), reason);
    } catch (RuntimeException e) {
      log.error("Open dossiers not judged again after {}: {}", reason, e.toString());
    }
  }

  /** Rejects a proposal, or cancels a scheduled one, with a reason. */
  public ProposalView reject(long id, String user, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "reason: la raison du refus est obligatoire");
    }
    ProposalRow p = store.proposal(id);
    if (p == null) {
      throw new NotFoundException("no rules proposal " + id);
    }
    Instant now = clock.instant();
    transaction.executeWithoutResult(tx -> {
      ProposalRow locked = store.lockProposal(id);
      if (!Set.of("PENDING", "INVALID", "SCHEDULED").contains(locked.status())) {
        throw new OptimisticLockingFailureException("proposal " + id + " is " + locked.status());
      }
      store.decide(id, locked.status(), "REJECTED", user, now, reason.strip(), null, null, null);
      store.audit(now, user, "SCHEDULED".equals(locked.status()) ? "CANCEL" : "REJECT", id, locked.version(),
          reason.strip());
    });
    sync();
    return proposal(id);
  }

  // ---- every node follows the database -------------------------------------------------------------

  @Scheduled(initialDelayString = "${parcours.rules.poll-delay:PT3S}", fixedDelayString = "${parcours.rules.poll:PT2S}")
  void poll() {
    try {
      sync();
    } catch (RuntimeException e) {
      log.warn("Rules sync failed on {}: {}", nodeId, e.toString());
    }
  }

  /**
   * Activates in the database the scheduled versions whose instant has come (whichever node is
   * first; the others see it done), then compiles what is active and scheduled and swaps it in
   * atomically. A version that does not compile here is not served: the last good one keeps
   * serving and the node reports the incident (workbench, GET /api/rules/nodes).
   */
  public synchronized void sync() {
    Instant now = clock.instant();
    List<String> activatedHere = new ArrayList<>();
    for (ProposalRow p : store.proposalsWithStatus("SCHEDULED")) {
      if (p.effectiveAt() != null && !now.isBefore(p.effectiveAt())) {
        transaction.executeWithoutResult(tx -> {
          store.lockActiveVersion();
          if (store.decide(p.id(), "SCHEDULED", "APPROVED", null, null, null, null, null, null)) {
            activatedHere.add("activation programmée du " + p.activateOn() + " (proposition " + p.id() + ")");
            store.setActive(p.version(), p.decidedBy(), p.effectiveAt());
            store.audit(now, "system", "ACTIVATE", p.id(), p.version(),
                "activation programmée du " + p.activateOn() + " à 00:00 (Bruxelles), approuvée par " + p.decidedBy());
          }
        });
      }
    }
    RuleEngine engine = eligibility.engine();
    if (clocksVersion == null) {
      clocksVersion = engine.active().version(); // activated at start-up (EligibilityService.onReady)
    }
    String error = null;
    String failedVersion = null;
    String active = store.activeVersion();
    CompiledRuleSet current = engine.timeline().current();
    compiled.putIfAbsent(current.version(), current);
    if (active != null && !active.equals(current.version())) {
      CompiledRuleSet next = compiledFor(active);
      if (next != null) {
        current = next;
      } else {
        failedVersion = active;
        error = failed.get(active);
      }
    }
    List<RuleEngine.Scheduled> upcoming = new ArrayList<>();
    for (ProposalRow p : store.proposalsWithStatus("SCHEDULED")) {
      CompiledRuleSet set = compiledFor(p.version());
      if (set != null) {
        upcoming.add(new RuleEngine.Scheduled(p.effectiveAt(), set));
      } else {
        failedVersion = p.version();
        error = failed.get(p.version());
      }
    }
    engine.replace(new RuleEngine.Timeline(current, upcoming));
    Set<String> keep = new java.util.HashSet<>();
    keep.add(current.version());
    upcoming.forEach(s -> keep.add(s.ruleSet().version()));
    compiled.keySet().retainAll(keep);
    String serving = engine.active().version();
    if (!serving.equals(clocksVersion)) {
      try {
        eligibility.activateClockTables(RuleFiles.fromTexts("db", files(serving)));
        clocksVersion = serving;
      } catch (RuntimeException e) {
        failedVersion = serving;
        error = "tables des délais refusées : " + e.getMessage();
      }
    }
    if (error == null && eligibility.startupProblem() != null && serving.equals(current.version())
        && store.version(serving) == null) {
      error = eligibility.startupProblem();
    }
    store.heartbeat(nodeId, serving, now, failedVersion,
        error == null ? null : error.substring(0, Math.min(error.length(), 3900)));
    String troubled = failedVersion != null ? failedVersion : error != null ? "dossier des règles (démarrage)" : null;
    incidents.report(nodeId, troubled, troubled == null ? null : error == null ? "erreur inconnue" : error, serving);
    if (!activatedHere.isEmpty()) {
      // this node flipped the database: it judges the open dossiers again, once for the cluster
      judgeOpenDossiersAgain(String.join(", ", activatedHere));
    }
  }

  private CompiledRuleSet compiledFor(String version) {
    CompiledRuleSet set = compiled.get(version);
    if (set != null) {
      return set;
    }
    if (failed.containsKey(version)) {
      return null;
    }
    var row = store.version(version);
    if (row == null || row.contentHash() == null) {
      failed.put(version, "version inconnue ou sans fichiers");
      return null;
    }
    RuleFiles files = RuleFiles.fromTexts("database:" + version, store.contentFiles(row.contentHash()));
    var result = RuleSetCompiler.compile(files, version, row.loadedBy(), row.loadedAt());
    if (!result.ok()) {
      String message = RuleErrors.french(result.errors()).stream().map(RuleError::message).toList().toString();
      failed.put(version, message);
      log.error("Rules {} cannot be compiled on node {}: {} — the last good version keeps serving", version, nodeId,
          message);
      return null;
    }
    compiled.put(version, result.ruleSet());
    return result.ruleSet();
  }

  // ---- differences ------------------------------------------------------------------------------

  Diff diff(String a, String b) {
    String from = resolve(a);
    String to = resolve(b);
    return new Diff(from, to, diff(files(from), files(to)));
  }

  static List<FileDiff> diff(Map<String, String> before, Map<String, String> after) {
    List<FileDiff> out = new ArrayList<>();
    for (String path : changedFiles(before, after)) {
      String x = before.get(path);
      String y = after.get(path);
      String change = x == null ? "ADDED" : y == null ? "REMOVED" : "CHANGED";
      char sep = path.startsWith("scenarios/") ? ';' : ',';
      List<String> titles = List.of();
      String header = y != null ? y : x;
      if (ParameterTables.isParameterTable(path)) {
        var t = ParameterTables.read(path, header);
        if (t != null) {
          titles = t.titles();
        }
      } else if (path.endsWith(".csv")) {
        titles = RuleCsv.parse(header, sep).stream().filter(r -> !r.comment() && !r.blank()).findFirst()
            .map(RuleCsv.Row::cells).orElse(List.of());
      }
      out.add(new FileDiff(path, change, titles, rows(x == null ? "" : x, y == null ? "" : y, path, sep)));
    }
    return out;
  }

  /** The lines removed and added between two texts (longest common subsequence of lines). */
  private static List<RowChange> rows(String x, String y, String path, char sep) {
    String[] a = x.isEmpty() ? new String[0] : x.split("\n", -1);
    String[] b = y.isEmpty() ? new String[0] : y.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<RowChange> out = new ArrayList<>();
    boolean csv = path.endsWith(".csv");
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        i++;
        j++;
      } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // the old row first, then the new one
        if (!a[i].isEmpty()) {
          out.add(new RowChange("REMOVED", i + 1, 0, a[i], csv ? cells(a[i], sep) : List.of()));
        }
        i++;
      } else {
        if (!b[j].isEmpty()) {
          out.add(new RowChange("ADDED", 0, j + 1, b[j], csv ? cells(b[j], sep) : List.of()));
        }
        j++;
      }
    }
    return out;
  }

  private static List<String> cells(String line, char sep) {
    var rows = RuleCsv.parse(line, sep);
    return rows.isEmpty() ? List.of() : rows.get(0).cells();
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private ProposalView view(ProposalRow p) {
    Report r = report(p.report());
    return new ProposalView(p.id(), p.kind(), p.author(), p.createdAt(), p.status(), p.valid(), r.errors(),
        r.failedScenarios(), r.impact(), r.changedFiles(), r.scenariosPassed(), r.examined(), p.baseVersion(),
        p.note(), p.version(), p.activateOn(), p.effectiveAt(), p.decidedBy(), p.decidedAt(), p.reason());
  }

  /** The files of a proposal (for the page's diff against its base). */
  Map<String, String> proposalFiles(long id) {
    ProposalRow p = store.proposal(id);
    if (p == null) {
      throw new NotFoundException("no rules proposal " + id);
    }
    return store.contentFiles(p.contentHash());
  }

  private String json(Report report) {
    try {
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Report report(String json) {
    try {
      return mapper.readValue(json, Report.class);
    } catch (JsonProcessingException e) {
      return new Report(List.of(), List.of(), List.of(), List.of(), 0, 0);
    }
  }

  /** What {@code POST /api/rules/reload} did: active (nothing to do, or approved now) or proposed. */
  public record ReloadOutcome(String version, Long proposalId, String status, String message) {}

  /**
   * The scripts' reload, with four eyes: the rules folder is proposed by a first jurist (PENDING,
   * nothing activated); the same content reloaded by another jurist approves that proposal and
   * activates it at once. Content identical to the active version: nothing to do.
   */
  public ReloadOutcome reload(String user, EligibilityService.Check check) {
    RuleFiles seed = check.files();
    String active = activeVersion();
    var activeRow = store.version(active);
    if (activeRow != null && seed.fullHash().equals(activeRow.contentHash())) {
      return new ReloadOutcome(active, null, "ACTIVE", "le dossier des règles est identique à la version active");
    }
    for (ProposalRow p : store.proposalsWithStatus("PENDING")) {
      if (p.contentHash().equals(seed.fullHash()) && !p.author().equals(user)) {
        ProposalView approved = approve(p.id(), user, null);
        return new ReloadOutcome(approved.version(), p.id(), approved.status(),
            "proposition " + p.id() + " de " + p.author() + " approuvée par " + user + " : active");
      }
    }
    for (ProposalRow p : store.proposalsWithStatus("PENDING")) {
      if (p.contentHash().equals(seed.fullHash())) {
        return new ReloadOutcome(null, p.id(), "PENDING", "déjà proposée par " + user
            + " : un autre juriste doit la recharger ou l'approuver");
      }
    }
    ProposalView proposed = propose("IMPORT", user, activeFiles(), seed.texts(), "rechargement de " + seed.origin());
    return new ReloadOutcome(null, proposed.id(), proposed.status(),
        "proposée : un autre juriste doit la recharger ou l'approuver (POST /api/rules/proposals/" + proposed.id()
            + "/approve)");
  }
}
