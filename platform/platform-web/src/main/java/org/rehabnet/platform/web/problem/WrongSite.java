package org.rehabnet.platform.web.problem;

/**
 * A write at a site the caller does not work at. Sites are no secret, so this is a plain 403; reading
 * another site's patient is a {@link NotFound} instead, so as not to confirm the patient exists.
 */
public class WrongSite extends DomainProblem {

  public WrongSite(String site) {
    super(ProblemType.WRONG_SITE, "You do not work at site " + site);
  }
}
