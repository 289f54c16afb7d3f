package be.parcours.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The income thresholds a set of parameter tables gives, as the workbench shows them before and
 * after a change: each percentage row (INCOME_THRESHOLD_PERCENT, INCOME_PER_EXTRA_PERSON_PERCENT,
 * EU_RESOURCES_PERCENT…) applied to its base amount in force on a day with
 * {@link LegalParameter#percentOf} — the very method the rules call — and the FR-2025 example
 * household (spouse and two children: threshold + 2 × the amount per extra person, as the rule
 * « Under FR-2025 the threshold is 110 % of the RMMMG… » adds it). Plain Java on the tables' texts.
 */
final class ThresholdPreview {

  /** One derived amount on a day, now and with the proposal (null when the tables give none). */
  record Line(LocalDate day, String code, String regime, String label, String percent, String baseCode,
      BigDecimal baseBefore, BigDecimal baseAfter, BigDecimal before, BigDecimal after, boolean toConfirm) {
    public boolean changed() {
      return !Objects.equals(before, after);
    }
  }

  static final String EXAMPLE_HOUSEHOLD = "FR2025_SPOUSE_TWO_CHILDREN";

  private ThresholdPreview() {}

  /** The rows of a procedure's parameter tables (every {@code <procedure>/*.drl.csv}) that are active and readable. */
  static List<LegalParameter> rows(Map<String, String> files, String procedure) {
    List<LegalParameter> rows = new ArrayList<>();
    files.forEach((path, text) -> {
      if (!path.startsWith(procedure + "/") || !ParameterTables.isParameterTable(path)) {
        return;
      }
      ParameterTables.Table table = ParameterTables.read(path, text);
      if (table == null) {
        return;
      }
      for (ParameterTables.ParamRow r : table.rows()) {
        String active = cell(r, ParameterTables.ACTIVE);
        if (table.column(ParameterTables.ACTIVE) > 0 && active.isEmpty()) {
          // Drools inserts a row only when its Active cell is filled
          continue;
        }
        try {
          LegalParameter p = new LegalParameter(cell(r, ParameterTables.CODE));
          p.setRegime(cell(r, ParameterTables.REGIME).isEmpty() ? "*" : cell(r, ParameterTables.REGIME));
          p.setValidFrom(cell(r, ParameterTables.FROM));
          if (!cell(r, ParameterTables.UNTIL).isEmpty()) {
            p.setValidUntil(cell(r, ParameterTables.UNTIL));
          }
          p.setValue(cell(r, ParameterTables.VALUE));
          p.setLegalBasis(cell(r, ParameterTables.BASIS));
          p.setSource(cell(r, ParameterTables.SOURCE));
          p.setToConfirm(cell(r, ParameterTables.TO_CONFIRM));
          p.setBase(cell(r, "Montant de base"));
          p.setRow(path, cell(r, ParameterTables.NAME));
          rows.add(p);
        } catch (RuntimeException e) {
          // an unreadable cell: the proposal's checks name it; the preview leaves the row out
        }
      }
    });
    return rows;
  }

  private static String cell(ParameterTables.ParamRow r, String title) {
    return SpreadsheetNormalizer.cell(r.get(title)).strip();
  }

  /** The days worth showing: today and every later day on which a base amount or a percentage starts, in either set. */
  static List<LocalDate> days(List<LegalParameter> before, List<LegalParameter> after, LocalDate today) {
    TreeSet<LocalDate> days = new TreeSet<>();
    days.add(today);
    for (List<LegalParameter> rows : List.of(before, after)) {
      for (LegalParameter p : rows) {
        if (isAmountOrPercentage(p, rows) && p.getValidFrom() != null && p.getValidFrom().isAfter(today)) {
          days.add(p.getValidFrom());
        }
        if (isAmountOrPercentage(p, rows) && p.getValidUntil() != null && !p.getValidUntil().isBefore(today)) {
          days.add(p.getValidUntil().plusDays(1));
        }
      }
    }
    return List.copyOf(days);
  }

  private static boolean isAmountOrPercentage(LegalParameter p, List<LegalParameter> rows) {
    return p.isDerived() || rows.stream().anyMatch(o -> p.getCode().equals(o.getBase()));
  }

  /** The derived amounts on each day, now and with the proposal. */
  static List<Line> lines(List<LegalParameter> before, List<LegalParameter> after, List<LocalDate> days) {
    List<Line> lines = new ArrayList<>();
    for (LocalDate day : days) {
      var b = LegalValues.derivedOn(before, day);
      var a = LegalValues.derivedOn(after, day);
      List<String> keys = new ArrayList<>();
      a.forEach(d -> keys.add(key(d)));
      b.forEach(d -> {
        if (!keys.contains(key(d))) {
          keys.add(key(d));
        }
      });
      for (String k : keys) {
        var db = b.stream().filter(d -> key(d).equals(k)).findFirst().orElse(null);
        var da = a.stream().filter(d -> key(d).equals(k)).findFirst().orElse(null);
        var any = da != null ? da : db;
        lines.add(new Line(day, any.percentage().getCode(), any.percentage().getRegime(), any.percentage().getLabel(),
            any.percentage().getValue(), any.base().getCode(), db == null ? null : db.base().getAmount(),
            da == null ? null : da.base().getAmount(), db == null ? null : db.amount(),
            da == null ? null : da.amount(), da != null ? da.toConfirm() : db.toConfirm()));
      }
      BigDecimal hb = household(b);
      BigDecimal ha = household(a);
      if (hb != null || ha != null) {
        lines.add(new Line(day, EXAMPLE_HOUSEHOLD, "FR-2025", null, null, "RMMMG", null, null, hb, ha,
            (ha != null ? a : b).stream().anyMatch(d -> d.toConfirm() && d.percentage().appliesTo("FR-2025")
                && !"*".equals(d.percentage().getRegime()))));
      }
    }
    return lines;
  }

  private static String key(LegalValues.Derived d) {
    return d.percentage().getCode() + "|" + d.percentage().getRegime();
  }

  /** FR-2025, spouse and two children (the minister's example): threshold + 2 × the amount per extra person. */
  private static BigDecimal household(List<LegalValues.Derived> derived) {
    BigDecimal threshold = null;
    BigDecimal extra = null;
    for (var d : derived) {
      if (d.percentage().appliesTo("FR-2025") && !"*".equals(d.percentage().getRegime())) {
        if ("INCOME_THRESHOLD_PERCENT".equals(d.percentage().getCode())) {
          threshold = d.amount();
        } else if ("INCOME_PER_EXTRA_PERSON_PERCENT".equals(d.percentage().getCode())) {
          extra = d.amount();
        }
      }
    }
    return threshold == null || extra == null ? null : threshold.add(extra.multiply(BigDecimal.valueOf(2)));
  }
}
