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

  @Query("""
      select d from Dossier d join fetch d.beneficiary b
      where (:procedure is null or d.procedure = :procedure)
        and (:status is null or d.status = :status)
        and (:q is null or lower(d.reference) like :q or lower(b.lastName) like :q or lower(b.firstName) like :q
             or lower(concat(b.firstName, ' ', b.lastName)) like :q)
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
