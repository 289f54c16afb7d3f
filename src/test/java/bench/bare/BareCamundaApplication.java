package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reference of the start-up and memory benchmark: a bare Spring Boot application with only
 * Camunda 7 (engine, webapps, REST) and the actuator's health endpoint, on an H2 file database,
 * started with the same JVM options as Parcours. Outside be.parcours, so that Parcours never scans it
 * (its exclusions would apply to Parcours) and it scans no Parcours bean.
 * Parcours' {@code application.yml} is replaced by
 * {@code bench/bare-application.yml} ({@code --spring.config.location}). What Parcours' classpath
 * brings and Camunda does not need is switched off there: JPA, Flyway, Spring Session, Spring
 * Security (Camunda's webapps have their own login).
 */
@SpringBootApplication(excludeName = {
    "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
    "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
    "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
    "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
    "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration"})
public class BareCamundaApplication {

  public static void main(String[] args) {
    SpringApplication.run(BareCamundaApplication.class, args);
  }
}
