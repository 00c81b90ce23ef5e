package org.rehabnet.intake.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a site admin sends to shape a site's wards and beds. Codes are what the ward calls them. */
final class WardRequests {

  static final String WARD_CODE = "[A-Za-z0-9][A-Za-z0-9-]{0,9}";
  static final String BED_CODE = "[A-Za-z0-9][A-Za-z0-9-]{0,19}";

  private WardRequests() {}

  /** A new ward: its short code (on every bed of it) and the name staff know it by. */
  record AddWard(
      @NotNull @Pattern(regexp = WARD_CODE, message = "must be 1 to 10 letters, digits or hyphens") String code,
      @NotBlank @Size(max = 80) String name) {}

  /** A ward's new name; its code stays, as every bed of it carries the code. */
  record RenameWard(@NotBlank @Size(max = 80) String name) {}

  /** A new bed of the ward, free. */
  record AddBed(@NotNull @Pattern(regexp = BED_CODE, message = "must be a bed code") String code) {}

  /** A bed's new code. Only a bed without a patient is renamed: the ward's chart names the bed. */
  record RenameBed(@NotNull @Pattern(regexp = BED_CODE, message = "must be a bed code") String code) {}
}
