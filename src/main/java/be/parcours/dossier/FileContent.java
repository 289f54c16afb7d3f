package be.parcours.dossier;

/** A file's bytes as downloaded, with its name and content type. */
public record FileContent(long id, String name, String contentType, byte[] bytes) {}
