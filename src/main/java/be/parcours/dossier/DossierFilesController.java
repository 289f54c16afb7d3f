package be.parcours.dossier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Scans of a dossier's documents (contract: "Files"). Full access to the dossier needed. */
@RestController
@RequestMapping("/api/dossiers/{id}/documents/{code}/files")
@Validated
@PreAuthorize("hasAnyAuthority('GROUP_service-social', 'GROUP_juristes', 'GROUP_superviseurs', 'GROUP_accueil')")
class DossierFilesController {

  private final DossierFiles files;

  DossierFilesController(DossierFiles files) {
    this.files = files;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Upload a scan (multipart part 'file'): PDF, JPEG or PNG by content, at most "
      + "parcours.files.max-size; stored encrypted", responses = {@ApiResponse(responseCode = "201"),
          @ApiResponse(responseCode = "400"), @ApiResponse(responseCode = "403"), @ApiResponse(responseCode = "404"),
          @ApiResponse(responseCode = "413"), @ApiResponse(responseCode = "415"), @ApiResponse(responseCode = "422"),
          @ApiResponse(responseCode = "503", description = "FILES_DISABLED: no PARCOURS_FILES_KEY")})
  ResponseEntity<FileView> upload(@PathVariable long id,
      @PathVariable @Pattern(regexp = DossierController.CODE, message = "must be a document code like PASSPORT") String code,
      @RequestPart("file") MultipartFile file, Authentication auth) throws IOException {
    files.checkSize(file.getSize()); // before reading the bytes into memory
    FileView saved = files.upload(id, code, file.getOriginalFilename(), file.getBytes(), Viewers.of(auth));
    return ResponseEntity.created(URI.create("/api/dossiers/" + id + "/documents/" + code + "/files/" + saved.id()))
        .body(saved);
  }

  @GetMapping
  @Operation(summary = "The scans of a document")
  List<FileView> list(@PathVariable long id,
      @PathVariable @Pattern(regexp = DossierController.CODE, message = "must be a document code like PASSPORT") String code,
      Authentication auth) {
    return files.list(id, code, Viewers.of(auth));
  }

  @GetMapping("/{fileId}")
  @Operation(summary = "A scan's bytes with their content type (attachment; inline=true to view it); never cached",
      responses = {@ApiResponse(responseCode = "200", content = {
          @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/pdf"),
          @io.swagger.v3.oas.annotations.media.Content(mediaType = "image/jpeg"),
          @io.swagger.v3.oas.annotations.media.Content(mediaType = "image/png")}),
          @ApiResponse(responseCode = "403"), @ApiResponse(responseCode = "404")})
  ResponseEntity<byte[]> download(@PathVariable long id,
      @PathVariable @Pattern(regexp = DossierController.CODE, message = "must be a document code like PASSPORT") String code,
      @PathVariable long fileId, @RequestParam(defaultValue = "false") boolean inline, Authentication auth) {
    FileContent f = files.download(id, code, fileId, Viewers.of(auth));
    ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(f.name(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(f.contentType()))
        .contentLength(f.bytes().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .cacheControl(CacheControl.noStore().cachePrivate())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .body(f.bytes());
  }

  @DeleteMapping("/{fileId}")
  @Operation(summary = "Delete a scan (audited)", responses = {@ApiResponse(responseCode = "204"),
      @ApiResponse(responseCode = "403"), @ApiResponse(responseCode = "404")})
  ResponseEntity<Void> delete(@PathVariable long id,
      @PathVariable @Pattern(regexp = DossierController.CODE, message = "must be a document code like PASSPORT") String code,
      @PathVariable long fileId, Authentication auth) {
    files.delete(id, code, fileId, Viewers.of(auth));
    return ResponseEntity.noContent().build();
  }
}
