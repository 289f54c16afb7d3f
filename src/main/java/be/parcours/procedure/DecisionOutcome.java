package be.parcours.procedure;

/** An authority's decision as the contract names it. */
public enum DecisionOutcome { POSITIVE, NEGATIVE, MORE_DOCUMENTS }
