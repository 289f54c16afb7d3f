package be.parcours.dossier;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/documents/catalogue}: every document code with its labels (fr, nl, en). */
@RestController
class DocumentCatalogueController {

  private final DossierDocuments documents;

  DocumentCatalogueController(DossierDocuments documents) {
    this.documents = documents;
  }

  @GetMapping("/api/documents/catalogue")
  @PreAuthorize(DossierController.STAFF)
  @Operation(summary = "Every document code a checklist may hold, with labels { fr, nl, en }")
  List<DocumentCatalogue.Entry> catalogue() {
    return documents.catalogue();
  }
}
