package be.parcours.dossier;

import be.parcours.shared.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A dossier's documents checklist: codes from the catalogue, status, flags, dates (full access only). */
@Service
public class DossierDocuments {

  private final DossierAccess access;
  private final DocumentItemRepository documents;
  private final DocumentCatalogue catalogue;
  private final AccessLog accessLog;
  private final DateChecks dates;
  private final MessageSource messages;
  private final Clock clock;

  DossierDocuments(DossierAccess access, DocumentItemRepository documents, DocumentCatalogue catalogue,
      AccessLog accessLog, DateChecks dates, MessageSource messages, Clock clock) {
    this.access = access;
    this.documents = documents;
    this.catalogue = catalogue;
    this.accessLog = accessLog;
    this.dates = dates;
    this.messages = messages;
    this.clock = clock;
  }

  public List<DocumentCatalogue.Entry> catalogue() {
    return catalogue.all();
  }

  @Transactional
  public DocumentView update(long dossierId, String code, DocumentUpdateRequest request, Viewer viewer) {
    access.require(dossierId, viewer, AccessLevel.FULL);
    if (!catalogue.contains(code)) {
      throw new BusinessRuleException("code", "code: " + messages.getMessage("dossier.documents.unknownCode",
          new Object[] {code}, LocaleContextHolder.getLocale()));
    }
    DocumentItem item = documents.findByDossierIdAndCode(dossierId, code)
        .orElseGet(() -> documents.save(new DocumentItem(dossierId, code)));
    LocalDate issued = request.issuedOn() != null ? request.issuedOn() : item.getIssuedOn();
    LocalDate expires = request.expiresOn() != null ? request.expiresOn() : item.getExpiresOn();
    dates.document("", issued, expires);
    DocumentStatus before = item.getStatus();
    item.update(request.status(), request.legalised(), request.translated(), request.issuedOn(), request.expiresOn(),
        request.note(), viewer.user(), LocalDate.now(clock));
    documents.flush();
    accessLog.record(dossierId, viewer.user(), AccessAction.CHANGE, "document " + code + ": " + before + " → "
        + request.status());
    return view(item, LocalDate.now(clock), catalogue, 0);
  }

  static DocumentView view(DocumentItem doc, LocalDate today, DocumentCatalogue catalogue, int files) {
    return new DocumentView(doc.getCode(), doc.effectiveStatus(today), doc.isLegalised(), doc.isTranslated(),
        doc.getReceivedOn(), doc.getValidatedOn(), doc.getExpiresOn(), doc.getCheckedBy(), doc.getNote(),
        doc.getIssuedOn(), catalogue.labels(doc.getCode()), files);
  }
}
