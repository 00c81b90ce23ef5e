package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.rehabnet.platform.events.intake.SiteSettings;
import org.rehabnet.platform.events.intake.SiteSettings.Buprenorphine;
import org.rehabnet.platform.events.intake.SiteSettings.FentanylProtocol;
import org.rehabnet.platform.events.intake.SiteSettings.Holds;
import org.rehabnet.platform.events.intake.SiteSettings.Methadone;

/** The defaults with one site option changed, as a site admin would change it at intake. */
final class SiteVariants {

  private static final SiteSettings D = SiteSettings.defaults();

  private SiteVariants() {}

  static SiteSettings inductionCows(int cows) {
    Buprenorphine b = D.buprenorphine();
    return bup(new Buprenorphine(cows, b.cowsValidFor(), b.shortActingOpioidWait(), b.minimumInterval(),
        b.withdrawalPersistsCowsAtLeast(), b.singleDoseMinMg(), b.singleDoseMaxMg(), b.dayOneMaxMg(),
        b.dayOneDocumentedMaxMg(), b.dayTwoStepMinMg(), b.dayTwoStepMaxMg(), b.dayTwoMaxMg(), b.dailyMaxMg(),
        b.fentanylProtocol(), b.fentanylExtendedWait(), b.lowDoseSingleDoseMaxMg()));
  }

  static SiteSettings fentanylProtocol(FentanylProtocol protocol) {
    Buprenorphine b = D.buprenorphine();
    return bup(new Buprenorphine(b.inductionCowsAtLeast(), b.cowsValidFor(), b.shortActingOpioidWait(),
        b.minimumInterval(), b.withdrawalPersistsCowsAtLeast(), b.singleDoseMinMg(), b.singleDoseMaxMg(),
        b.dayOneMaxMg(), b.dayOneDocumentedMaxMg(), b.dayTwoStepMinMg(), b.dayTwoStepMaxMg(), b.dayTwoMaxMg(),
        b.dailyMaxMg(), protocol, b.fentanylExtendedWait(), b.lowDoseSingleDoseMaxMg()));
  }

  static SiteSettings bupLimits(@Nullable String documentedDayOneMaxMg, String dailyMaxMg) {
    Buprenorphine b = D.buprenorphine();
    return bup(new Buprenorphine(b.inductionCowsAtLeast(), b.cowsValidFor(), b.shortActingOpioidWait(),
        b.minimumInterval(), b.withdrawalPersistsCowsAtLeast(), b.singleDoseMinMg(), b.singleDoseMaxMg(),
        b.dayOneMaxMg(), documentedDayOneMaxMg == null ? null : new BigDecimal(documentedDayOneMaxMg),
        b.dayTwoStepMinMg(), b.dayTwoStepMaxMg(), b.dayTwoMaxMg(), new BigDecimal(dailyMaxMg), b.fentanylProtocol(),
        b.fentanylExtendedWait(), b.lowDoseSingleDoseMaxMg()));
  }

  static SiteSettings methadone(String dayOneMaxMg, String stepMg, int intervalDays) {
    Methadone m = D.methadone();
    return new SiteSettings(D.detoxLength(), D.reassessment(), D.buprenorphine(),
        new Methadone(m.firstDoseMaxMg(), m.furtherDoseMaxMg(), m.minimumInterval(), m.withdrawalPersistsCowsAtLeast(),
            new BigDecimal(dayOneMaxMg), new BigDecimal(stepMg), intervalDays),
        D.holds(), D.alerts(), D.aftercare());
  }

  static SiteSettings holdsWithin(Duration observationsValidFor) {
    Holds h = D.holds();
    return new SiteSettings(D.detoxLength(), D.reassessment(), D.buprenorphine(), D.methadone(),
        new Holds(h.possAtLeast(), h.respirationRateBelow(), h.spo2Below(), observationsValidFor,
            h.adjunctSystolicBelow(), h.adjunctPulseBelow()),
        D.alerts(), D.aftercare());
  }

  private static SiteSettings bup(Buprenorphine b) {
    return new SiteSettings(D.detoxLength(), D.reassessment(), b, D.methadone(), D.holds(), D.alerts(),
        D.aftercare());
  }
}
