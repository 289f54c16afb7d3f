package be.parcours.dossier;

import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Component;

/**
 * Takes the next dossier id from {@code dossier_seq} before the row is written, so the reference
 * (which contains the id) is part of the INSERT and the column can stay NOT NULL and unique.
 */
@Component
class DossierIds {

  private final EntityManager entityManager;
  private final String nextValueSql;

  DossierIds(EntityManager entityManager) {
    this.entityManager = entityManager;
    var dialect = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
        .getJdbcServices().getDialect();
    this.nextValueSql = dialect.getSequenceSupport().getSequenceNextValString("dossier_seq");
  }

  long next() {
    return ((Number) entityManager.createNativeQuery(nextValueSql).getSingleResult()).longValue();
  }
}
