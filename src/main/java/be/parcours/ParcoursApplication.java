package be.parcours;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Parcours: procedure tracker for migrant-support social services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParcoursApplication {

  public static void main(String[] args) {
    SpringApplication.run(ParcoursApplication.class, args);
  }
}
