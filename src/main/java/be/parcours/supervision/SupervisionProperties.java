package be.parcours.supervision;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parcours.supervision.*}: the at-risk horizon of the Cockpit dashboard (days before a legal
 * deadline), how many rows it lists, and how often the Tasklist filters are refreshed (their date
 * bounds and the per-user filters).
 */
@ConfigurationProperties("parcours.supervision")
record SupervisionProperties(@DefaultValue("30") int atRiskDays, @DefaultValue("50") int atRiskLimit,
    @DefaultValue("PT10M") Duration filterRefresh) {}
