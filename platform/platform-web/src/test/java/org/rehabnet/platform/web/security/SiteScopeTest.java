package org.rehabnet.platform.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.web.problem.DomainProblem;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.problem.ProblemType;
import org.rehabnet.platform.web.problem.WrongSite;

class SiteScopeTest {

  record Episode(UUID id, String site) {}

  static final Caller NURSE_NORTH = new Caller("s1", "nurse-north", Set.of("nurse"), Set.of("north"), null, null);
  static final Caller LEAD = new Caller("s2", "lead", Set.of("clinical-lead"), Set.of("north"), null, null);

  final UUID id = UUID.randomUUID();
  final Episode south = new Episode(id, "south");

  @Test
  void anotherSitesRecordLooksExactlyLikeAnUnknownOne() {
    DomainProblem foreign = problem(() -> SiteScope.readable(Optional.of(south), Episode::site, NURSE_NORTH,
        "Detox episode", id));
    DomainProblem unknown = problem(() -> SiteScope.readable(Optional.<Episode>empty(), Episode::site, NURSE_NORTH,
        "Detox episode", id));

    assertThat(foreign).isInstanceOf(NotFound.class);
    assertThat(foreign.type()).isEqualTo(unknown.type()).isEqualTo(ProblemType.NOT_FOUND);
    assertThat(foreign.getMessage()).isEqualTo(unknown.getMessage());
    assertThat(foreign.properties()).isEqualTo(unknown.properties());
  }

  @Test
  void ownSiteIsReadableAndWritable() {
    Episode north = new Episode(id, "north");

    assertThat(SiteScope.readable(Optional.of(north), Episode::site, NURSE_NORTH, "Detox episode", id)).isSameAs(north);
    assertThat(SiteScope.writable(Optional.of(north), Episode::site, NURSE_NORTH, "Detox episode", id)).isSameAs(north);
  }

  @Test
  void aClinicalLeadReadsEverySiteButChangesOnlyTheirOwn() {
    assertThat(SiteScope.readable(Optional.of(south), Episode::site, LEAD, "Detox episode", id)).isSameAs(south);
    assertThatThrownBy(() -> SiteScope.writable(Optional.of(south), Episode::site, LEAD, "Detox episode", id))
        .isInstanceOf(WrongSite.class);
    assertThatThrownBy(() -> SiteScope.writable(Optional.of(south), Episode::site, NURSE_NORTH, "Detox episode", id))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void aSiteNamedInThePathIsNotFoundWhenUnknownOrNotTheCallers() {
    assertThat(SiteScope.readableSite("north", true, NURSE_NORTH)).isEqualTo("north");
    assertThat(problem(() -> SiteScope.readableSite("south", true, NURSE_NORTH)).getMessage())
        .isEqualTo(problem(() -> SiteScope.readableSite("nowhere", false, NURSE_NORTH)).getMessage()
            .replace("nowhere", "south"));
  }

  private static DomainProblem problem(Runnable call) {
    try {
      call.run();
    } catch (DomainProblem problem) {
      return problem;
    }
    throw new AssertionError("expected a problem");
  }
}
