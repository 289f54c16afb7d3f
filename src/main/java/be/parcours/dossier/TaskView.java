package be.parcours.dossier;

import java.time.Instant;

public record TaskView(String id, String name, String candidateGroup, String assignee, Instant due) {}
