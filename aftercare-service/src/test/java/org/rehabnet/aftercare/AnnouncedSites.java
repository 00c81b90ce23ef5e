package org.rehabnet.aftercare;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rehabnet.platform.events.intake.SiteSettings;

/**
 * Before the first integration test of the JVM, intake's announcements of the test sites go to the
 * real sites topic, and the test waits until aftercare has applied them: every service test then runs
 * against sites aftercare knows, as in production, where intake announces every site at start.
 * (A test about a site that has not been announced uses a site code of its own.)
 */
public class AnnouncedSites implements BeforeEachCallback {

  private static final AtomicBoolean announced = new AtomicBoolean();

  @Override
  public void beforeEach(ExtensionContext context) {
    if (announced.get()) {
      return;
    }
    synchronized (AnnouncedSites.class) {
      if (!announced.get()) {
        Fixtures.SITE_ZONES.forEach((site, zone) ->
            Fixtures.announceSite(site, zone.getId(), SiteSettings.defaults(), 1));
        announced.set(true);
      }
    }
  }
}
