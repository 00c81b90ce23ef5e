package org.rehabnet.portal.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rehabnet.portal.svg.ChartData.CowsPoint;
import org.rehabnet.portal.svg.ChartData.DoseMark;
import org.rehabnet.portal.svg.ChartData.VitalSet;

class SvgChartsTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final Instant MORNING = Instant.parse("2026-12-01T14:00:00Z");

  @Test
  void textIsEscapedSoTheMarkupCanBeInsertedUnescaped() {
    assertThat(Svg.escape("<script>\"a\" & 'b'</script>\u0000"))
        .isEqualTo("&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
  }

  @Test
  void hourlyAndFourHourlyChecksLieAsFarApartAsTheyWereTaken() {
    Instant start = MORNING.minus(Duration.ofHours(12));
    TimeAxis axis = new TimeAxis(start, MORNING, 0, 1200, NEW_YORK);
    double hour = axis.x(start.plus(Duration.ofHours(1))) - axis.x(start);
    double fourHours = axis.x(start.plus(Duration.ofHours(5))) - axis.x(start.plus(Duration.ofHours(1)));
    assertThat(fourHours).isEqualTo(4 * hour);
  }

  @Test
  void eachNews2CellIsColouredByItsSubScoreAndTheTotalByTheResponse() {
    String svg = News2Chart.render(List.of(set(MORNING, 3, 0), set(MORNING.plusSeconds(3600), 0, 1)), NEW_YORK);
    assertThat(svg).contains("fill=\"#f5a3a3\"", "fill=\"#fff3a3\"", "NEWS2 total", "latest total 1");
    assertThat(News2Chart.scoreFill(0)).isEqualTo("#ffffff");
    assertThat(News2Chart.scoreFill(2)).isEqualTo("#ffc98a");
    assertThat(News2Chart.responseFill(7, "EMERGENCY")).isEqualTo("#f5a3a3");
    assertThat(News2Chart.responseFill(3, "URGENT_WARD_REVIEW")).isEqualTo("#ffc98a");
  }

  @Test
  void theCowsTrendShowsItsBandsAndEveryDoseOnTheSameAxis() {
    List<CowsPoint> cows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      cows.add(new CowsPoint(MORNING.minus(Duration.ofHours(4L * (6 - i))), 20 - 3 * i, "MODERATE"));
    }
    String svg = CowsTrendChart.render(cows, List.of(new DoseMark(MORNING.minus(Duration.ofHours(20)),
        "BUPRENORPHINE", new BigDecimal("4.00"))), MORNING, NEW_YORK);
    assertThat(svg).contains("mild 5-12", "moderate 13-24", "mod. severe 25-36", "severe &gt;36",
        "Dose: buprenorphine 4 mg at 30 Nov 13:00", "<polyline", "6 assessments", "1 doses marked");
  }

  static VitalSet set(Instant at, int respirationScore, int total) {
    return new VitalSet(at, 24, 97, false, 120, 80, 80, "ALERT", new BigDecimal("37.0"), total,
        total == 0 ? "ROUTINE" : "LOW", respirationScore, 0, 0, 0, 0, 0, 0, "SCALE_1");
  }
}
