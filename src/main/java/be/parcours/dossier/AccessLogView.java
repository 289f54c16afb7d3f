package be.parcours.dossier;

import java.time.Instant;

/** {@code GET /api/dossiers/{id}/access-log}: one line, newest first. */
public record AccessLogView(Instant at, String user, AccessAction action, String detail) {}
