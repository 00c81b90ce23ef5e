package org.rehabnet.aftercare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rehabnet.platform.web.security.Caller;
import org.springframework.modulith.core.ApplicationModules;

/** Features depend on each other only through what they expose; no cycles; one door for site scoping. */
class ModularityTest {

  @Test
  void featuresRespectTheirBoundaries() {
    ApplicationModules.of(AftercareApplication.class).verify();
  }

  /**
   * Whether a caller may read or change a site's record is decided in SiteScope only (calls and
   * method references alike), so another site's record is always the 404 of an unknown one.
   */
  @Test
  void siteDecisionsGoThroughSiteScope() {
    DescribedPredicate<JavaAccess<?>> siteDecision = DescribedPredicate.describe("Caller.canRead or Caller.worksAt",
        access -> access.getTargetOwner().isEquivalentTo(Caller.class)
            && Set.of("canRead", "worksAt").contains(access.getName()));
    noClasses().should().accessTargetWhere(siteDecision)
        .because("SiteScope (platform-web) is the one door to a site's records")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rehabnet.aftercare"));
  }
}
