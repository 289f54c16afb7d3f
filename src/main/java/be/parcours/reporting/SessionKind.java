package be.parcours.reporting;

/** Collective sessions the organisation runs. */
public enum SessionKind { INFO_SESSION_FAMILY_REUNIFICATION, VISA_WORKSHOP, CITIZENSHIP, OTHER }
