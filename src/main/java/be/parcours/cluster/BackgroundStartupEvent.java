package be.parcours.cluster;

/**
 * Published once per start, on a background thread, after the application is ready and serves
 * requests, with the start-up lock held ({@link BackgroundStartup}). For start-up work that no first
 * request needs: the demo dossiers, the three-year demo story and the demo activity. Listeners
 * run in their {@code @Order}, one after the other, as {@code ApplicationReadyEvent} listeners did.
 */
public record BackgroundStartupEvent() {}
