package be.parcours.dossier;

/** Role of a person in a dossier besides the beneficiary. */
public enum PartyRole { SPONSOR, APPLICANT, FAMILY_MEMBER }
