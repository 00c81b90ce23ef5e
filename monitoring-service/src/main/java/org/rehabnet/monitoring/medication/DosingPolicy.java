package org.rehabnet.monitoring.medication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rehabnet.monitoring.site.SitePolicy;

/**
 * The one entry point of the dosing rules (docs/clinical-rules.md, "Dosing"): what is given must be
 * what was ordered ({@link OrderCheck}), at a site whose settings have arrived, methadone only at an
 * opioid treatment program, past the holds ({@link Holds}) and the drug's own rules
 * ({@link BuprenorphinePolicy}, {@link MethadonePolicy}, {@link SymptomaticPolicy}). It also says who
 * may set which refusal aside: only a physician, only with a written reason, only rules that are
 * {@link DoseRule#overridable()}. Naloxone is never held: withholding the antidote is never the safe
 * choice.
 */
final class DosingPolicy {

  private final SymptomaticPolicy symptomatic;

  DosingPolicy(SymptomaticLimits limits) {
    this.symptomatic = new SymptomaticPolicy(limits);
  }

  Verdict check(DoseProposal dose) {
    List<Violation> violations = new ArrayList<>();
    List<DoseWarning> warnings = new ArrayList<>();
    OrderCheck.check(dose, violations, warnings);
    if (dose.drug() == Drug.NALOXONE) {
      return new Verdict(violations, warnings);
    }
    SitePolicy site = dose.site();
    if (site == null) {
      violations.add(new Violation(DoseRule.SITE_NOT_CONFIGURED, "This site's clinical settings have not "
          + "arrived from intake; no dose can be checked against them"));
      return new Verdict(violations, warnings);
    }
    if (dose.drug() == Drug.METHADONE && !site.otpCertified()) {
      violations.add(otpRequired());
    }
    Holds.check(dose, site.settings().holds(), violations);
    switch (dose.drug()) {
      case BUPRENORPHINE -> BuprenorphinePolicy.check(dose, site, violations, warnings);
      case METHADONE -> MethadonePolicy.check(dose, site, violations);
      default -> symptomatic.check(dose, violations);
    }
    boolean depressant = dose.drug().opioidAgonist() || dose.drug().kind() == Drug.Kind.SEDATIVE;
    if (depressant && dose.benzodiazepineRisk()) {
      warnings.add(DoseWarning.BENZODIAZEPINE_RESPIRATORY_RISK);
    }
    return new Verdict(violations, warnings);
  }

  /**
   * Gives, gives by override or refuses. A reason sets aside only overridable rules and only from a
   * physician; a reason with a safe dose changes nothing (no override is recorded).
   */
  DoseDecision decide(DoseProposal dose, @Nullable String overrideReason, boolean byPhysician) {
    Verdict verdict = check(dose);
    if (verdict.safe()) {
      return new DoseDecision.Give(verdict.warnings());
    }
    boolean reasoned = overrideReason != null && !overrideReason.isBlank();
    if (!reasoned || !verdict.overridable()) {
      return new DoseDecision.Refuse(verdict);
    }
    if (!byPhysician) {
      return new DoseDecision.OverrideNotPermitted(verdict);
    }
    return new DoseDecision.GiveOverridden(verdict.rules(), overrideReason, verdict.warnings());
  }

  /** What refuses an order: methadone outside an OTP, a documented day 1 the site does not allow. */
  List<Violation> orderRefusals(Drug drug, @Nullable BigDecimal highestDoseMg,
      @Nullable BigDecimal documentedDayOneMaxMg, @Nullable SitePolicy site) {
    List<Violation> violations = new ArrayList<>();
    boolean siteRule = drug == Drug.METHADONE || documentedDayOneMaxMg != null;
    if (siteRule && site == null) {
      violations.add(new Violation(DoseRule.SITE_NOT_CONFIGURED, "This site's clinical settings have not "
          + "arrived from intake"));
      return violations;
    }
    if (drug == Drug.METHADONE && !site.otpCertified()) {
      violations.add(otpRequired());
    }
    if (drug == Drug.BUPRENORPHINE && highestDoseMg != null
        && highestDoseMg.compareTo(BuprenorphinePolicy.HARD_MAXIMUM_MG) > 0) {
      violations.add(new Violation(DoseRule.BUPRENORPHINE_HARD_MAXIMUM, "At most "
          + BuprenorphinePolicy.HARD_MAXIMUM_MG.toPlainString() + " mg of buprenorphine in a treatment day"));
    }
    if (documentedDayOneMaxMg != null) {
      BigDecimal allowed = drug == Drug.BUPRENORPHINE ? site.settings().buprenorphine().dayOneDocumentedMaxMg() : null;
      if (allowed == null) {
        violations.add(new Violation(DoseRule.DOCUMENTED_DAY_ONE_MAXIMUM, "This site does not allow a documented "
            + "day-1 maximum for this drug"));
      } else if (documentedDayOneMaxMg.compareTo(allowed) > 0) {
        violations.add(new Violation(DoseRule.DOCUMENTED_DAY_ONE_MAXIMUM, "This site allows a documented day 1 of "
            + "at most " + allowed.toPlainString() + " mg"));
      }
    }
    return violations;
  }

  private static Violation otpRequired() {
    return new Violation(DoseRule.OTP_REQUIRED,
        "Methadone for opioid use disorder is given only at a certified opioid treatment program");
  }
}
