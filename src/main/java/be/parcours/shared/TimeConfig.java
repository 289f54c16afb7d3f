package be.parcours.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The office's time zone: every "today" in Parcours is a day in Brussels. */
@Configuration
public class TimeConfig {

  public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(BRUSSELS);
  }
}
