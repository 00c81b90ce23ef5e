package org.rehabnet.aftercare.partner;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.StringType;

/**
 * What every disclosed record carries (HL7 DS4P, FHIR Data Segmentation for Privacy): restricted
 * confidentiality, the opioid-use-disorder and substance-use sensitivities, the 42 CFR Part 2 policy
 * and the refrain "no redisclosure without consent directive"; and the §2.32 redisclosure notice.
 */
final class Part2Labels {

  static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  /** 42 CFR §2.32(a)(2), the short form of the notice that must accompany each disclosure. */
  static final String NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records.";
  static final String NOTICE_HEADER = "X-Redisclosure-Notice";
  static final String NOTICE_EXTENSION = "https://rehabnet.example/fhir/StructureDefinition/redisclosure-notice";

  /**
   * The labels, with HL7's displays. The refrain code is NORDSCLCD ("no redisclosure without consent
   * directive"), as spelt in the HL7 v3 ActCode code system.
   */
  static Coding[] labels() {
    return new Coding[] {
        new Coding(CONFIDENTIALITY, "R", "restricted"),
        new Coding(ACT_CODE, "OPIOIDUD", "opioid use disorder information sensitivity"),
        new Coding(ACT_CODE, "ETH", "substance abuse information sensitivity"),
        new Coding(ACT_CODE, "42CFRPart2", "42 CFR Part2"),
        new Coding(ACT_CODE, "NORDSCLCD", "no redisclosure without consent directive")
    };
  }

  /** Labels the resource and attaches the notice to it. */
  static <T extends DomainResource> T label(T resource) {
    labelMeta(resource.getMeta());
    resource.addExtension(NOTICE_EXTENSION, new StringType(NOTICE));
    return resource;
  }

  /** A Bundle is no DomainResource: the notice goes on its meta. */
  static Bundle label(Bundle bundle) {
    labelMeta(bundle.getMeta());
    bundle.getMeta().addExtension(NOTICE_EXTENSION, new StringType(NOTICE));
    return bundle;
  }

  private static void labelMeta(Meta meta) {
    for (Coding label : labels()) {
      meta.addSecurity(label);
    }
  }

  private Part2Labels() {}
}
