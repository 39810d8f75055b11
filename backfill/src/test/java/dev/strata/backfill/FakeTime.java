package dev.strata.backfill;

import dev.strata.backfill.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told to, and a sleeper that moves it instead of sleeping. */
final class FakeTime extends Clock implements Sleeper {
  private Instant now = Instant.parse("2025-01-01T00:00:00Z");
  final List<Duration> pauses = new ArrayList<>();

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public void sleep(Duration pause) {
    pauses.add(pause);
    advance(pause);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
