package be.parcours.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on an in-memory H2 database, with the demo users (no
 * demo dossiers, so tests own their data). One Spring context shared by every test using it. Its
 * {@link java.time.Clock} is a {@link TestClock}: the system clock unless a test moves it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:parcours-test;DB_CLOSE_DELAY=-1",
    "parcours.demo.dossiers=false",
    "camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("demo")
@Import(TestClock.Config.class)
public @interface ParcoursSpringTest {}
