package be.parcours.dossier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds dossiers by the beneficiary's name or the reference, ignoring case, accents and word
 * order: every word of the query must appear in the name's search key (SearchText), or the whole
 * query in the reference. One LIKE per word on one column, served by a trigram index on PostgreSQL
 * (V66); the page and the count of a query in one statement (docs/benchmarks.md). Every dossier returned is a SEARCH line in the access log; a viewer without full access
 * gets a card.
 */
@Service
public class DossierSearch {

  private final EntityManager em;
  private final DossierAccess access;
  private final AccessLog accessLog;
  private final boolean postgres;

  DossierSearch(EntityManager em, DossierAccess access, AccessLog accessLog, DataSource dataSource) {
    this.em = em;
    this.access = access;
    this.accessLog = accessLog;
    this.postgres = isPostgres(dataSource);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return "PostgreSQL".equals(product);
    } catch (MetaDataAccessException e) {
      return false;
    }
  }

  @Transactional
  public PageView<DossierSummary> search(String q, Procedure procedure, DossierStatus status, int page, int size,
      Viewer viewer) {
    if ((long) page * size > 1_000_000L) {
      throw new be.parcours.shared.InvalidInputException("page", "page: page × size beyond what can be served "
          + "(at most 1,000,000 results deep); refine the search");
    }
    List<String> words = SearchText.words(q);
    String reference = q == null || q.isBlank() ? null : SearchText.contains(q.strip().toLowerCase(Locale.ROOT));
    if (reference != null) {
      return searchText(reference, words, procedure, status, page, size, viewer);
    }
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (procedure != null) {
      where.append(" and d.procedure = :procedure");
    }
    if (status != null) {
      where.append(" and d.status = :status");
    }
    TypedQuery<Dossier> query = em.createQuery("select d from Dossier d join fetch d.beneficiary" + where
        + " order by d.openedOn desc, d.id desc", Dossier.class);
    TypedQuery<Long> count = em.createQuery("select count(d) from Dossier d" + where, Long.class);
    for (TypedQuery<?> tq : List.of(query, count)) {
      if (procedure != null) {
        tq.setParameter("procedure", procedure);
      }
      if (status != null) {
        tq.setParameter("status", status);
      }
    }
    List<Dossier> found = query.setFirstResult(page * size).setMaxResults(size).getResultList();
    long total = found.size() < size && page == 0 ? found.size() : count.getSingleResult();
    Map<Long, AccessLevel> levels = access.levels(found, viewer);
    List<DossierSummary> content = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (Dossier d : found) {
      AccessLevel level = levels.get(d.getId());
      if (level == null) {
        continue;
      }
      ids.add(d.getId());
      content.add(summary(d, level));
    }
    accessLog.recordAll(ids, viewer.user(), AccessAction.SEARCH, null);
    return new PageView<>(content, page, size, total, (int) ((total + size - 1) / size));
  }

  /**
   * A search by name or reference: the page's list rows and the count in one statement, one
   * access decision for the page, one statement for its access-log lines.
   */
  private PageView<DossierSummary> searchText(String reference, List<String> words, Procedure procedure,
      DossierStatus status, int page, int size, Viewer viewer) {
    Matches matches = matches(reference, words, procedure, status, page, size);
    long total = matches.total() >= 0 ? matches.total() : countMatches(reference, words, procedure, status);
    Map<Long, AccessLevel> levels = access.levelsOf(matches.rows().stream().map(Row::subject).toList(), viewer);
    List<DossierSummary> content = new ArrayList<>(matches.rows().size());
    List<Long> ids = new ArrayList<>(matches.rows().size());
    for (Row row : matches.rows()) {
      AccessLevel level = levels.get(row.subject().id());
      if (level == null) {
        continue;
      }
      ids.add(row.subject().id());
      content.add(row.summary(level));
    }
    accessLog.recordAll(ids, viewer.user(), AccessAction.SEARCH, null);
    return new PageView<>(content, page, size, total, (int) ((total + size - 1) / size));
  }

  /** What a list row shows of a dossier (read in the search's statement, no entity loaded). */
  private record Row(DossierAccess.Subject subject, Procedure procedure, DossierStatus status, String beneficiary,
      LocalDate openedOn) {

    DossierSummary summary(AccessLevel level) {
      boolean card = level == AccessLevel.CARD;
      return new DossierSummary(subject.id(), subject.reference(), card ? null : procedure, status, beneficiary,
          card ? null : openedOn, subject.referent(), subject.referent(), level);
    }
  }

  private record Matches(List<Row> rows, long total) {}

  /**
   * The page of dossiers matching a query, newest first, with what their list rows show, and how
   * many match in all, in one statement: the reference branch and the name branch (driven by the
   * trigram index on the name's search key, then the dossiers of those people) united, counted by a
   * window over the union, the page cut, then only its rows joined to the dossier and the person.
   * A page beyond the last one has no row to carry the count: total -1, counted apart.
   */
  private Matches matches(String reference, List<String> words, Procedure procedure, DossierStatus status, int page,
      int size) {
    var query = em.createNativeQuery("select d.id, d.reference, d.procedure_code, d.status, b.first_name, "
        + "b.last_name, d.opened_on, d.assigned_to, m.total from (select x.id, x.opened_on, count(*) over () as total "
        + "from (" + union(words, procedure, status) + ") x order by x.opened_on desc, x.id desc limit :limit offset "
        + ":offset) m join dossier d on d.id = m.id join beneficiary b on b.id = d.beneficiary_id "
        + "order by m.opened_on desc, m.id desc");
    bind(query, reference, words, procedure, status);
    query.setParameter("limit", size);
    query.setParameter("offset", (long) page * size);
    List<?> rows = query.getResultList();
    List<Row> result = new ArrayList<>(rows.size());
    long total = -1;
    for (Object row : rows) {
      Object[] c = (Object[]) row;
      result.add(new Row(new DossierAccess.Subject(((Number) c[0]).longValue(), (String) c[1], (String) c[7]),
          Procedure.fromCode((String) c[2]), DossierStatus.valueOf((String) c[3]), c[4] + " " + c[5], date(c[6])));
      total = ((Number) c[8]).longValue();
    }
    return new Matches(result, total);
  }

  private static LocalDate date(Object cell) {
    return cell == null ? null : cell instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) cell;
  }

  private long countMatches(String reference, List<String> words, Procedure procedure, DossierStatus status) {
    var query = em.createNativeQuery("select count(*) from (" + union(words, procedure, status) + ") x");
    bind(query, reference, words, procedure, status);
    return ((Number) query.getSingleResult()).longValue();
  }

  private String union(List<String> words, Procedure procedure, DossierStatus status) {
    String filters = (procedure == null ? "" : " and d.procedure_code = :procedure")
        + (status == null ? "" : " and d.status = :status");
    StringBuilder sql = new StringBuilder("select d.id, d.opened_on from dossier d where lower(d.reference) like "
        + ":reference escape '\\'").append(filters);
    if (!words.isEmpty()) {
      StringBuilder names = new StringBuilder();
      for (int i = 0; i < words.size(); i++) {
        names.append(i == 0 ? "" : " and ").append("n.search_key like :w").append(i).append(" escape '\\'");
      }
      if (postgres) {
        // the people first (trigram index), then their dossiers through the index on beneficiary_id: as a join,
        // PostgreSQL hashed the matching people and read all the dossiers (13 ms of 17 at 50,000, benchmarks.md)
        sql.append(" union select d.id, d.opened_on from dossier d where d.beneficiary_id = any(array(select n.id from "
            + "beneficiary n where ").append(names).append("))");
      } else {
        sql.append(" union select d.id, d.opened_on from beneficiary n join dossier d on d.beneficiary_id = n.id where ")
            .append(names);
      }
      sql.append(filters);
    }
    return sql.toString();
  }

  private static void bind(jakarta.persistence.Query query, String reference, List<String> words, Procedure procedure,
      DossierStatus status) {
    query.setParameter("reference", reference);
    for (int i = 0; i < words.size(); i++) {
      query.setParameter("w" + i, SearchText.contains(words.get(i)));
    }
    if (procedure != null) {
      query.setParameter("procedure", procedure.code());
    }
    if (status != null) {
      query.setParameter("status", status.name());
    }
  }

  static DossierSummary summary(Dossier d, AccessLevel level) {
    boolean card = level == AccessLevel.CARD;
    Procedure procedure = card ? null : d.getProcedure();
    LocalDate openedOn = card ? null : d.getOpenedOn();
    return new DossierSummary(d.getId(), d.getReference(), procedure, d.getStatus(), d.getBeneficiary().fullName(),
        openedOn, d.getReferent(), d.getReferent(), level);
  }

  /**
   * People already known with the same identity: every word of the first and last names in the
   * search key (case, accents and order ignored), and the same birth date when given.
   */
  @Transactional
  public List<DuplicateView> duplicates(String firstName, String lastName, LocalDate birthDate, Viewer viewer) {
    List<String> words = SearchText.words(SearchText.key(firstName, lastName));
    if (words.isEmpty()) {
      return List.of();
    }
    StringBuilder jpql = new StringBuilder("select d from Dossier d join fetch d.beneficiary b where b.id in "
        + "(select n.id from Beneficiary n where ");
    for (int i = 0; i < words.size(); i++) {
      jpql.append(i == 0 ? "" : " and ").append("n.searchKey like :w").append(i).append(" escape '\\'");
    }
    if (birthDate != null) {
      jpql.append(" and n.birthDate = :birthDate");
    }
    jpql.append(") order by d.openedOn desc, d.id desc");
    TypedQuery<Dossier> query = em.createQuery(jpql.toString(), Dossier.class);
    for (int i = 0; i < words.size(); i++) {
      query.setParameter("w" + i, SearchText.contains(words.get(i)));
    }
    if (birthDate != null) {
      query.setParameter("birthDate", birthDate);
    }
    List<Dossier> found = query.setMaxResults(50).getResultList();
    Map<Long, AccessLevel> levels = access.levels(found, viewer);
    List<DuplicateView> result = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (Dossier d : found) {
      if (levels.get(d.getId()) == null) {
        continue;
      }
      Beneficiary b = d.getBeneficiary();
      ids.add(d.getId());
      result.add(new DuplicateView(d.getId(), d.getReference(), d.getProcedure(), d.getStatus(),
          new DuplicateView.Person(b.getFirstName(), b.getLastName(), b.getBirthDate())));
    }
    accessLog.recordAll(ids, viewer.user(), AccessAction.SEARCH, "duplicates");
    return result;
  }
}
