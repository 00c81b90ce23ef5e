package org.rehabnet.platform.web.security;

import java.util.Optional;
import java.util.function.Function;
import org.rehabnet.platform.web.problem.NotFound;
import org.rehabnet.platform.web.problem.WrongSite;

/**
 * The one door every feature uses to reach a site's record (42 CFR Part 2: nothing leaks across
 * sites, not even a patient's existence). A record of a site the caller may not read is answered
 * with exactly the {@link NotFound} an unknown id gets, same type, same detail; a record the caller
 * may read but not change (a clinical lead's view of another site) is a {@link WrongSite} 403, since
 * the caller already knows it exists.
 *
 * <pre>{@code
 * Episode episode = SiteScope.readable(episodes.findById(id), Episode::site, caller, "Detox episode", id);
 * }</pre>
 */
public final class SiteScope {

  /** The record if it exists and the caller may read its site; otherwise the not-found problem. */
  public static <T> T readable(Optional<T> record, Function<T, String> site, Caller caller, String what, Object id) {
    return record.filter(found -> caller.canRead(site.apply(found))).orElseThrow(() -> new NotFound(what, id));
  }

  /**
   * The record if the caller works at its site. Not readable: not found, as above; readable only
   * (clinical lead elsewhere): 403 wrong site.
   */
  public static <T> T writable(Optional<T> record, Function<T, String> site, Caller caller, String what, Object id) {
    T found = readable(record, site, caller, what, id);
    String at = site.apply(found);
    if (!caller.worksAt(at)) {
      throw new WrongSite(at);
    }
    return found;
  }

  /** A site code the caller names (a census, a bed board): unknown and not-the-caller's look alike. */
  public static String readableSite(String site, boolean exists, Caller caller) {
    if (!exists || !caller.canRead(site)) {
      throw new NotFound("Site", site);
    }
    return site;
  }

  private SiteScope() {}
}
