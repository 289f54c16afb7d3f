package be.parcours.eligibility;

import java.util.Map;

/**
 * What a rule found for one criterion: result, a message key with its arguments (FR/NL/EN bundles),
 * the legal basis, details for the API, and whether a point legal staff must confirm decided it.
 */
public record Finding(String criterion, String result, String messageKey, Object[] messageArgs, String legalBasis,
    Map<String, Object> details, boolean toConfirm) {}
