package be.parcours.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.testsupport.Api;
import be.parcours.testsupport.PostgresSpringTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** The report's aggregate SQL on a real PostgreSQL 16 gives the same figures as on H2. */
class ReportingPostgresIT extends PostgresSpringTest {

  @Autowired
  TestRestTemplate rest;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ReportingService reporting;
  @Autowired
  ObjectMapper mapper;

  @Test
  void every_figure_on_postgresql() throws Exception {
    new ActivityDataSet(jdbc, reporting, rest).build();
    var supervisor = Api.as(rest, "demo-supervisor");

    var body = mapper.readTree(supervisor.get(ActivityReportTest.REPORT).getBody());
    assertThat(ActivityReportTest.jsonFigures(body)).isEqualTo(ActivityReportTest.expected(ActivityReportTest.INTERNAL));
    assertThat(ActivityReportTest.jsonMonths(body)).isEqualTo(ActivityReportTest.MONTHS.strip().lines().toList());
    var csv = ActivityReportTest.csv(supervisor.get(ActivityReportTest.REPORT + "&format=csv").getBody());
    assertThat(ActivityReportTest.csvFigures(csv)).isEqualTo(ActivityReportTest.expected(ActivityReportTest.FUNDER));
  }
}
