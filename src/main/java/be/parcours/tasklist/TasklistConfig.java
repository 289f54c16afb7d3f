package be.parcours.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tasklist's task requests go through {@link TasklistTaskFilter} (live form context, form checks). */
@Configuration
class TasklistConfig {

  /** After Spring Security (-100) and the engine-rest authentication and guards (-90, -89). */
  static final int ORDER = -85;

  @Bean
  FilterRegistrationBean<TasklistTaskFilter> tasklistTaskFilter(TaskFormGuard guard, ObjectProvider<TaskService> tasks,
      ObjectMapper mapper) {
    var registration = new FilterRegistrationBean<>(new TasklistTaskFilter(guard, tasks, mapper));
    registration.setName("tasklist-task-filter");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
