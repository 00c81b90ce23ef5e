package org.rehabnet.platform.events.clinical;

/** What a patient uses, as recorded at intake and carried to the chart. */
public enum Substance {
  HEROIN(true, true),
  FENTANYL(true, true),
  OTHER_OPIOID(true, true),
  METHADONE(true, false),
  BUPRENORPHINE(true, false),
  BENZODIAZEPINE(false, false),
  ALCOHOL(false, false),
  STIMULANT(false, false),
  CANNABIS(false, false),
  OTHER(false, false);

  private final boolean opioid;
  private final boolean shortActingOpioid;

  Substance(boolean opioid, boolean shortActingOpioid) {
    this.opioid = opioid;
    this.shortActingOpioid = shortActingOpioid;
  }

  public boolean opioid() {
    return opioid;
  }

  /**
   * Heroin, fentanyl and other short-acting opioids set the wait before buprenorphine induction
   * (docs/clinical-rules.md, "Buprenorphine induction"). "Other opioid" counts as short-acting: when
   * the drug is not known, the longer wait is the safe assumption.
   */
  public boolean shortActingOpioid() {
    return shortActingOpioid;
  }
}
