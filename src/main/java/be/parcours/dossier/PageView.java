package be.parcours.dossier;

import java.util.List;

/** A page of results. */
public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {}
