package org.rehabnet.platform.web.security;

import java.util.Collection;
import java.util.List;
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
 *
 * Each service's {@code ForeignSiteWalkIntegrationTest} walks every id-bearing route with another
 * site's token and an unknown id and holds the answers identical; {@code ModularityTest} keeps the
 * site decisions in this class.
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

  /**
   * A record the caller answers for: readable, and at one of the caller's sites or the caller a
   * clinical lead, who answers alerts for every site of the network. Not readable: not found;
   * readable only: 403 wrong site.
   */
  public static <T> T answerable(Optional<T> record, Function<T, String> site, Caller caller, String what,
      Object id) {
    T found = readable(record, site, caller, what, id);
    String at = site.apply(found);
    if (!caller.worksAt(at) && !caller.hasRole(Roles.CLINICAL_LEAD)) {
      throw new WrongSite(at);
    }
    return found;
  }

  /**
   * A record only staff working at its site may see, not even a clinical lead from elsewhere
   * (counselling notes: psychotherapy notes stay with the treating site). Anyone else gets the
   * not-found an unknown id gets.
   */
  public static <T> T ownSite(Optional<T> record, Function<T, String> site, Caller caller, String what, Object id) {
    return record.filter(found -> caller.worksAt(site.apply(found))).orElseThrow(() -> new NotFound(what, id));
  }

  /** A record known at several sites (a patient's identity): readable if the caller reads any of them. */
  public static <T> T readableAtAnyOf(Optional<T> record, Function<T, Collection<String>> sites, Caller caller,
      String what, Object id) {
    return record.filter(found -> readsAnyOf(sites.apply(found), caller)).orElseThrow(() -> new NotFound(what, id));
  }

  /** The records of a list the caller may read; the others are left out as if they did not exist. */
  public static <T> List<T> readableOnly(Collection<T> records, Function<T, String> site, Caller caller) {
    return records.stream().filter(found -> caller.canRead(site.apply(found))).toList();
  }

  /** The records of a list at sites the caller works at (where the caller may change them). */
  public static <T> List<T> writableOnly(Collection<T> records, Function<T, String> site, Caller caller) {
    return records.stream().filter(found -> caller.worksAt(site.apply(found))).toList();
  }

  /** Whether the caller reads any of these sites: for a check that must not throw (the duplicate check). */
  public static boolean readsAnyOf(Collection<String> sites, Caller caller) {
    return sites.stream().anyMatch(caller::canRead);
  }

  /** A site code the caller names (a census, a bed board): unknown and not-the-caller's look alike. */
  public static String readableSite(String site, boolean exists, Caller caller) {
    if (!exists || !caller.canRead(site)) {
      throw new NotFound("Site", site);
    }
    return site;
  }

  /**
   * A site code named to a service that learns sites from events and serves one before its
   * settings arrive (monitoring's census, aftercare's caseload): only readability decides.
   */
  public static String readableSite(String site, Caller caller) {
    return readableSite(site, true, caller);
  }

  /** A site the caller changes (a bed, its settings): unknown or unreadable, not found; readable only, 403. */
  public static String writableSite(String site, boolean exists, Caller caller) {
    readableSite(site, exists, caller);
    if (!caller.worksAt(site)) {
      throw new WrongSite(site);
    }
    return site;
  }

  /**
   * The site a new record is made at, named in the request (a registration, a referral, a plan):
   * the caller must work there, else 403 wrong site. The service has already refused an unknown
   * site as invalid input; naming a site reveals nothing about anyone's records.
   */
  public static String workingSite(String site, Caller caller) {
    if (!caller.worksAt(site)) {
      throw new WrongSite(site);
    }
    return site;
  }

  private SiteScope() {}
}
