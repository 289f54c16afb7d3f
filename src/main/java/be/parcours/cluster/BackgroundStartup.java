package be.parcours.cluster;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Start-up work that is not needed before the first request runs after it, on a thread of its own:
 * once the application is ready (the web server answers, the engine and its job executor run, the
 * groups, authorizations, demo users and Tasklist filters exist), a {@link BackgroundStartupEvent}
 * is published under the {@link StartupLock} (two nodes starting at once still take turns, and the
 * second finds the first one's data). The first 200 of {@code /actuator/health} no longer waits
 * for the demo data (issue #15, docs/benchmarks.md); the home page says that it is being created
 * while {@link #running()}. A failure is logged, never fatal: the node serves without demo data.
 */
@Component
public class BackgroundStartup {

  private static final Logger log = LoggerFactory.getLogger(BackgroundStartup.class);
  /** How long closing the application waits for the background work (so that it is not cut in the middle). */
  static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

  private final StartupLock lock;
  private final ApplicationEventPublisher publisher;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean started;
  private volatile Thread thread;

  BackgroundStartup(StartupLock lock, ApplicationEventPublisher publisher) {
    this.lock = lock;
    this.publisher = publisher;
  }

  /** After the ready listeners that must finish before the first request (they are ordered before this). */
  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE - 1)
  public synchronized void onReady(ApplicationReadyEvent event) {
    if (started) {
      return;
    }
    started = true;
    Thread worker = new Thread(this::runTasks, "parcours-startup-tasks");
    worker.setDaemon(true);
    thread = worker;
    worker.start();
  }

  private void runTasks() {
    long t0 = System.nanoTime();
    try {
      lock.runLocked(() -> publisher.publishEvent(new BackgroundStartupEvent()));
      log.info("Background start-up tasks done in {} ms", (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("Background start-up tasks failed after {} ms (the application serves without them)",
          (System.nanoTime() - t0) / 1_000_000, e);
    } finally {
      done.countDown();
    }
  }

  /** True from the application's readiness until the background start-up tasks have finished. */
  public boolean running() {
    return started && done.getCount() > 0;
  }

  /** Waits until the background start-up tasks have finished (tests; closing); false on timeout. */
  public boolean await(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Closing in the middle of the demo data would leave half of it (and the next start would not redo it). */
  @EventListener
  public void onClosed(ContextClosedEvent event) throws InterruptedException {
    Thread worker = thread;
    if (worker != null && worker != Thread.currentThread() && done.getCount() > 0) {
      log.info("Closing: waiting for the background start-up tasks (at most {} s)", CLOSE_WAIT.toSeconds());
      if (!await(CLOSE_WAIT)) {
        log.warn("Closing while the background start-up tasks still run");
      }
    }
  }
}
