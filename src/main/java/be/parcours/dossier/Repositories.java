package be.parcours.dossier;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BeneficiaryRepository extends JpaRepository<Beneficiary, Long> {}

interface DossierRepository extends JpaRepository<Dossier, Long> {

  Optional<Dossier> findByReference(String reference);

  /**
   * Free-text search on the reference and the beneficiary's "first last" name, "contains" matching.
   * The matches come from one subquery each side (trigram indexes on PostgreSQL, V50) and the count
   * reads the dossier table alone: no full join of dossiers and beneficiaries per page.
   */
  @Query(value = """
      select d from Dossier d join fetch d.beneficiary b
      where (:procedure is null or d.procedure = :procedure)
        and (:status is null or d.status = :status)
        and (:q is null or d.id in (
              select r.id from Dossier r where lower(r.reference) like :q
              union
              select o.id from Dossier o where o.beneficiary.id in (
                select n.id from Beneficiary n where n.searchName like :q)))
      """, countQuery = """
      select count(d) from Dossier d
      where (:procedure is null or d.procedure = :procedure)
        and (:status is null or d.status = :status)
        and (:q is null or d.id in (
              select r.id from Dossier r where lower(r.reference) like :q
              union
              select o.id from Dossier o where o.beneficiary.id in (
                select n.id from Beneficiary n where n.searchName like :q)))
      """)
  Page<Dossier> search(@Param("q") String q, @Param("procedure") Procedure procedure,
      @Param("status") DossierStatus status, Pageable pageable);

  List<Dossier> findByStatusNot(DossierStatus status);
}

interface PartyRepository extends JpaRepository<Party, Long> {
  List<Party> findByDossierIdOrderById(Long dossierId);
}

interface DocumentItemRepository extends JpaRepository<DocumentItem, Long> {
  List<DocumentItem> findByDossierIdOrderById(Long dossierId);

  Optional<DocumentItem> findByDossierIdAndCode(Long dossierId, String code);
}

interface InterventionRepository extends JpaRepository<Intervention, Long> {
  List<Intervention> findByDossierIdOrderByHappenedOnDescIdDesc(Long dossierId);
}

interface DeadlineRepository extends JpaRepository<Deadline, Long> {
  List<Deadline> findByDossierIdOrderByDueOn(Long dossierId);

  Optional<Deadline> findByDossierIdAndCode(Long dossierId, String code);
}

interface StoredVerdictRepository extends JpaRepository<StoredVerdict, Long> {
  Optional<StoredVerdict> findFirstByDossierIdOrderByEvaluatedAtDescIdDesc(Long dossierId);
}

interface AccessLogRepository extends JpaRepository<AccessLogEntry, Long> {
  long countByDossierId(Long dossierId);
}
