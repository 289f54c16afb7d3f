package be.parcours.dossier;

import java.time.Instant;

/** A file (scan) of a dossier's document: {@code 201} of the upload, and the list. */
public record FileView(long id, String name, String contentType, long size, String sha256, Instant uploadedAt,
    String uploadedBy) {}
